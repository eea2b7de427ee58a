using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Talks.Data.Entities;

namespace Talks.Data.Configurations;

internal sealed class PartyConfiguration : IEntityTypeConfiguration<Party>
{
    public void Configure(EntityTypeBuilder<Party> builder)
    {
        builder.ConfigureCited();
        builder.Property(p => p.Name).HasMaxLength(ConfigurationExtensions.NameLength);
        builder.Property(p => p.CountryCode).HasMaxLength(2);
        builder.Property(p => p.Notes).HasMaxLength(ConfigurationExtensions.TextLength);
        builder.HasMany(p => p.OtherNames).WithOne().HasForeignKey(n => n.PartyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Members).WithOne().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
    }
}
