using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Talks.Data.Entities;

namespace Talks.Data.Configurations;

internal sealed class AgreementRenewalConfiguration : IEntityTypeConfiguration<AgreementRenewal>
{
    public void Configure(EntityTypeBuilder<AgreementRenewal> builder)
    {
        // Read only with their agreement, by the key's leading AgreementId.
        builder.HasKey(r => new { r.AgreementId, r.Ordinal });
        builder.Property(r => r.AgreementId).HasMaxLength(ConfigurationExtensions.IdLength);
        builder.Property(r => r.Note).HasMaxLength(ConfigurationExtensions.TextLength);
    }
}
