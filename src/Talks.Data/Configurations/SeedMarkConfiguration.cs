using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Talks.Data.Entities;

namespace Talks.Data.Configurations;

internal sealed class SeedMarkConfiguration : IEntityTypeConfiguration<SeedMark>
{
    public void Configure(EntityTypeBuilder<SeedMark> builder)
    {
        builder.HasKey(m => new { m.Collection, m.Id });
        builder.Property(m => m.Collection).HasMaxLength(40);
        builder.Property(m => m.Id).HasMaxLength(ConfigurationExtensions.IdLength);
    }
}
