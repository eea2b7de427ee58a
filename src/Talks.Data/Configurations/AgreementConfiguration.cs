using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Talks.Data.Entities;

namespace Talks.Data.Configurations;

internal sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> builder)
    {
        builder.ConfigureCited();
        builder.Property(a => a.Title).HasMaxLength(ConfigurationExtensions.NameLength);
        builder.Property(a => a.Summary).HasMaxLength(ConfigurationExtensions.TextLength);
        builder.Property(a => a.ImplementationDateNote).HasMaxLength(ConfigurationExtensions.TextLength);
        builder.PrimitiveCollection(a => a.TopicIds).IsRequired();

        builder.HasOne(a => a.Round).WithMany(r => r.Agreements).HasForeignKey(a => a.RoundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Renewals).WithOne().HasForeignKey(r => r.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Obligations).WithOne().HasForeignKey(o => o.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Events).WithOne(e => e.Agreement).HasForeignKey(e => e.AgreementId).OnDelete(DeleteBehavior.Cascade);

        // GET /agreements filters (?status=, ?type=) × sorts (id, title, createdAt), paged by keyset: filter, sort
        // key, Id. A round has one or two agreements, so ?roundId= needs no sort column; ?partyId= is served by the
        // obligations' indexes.
        builder.HasIndex(a => new { a.Status, a.Id });
        builder.HasIndex(a => new { a.Status, a.Title, a.Id });
        builder.HasIndex(a => new { a.Status, a.CreatedAt, a.Id });
        builder.HasIndex(a => new { a.Type, a.Id });
        builder.HasIndex(a => new { a.Type, a.Title, a.Id });
        builder.HasIndex(a => new { a.Type, a.CreatedAt, a.Id });
        builder.HasIndex(a => a.RoundId);
        builder.HasIndex(a => new { a.Title, a.Id });
        builder.HasIndex(a => new { a.CreatedAt, a.Id });
    }
}
