using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Talks.Data.Entities;

namespace Talks.Data.Configurations;

internal sealed class ObligationConfiguration : IEntityTypeConfiguration<Obligation>
{
    public void Configure(EntityTypeBuilder<Obligation> builder)
    {
        builder.HasKey(o => new { o.AgreementId, o.Ordinal });
        builder.Property(o => o.AgreementId).HasMaxLength(ConfigurationExtensions.IdLength);
        builder.Property(o => o.PartyId).HasMaxLength(ConfigurationExtensions.IdLength);
        builder.Property(o => o.BeneficiaryPartyId).HasMaxLength(ConfigurationExtensions.IdLength);
        builder.Property(o => o.Description).HasMaxLength(ConfigurationExtensions.TextLength);
        builder.Property(o => o.Unit).HasMaxLength(ConfigurationExtensions.NameLength);
        builder.Property(o => o.Condition).HasMaxLength(ConfigurationExtensions.TextLength);

        builder.HasOne(o => o.Party).WithMany().HasForeignKey(o => o.PartyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(o => o.BeneficiaryParty).WithMany().HasForeignKey(o => o.BeneficiaryPartyId).OnDelete(DeleteBehavior.Restrict);

        // Serves GET /agreements?partyId= (an agreement binds the parties that owe under it) and party deletes.
        builder.HasIndex(o => o.PartyId);
        builder.HasIndex(o => o.BeneficiaryPartyId);
    }
}
