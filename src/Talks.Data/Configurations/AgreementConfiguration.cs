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

        builder.HasOne(a => a.Round).WithMany(r => r.Agreements).HasForeignKey(a => a.RoundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Obligations).WithOne().HasForeignKey(o => o.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Events).WithOne(e => e.Agreement).HasForeignKey(e => e.AgreementId).OnDelete(DeleteBehavior.Cascade);

        // GET /agreements filters: ?status=, ?type=, ?roundId= (?partyId= is served by the obligations' index).
        builder.HasIndex(a => a.Status);
        builder.HasIndex(a => a.Type);
        builder.HasIndex(a => a.RoundId);
    }
}
