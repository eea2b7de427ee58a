using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Talks.Data.Entities;

namespace Talks.Data.Configurations;

internal sealed class RoundDelegateConfiguration : IEntityTypeConfiguration<RoundDelegate>
{
    public void Configure(EntityTypeBuilder<RoundDelegate> builder)
    {
        builder.HasKey(d => new { d.RoundId, d.PersonId });
        builder.Property(d => d.RoundId).HasMaxLength(ConfigurationExtensions.IdLength);
        builder.Property(d => d.PersonId).HasMaxLength(ConfigurationExtensions.IdLength);
        builder.Property(d => d.PartyId).HasMaxLength(ConfigurationExtensions.IdLength);
        builder.Property(d => d.Notes).HasMaxLength(ConfigurationExtensions.TextLength);
        builder.Property(d => d.Office).HasMaxLength(ConfigurationExtensions.NameLength);

        // Both serve the reference checks when a person or a party is deleted.
        builder.HasOne(d => d.Person).WithMany().HasForeignKey(d => d.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(d => d.Party).WithMany().HasForeignKey(d => d.PartyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => d.PersonId);
        builder.HasIndex(d => d.PartyId);
    }
}
