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

        // GET /positions filters: ?roundId=, ?partyId=, ?topic=, ?kind=; the last two also
        // serve reference checks on delete.
        builder.HasIndex(p => p.RoundId);
        builder.HasIndex(p => new { p.PartyId, p.Topic });
        builder.HasIndex(p => p.Topic);
        builder.HasIndex(p => p.Kind);
        builder.HasIndex(p => p.VoicedById);
        builder.HasIndex(p => p.AnswersId);
    }
}
