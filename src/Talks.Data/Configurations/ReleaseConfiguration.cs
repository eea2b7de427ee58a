using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Talks.Data.Entities;

namespace Talks.Data.Configurations;

internal sealed class ReleaseConfiguration : IEntityTypeConfiguration<Release>
{
    public void Configure(EntityTypeBuilder<Release> builder)
    {
        builder.ConfigureEntity();
        builder.Property(r => r.Notes).HasMaxLength(ConfigurationExtensions.TextLength);
        builder.Property(r => r.ZipSha256).HasMaxLength(64);
        builder.Property(r => r.JsonSha256).HasMaxLength(64);

        // Serves GET /releases, newest first.
        builder.HasIndex(r => r.CreatedAt);
    }
}

internal sealed class ReleasePartConfiguration : IEntityTypeConfiguration<ReleasePart>
{
    public void Configure(EntityTypeBuilder<ReleasePart> builder)
    {
        // The key is also the download's read order: one release, one format, part after part.
        builder.HasKey(p => new { p.ReleaseId, p.Format, p.Ordinal });
        builder.Property(p => p.ReleaseId).HasMaxLength(ConfigurationExtensions.IdLength);
        builder.Property(p => p.Format).HasMaxLength(10);
        builder.HasOne<Release>().WithMany().HasForeignKey(p => p.ReleaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
