using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Talks.Data.Entities;

namespace Talks.Data.Configurations;

internal sealed class TalkConfiguration : IEntityTypeConfiguration<Talk>
{
    public void Configure(EntityTypeBuilder<Talk> builder)
    {
        builder.ConfigureCited();
        builder.Property(t => t.Title).HasMaxLength(ConfigurationExtensions.NameLength);
        builder.Property(t => t.Summary).HasMaxLength(ConfigurationExtensions.TextLength);

        // GET /talks sorts by title and createdAt, paged by keyset (sort key, then Id).
        builder.HasIndex(t => new { t.Title, t.Id });
        builder.HasIndex(t => new { t.CreatedAt, t.Id });
    }
}
