using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Talks.Data.Entities;

namespace Talks.Data.Configurations;

internal sealed class SourceConfiguration : IEntityTypeConfiguration<Source>
{
    public void Configure(EntityTypeBuilder<Source> builder)
    {
        builder.ConfigureEntity();
        builder.Property(s => s.Title).HasMaxLength(ConfigurationExtensions.NameLength * 2);
        builder.Property(s => s.Publisher).HasMaxLength(ConfigurationExtensions.NameLength);
        builder.Property(s => s.Url).HasMaxLength(2000);
        builder.Property(s => s.Notes).HasMaxLength(ConfigurationExtensions.TextLength);
    }
}
