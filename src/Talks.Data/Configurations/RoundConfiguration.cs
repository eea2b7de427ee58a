using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Talks.Data.Entities;

namespace Talks.Data.Configurations;

internal sealed class RoundConfiguration : IEntityTypeConfiguration<Round>
{
    public void Configure(EntityTypeBuilder<Round> builder)
    {
        builder.ConfigureCited();
        builder.Property(r => r.City).HasMaxLength(ConfigurationExtensions.NameLength);
        builder.Property(r => r.CountryCode).HasMaxLength(2);
        builder.Property(r => r.Venue).HasMaxLength(ConfigurationExtensions.NameLength);
        builder.Property(r => r.VenueDescription).HasMaxLength(ConfigurationExtensions.TextLength);
        builder.Property(r => r.Summary).HasMaxLength(ConfigurationExtensions.TextLength);
        builder.Property(r => r.Outcome).HasMaxLength(ConfigurationExtensions.TextLength);
        builder.Property(r => r.Atmosphere).HasMaxLength(ConfigurationExtensions.TextLength);

        builder.HasOne(r => r.Talk).WithMany(t => t.Rounds).HasForeignKey(r => r.TalkId).OnDelete(DeleteBehavior.Restrict);

        // A talk's rounds are numbered once each.
        builder.HasIndex(r => new { r.TalkId, r.Sequence }).IsUnique();

        // Serves GET /rounds?talkId=&from=&to= (a talk's rounds by date) ...
        builder.HasIndex(r => new { r.TalkId, r.Date, r.Id });

        // ... and, across talks, the keyset pages of each sort: date (the default, also for ?from=&to=), sequence,
        // createdAt. Each ends in Id, the tie-breaker of the list's order.
        builder.HasIndex(r => new { r.Date, r.Id });
        builder.HasIndex(r => new { r.Sequence, r.Id });
        builder.HasIndex(r => new { r.CreatedAt, r.Id });

        builder.HasMany(r => r.Participants).WithOne().HasForeignKey(p => p.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Delegates).WithOne(d => d.Round).HasForeignKey(d => d.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}
