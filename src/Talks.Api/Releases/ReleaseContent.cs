using Microsoft.EntityFrameworkCore;
using Talks.Data;

namespace Talks.Api.Releases;

/// <summary>
/// A stored release read as a stream: seekable, so ASP.NET Core answers Range requests from it, and fetching one
/// part at a time as the reader gets there, so a download holds one part however large the release.
/// </summary>
internal sealed class ReleaseContent(TalksDbContext db, string version, string format, long length, int partSize) : Stream
{
    private byte[] _part = [];
    private int _partOrdinal = -1;

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => length;
    public override long Position { get; set; }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (Position >= length || buffer.Length == 0)
        {
            return 0;
        }

        var ordinal = (int)(Position / partSize);
        if (ordinal != _partOrdinal)
        {
            _part = await db.ReleaseParts.AsNoTracking()
                .Where(p => p.ReleaseId == version && p.Format == format && p.Ordinal == ordinal)
                .Select(p => p.Bytes).SingleAsync(cancellationToken);
            _partOrdinal = ordinal;
        }

        var offset = (int)(Position - ((long)ordinal * partSize));
        var count = Math.Min(buffer.Length, _part.Length - offset);
        _part.AsMemory(offset, count).CopyTo(buffer);
        Position += count;
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => Position + offset,
        _ => length + offset,
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
