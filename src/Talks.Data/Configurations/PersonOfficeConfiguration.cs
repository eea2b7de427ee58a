using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Talks.Data.Entities;

namespace Talks.Data.Configurations;

internal sealed class PersonOfficeConfiguration : IEntityTypeConfiguration<PersonOffice>
{
    public void Configure(EntityTypeBuilder<PersonOffice> builder)
    {
        builder.HasKey(o => new { o.PersonId, o.Ordinal });
        builder.Property(o => o.PersonId).HasMaxLength(ConfigurationExtensions.IdLength);
        builder.Property(o => o.PartyId).HasMaxLength(ConfigurationExtensions.IdLength);
        builder.Property(o => o.Title).HasMaxLength(ConfigurationExtensions.NameLength);

        // Serves the reference check when a party is deleted.
        builder.HasOne(o => o.Party).WithMany().HasForeignKey(o => o.PartyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => o.PartyId);
    }
}
