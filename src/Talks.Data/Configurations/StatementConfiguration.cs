using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Talks.Data.Entities;

namespace Talks.Data.Configurations;

internal sealed class StatementConfiguration : IEntityTypeConfiguration<Statement>
{
    public void Configure(EntityTypeBuilder<Statement> builder)
    {
        builder.ConfigureCited();
        builder.Property(s => s.SpeakerBody).HasMaxLength(ConfigurationExtensions.NameLength);
        builder.Property(s => s.Quote).HasMaxLength(ConfigurationExtensions.TextLength);
        builder.Property(s => s.Context).HasMaxLength(ConfigurationExtensions.TextLength);

        builder.HasOne(s => s.SpeakerPerson).WithMany().HasForeignKey(s => s.SpeakerPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.SpeakerParty).WithMany().HasForeignKey(s => s.SpeakerPartyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Round).WithMany(r => r.Statements).HasForeignKey(s => s.RoundId).OnDelete(DeleteBehavior.Restrict);

        // GET /statements filters: ?speakerPersonId=, ?speakerPartyId=, ?roundId=.
        builder.HasIndex(s => s.SpeakerPersonId);
        builder.HasIndex(s => s.SpeakerPartyId);
        builder.HasIndex(s => s.RoundId);
    }
}
