using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Talks.Data.Entities;

namespace Talks.Data.Configurations;

internal sealed class PositionConfiguration : IEntityTypeConfiguration<Position>
{
    public void Configure(EntityTypeBuilder<Position> builder)
    {
        builder.ConfigureCited();
        builder.Property(p => p.Topic).HasMaxLength(ConfigurationExtensions.IdLength);
        builder.Property(p => p.Summary).HasMaxLength(ConfigurationExtensions.TextLength);
        builder.Property(p => p.Quote).HasMaxLength(ConfigurationExtensions.TextLength);

        builder.HasOne(p => p.Round).WithMany(r => r.Positions).HasForeignKey(p => p.RoundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Party).WithMany().HasForeignKey(p => p.PartyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.VoicedBy).WithMany().HasForeignKey(p => p.VoicedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Answers).WithMany().HasForeignKey(p => p.AnswersId).OnDelete(DeleteBehavior.Restrict);

        // GET /positions pages by keyset: each filter × sort (id, topic, createdAt) has an index that starts with the
        // filter and ends in the sort key and Id, so a page is a range read instead of sorting every match. A round
        // holds a few dozen positions, so ?roundId= only needs its own column (and Id, for the full round's order).
        builder.HasIndex(p => new { p.RoundId, p.Id });
        builder.HasIndex(p => new { p.PartyId, p.Id });
        builder.HasIndex(p => new { p.PartyId, p.Topic, p.Id });
        builder.HasIndex(p => new { p.PartyId, p.CreatedAt, p.Id });
        builder.HasIndex(p => new { p.Topic, p.Id });
        builder.HasIndex(p => new { p.Topic, p.CreatedAt, p.Id });
        builder.HasIndex(p => new { p.Kind, p.Id });
        builder.HasIndex(p => new { p.Kind, p.Topic, p.Id });
        builder.HasIndex(p => new { p.Kind, p.CreatedAt, p.Id });
        builder.HasIndex(p => new { p.CreatedAt, p.Id });

        // Reference checks when a person is deleted and when a position is answered or deleted.
        builder.HasIndex(p => p.VoicedById);
        builder.HasIndex(p => p.AnswersId);
    }
}
