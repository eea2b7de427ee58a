using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Talks.Data.Entities;

namespace Talks.Data.Configurations;

internal sealed class PartyMemberConfiguration : IEntityTypeConfiguration<PartyMember>
{
    public void Configure(EntityTypeBuilder<PartyMember> builder)
    {
        builder.HasKey(m => new { m.GroupId, m.Ordinal });
        builder.Property(m => m.GroupId).HasMaxLength(ConfigurationExtensions.IdLength);
        builder.Property(m => m.MemberId).HasMaxLength(ConfigurationExtensions.IdLength);

        // Serves GET /parties?memberId= (the groups a party belongs to) and the reference check when a party is deleted.
        builder.HasOne(m => m.Member).WithMany(p => p.Memberships).HasForeignKey(m => m.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => m.MemberId);
    }
}
