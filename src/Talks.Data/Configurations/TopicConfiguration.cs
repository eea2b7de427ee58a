using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Talks.Data.Entities;

namespace Talks.Data.Configurations;

internal sealed class TopicConfiguration : IEntityTypeConfiguration<Topic>
{
    public void Configure(EntityTypeBuilder<Topic> builder)
    {
        builder.ConfigureEntity();
        builder.Property(t => t.Label).HasMaxLength(ConfigurationExtensions.NameLength);
        builder.Property(t => t.Description).HasMaxLength(ConfigurationExtensions.TextLength);
        builder.Property(t => t.ParentId).HasMaxLength(ConfigurationExtensions.IdLength);
        builder.Property(t => t.PaxCode).HasMaxLength(20);
        builder.Property(t => t.ReplacedById).HasMaxLength(ConfigurationExtensions.IdLength);
        builder.PrimitiveCollection(t => t.Aliases).IsRequired();

        builder.HasOne(t => t.Parent).WithMany().HasForeignKey(t => t.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Topic>().WithMany().HasForeignKey(t => t.ReplacedById).OnDelete(DeleteBehavior.Restrict);

        // GET /topics?parentId= and the reference check when a topic is deleted; the list's label sort.
        builder.HasIndex(t => new { t.ParentId, t.Id });
        builder.HasIndex(t => new { t.Label, t.Id });
        builder.HasIndex(t => new { t.CreatedAt, t.Id });
        builder.HasIndex(t => t.ReplacedById);
    }
}
