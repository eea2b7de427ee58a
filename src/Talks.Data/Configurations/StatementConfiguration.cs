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

        // GET /statements filters (?speakerPersonId=, ?speakerPartyId=, ?roundId=) × sorts (id, createdAt), paged by
        // keyset: filter, sort key, Id. A round has a handful of statements, so ?roundId= needs no sort column.
        builder.HasIndex(s => new { s.SpeakerPersonId, s.Id });
        builder.HasIndex(s => new { s.SpeakerPersonId, s.CreatedAt, s.Id });
        builder.HasIndex(s => new { s.SpeakerPartyId, s.Id });
        builder.HasIndex(s => new { s.SpeakerPartyId, s.CreatedAt, s.Id });
        builder.HasIndex(s => new { s.RoundId, s.Id });
        builder.HasIndex(s => new { s.CreatedAt, s.Id });
    }
}
