using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Talks.Data.Entities;

namespace Talks.Data.Configurations;

internal sealed class PartyNameConfiguration : IEntityTypeConfiguration<PartyName>
{
    public void Configure(EntityTypeBuilder<PartyName> builder)
    {
        builder.HasKey(n => new { n.PartyId, n.Ordinal });
        builder.Property(n => n.PartyId).HasMaxLength(ConfigurationExtensions.IdLength);
        builder.ConfigureOtherName();
    }
}
