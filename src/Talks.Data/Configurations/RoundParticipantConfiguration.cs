using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Talks.Data.Entities;

namespace Talks.Data.Configurations;

internal sealed class RoundParticipantConfiguration : IEntityTypeConfiguration<RoundParticipant>
{
    public void Configure(EntityTypeBuilder<RoundParticipant> builder)
    {
        builder.HasKey(p => new { p.RoundId, p.PartyId, p.Role });
        builder.Property(p => p.RoundId).HasMaxLength(ConfigurationExtensions.IdLength);
        builder.Property(p => p.PartyId).HasMaxLength(ConfigurationExtensions.IdLength);
        builder.Property(p => p.Notes).HasMaxLength(ConfigurationExtensions.TextLength);

        // Serves the reference check when a party is deleted.
        builder.HasOne(p => p.Party).WithMany().HasForeignKey(p => p.PartyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.PartyId);

        // Serves GET /rounds?role= (with or without partyId=): the rounds where a party held a role.
        builder.HasIndex(p => new { p.Role, p.PartyId });
    }
}
