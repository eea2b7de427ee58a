using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Talks.Data.Entities;

namespace Talks.Data.Configurations;

internal sealed class ChangeRecordConfiguration : IEntityTypeConfiguration<ChangeRecord>
{
    public void Configure(EntityTypeBuilder<ChangeRecord> builder)
    {
        // The key is the feed's cursor (GET /changes?cursor=), so it must only ever grow.
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedOnAdd();
        builder.Property(c => c.Collection).HasMaxLength(40);
        builder.Property(c => c.RecordId).HasMaxLength(ConfigurationExtensions.IdLength);
        builder.Property(c => c.TalkId).HasMaxLength(ConfigurationExtensions.IdLength);
        builder.Property(c => c.Actor).HasMaxLength(ConfigurationExtensions.IdLength);

        // Serves GET /changes?collection= (and its stream), oldest first from the cursor.
        builder.HasIndex(c => new { c.Collection, c.Id });

        // Serves the read cache's question before every read of a talk's records: the newest change of this talk
        // (TalkId = @talk), and of shared records (TalkId IS NULL), each one step down this index.
        builder.HasIndex(c => new { c.TalkId, c.Id });

        // Serves GET /{collection}/{id}/history, newest first.
        builder.HasIndex(c => new { c.Collection, c.RecordId, c.Id });
    }
}
