using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Talks.Data.Entities;

namespace Talks.Data.Configurations;

internal sealed class AgreementEventConfiguration : IEntityTypeConfiguration<AgreementEvent>
{
    public void Configure(EntityTypeBuilder<AgreementEvent> builder)
    {
        builder.ConfigureCited();
        builder.Property(e => e.Description).HasMaxLength(ConfigurationExtensions.TextLength);
        builder.Property(e => e.Unit).HasMaxLength(ConfigurationExtensions.NameLength);
        builder.PrimitiveCollection(e => e.Completes).IsRequired();

        // Serves GET /agreements/{id}/events, in the order they happened.
        builder.HasIndex(e => new { e.AgreementId, e.OccurredOn });
    }
}
