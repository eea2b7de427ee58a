using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Talks.Data.Entities;

namespace Talks.Data.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ConfigureCited();
        builder.Property(p => p.Name).HasMaxLength(ConfigurationExtensions.NameLength);
        builder.Property(p => p.Notes).HasMaxLength(ConfigurationExtensions.TextLength);

        // Serves GET /people?partyId= and the reference check when a party is deleted.
        builder.HasOne(p => p.Party).WithMany().HasForeignKey(p => p.PartyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.PartyId);
        builder.HasMany(p => p.Offices).WithOne().HasForeignKey(o => o.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.OtherNames).WithOne().HasForeignKey(n => n.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
