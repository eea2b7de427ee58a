using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Talks.Api.Answers.ETags;

/// <summary>
/// The one strong ETag of a representation, whichever request returned it: a read, the answer to the write that made
/// it, or a list as CSV. Two answers with the same bytes get the same tag, so a client may revalidate what its own
/// write returned.
/// </summary>
public static class EntityTags
{
    /// <summary>
    /// "version-digest" where the record has a version, so If-Match can still compare versions while the digest
    /// covers what the answer embeds from other records (a round's positions, a talk's round count); a digest alone
    /// for lists.
    /// </summary>
    public static string For(string versionTag, ReadOnlySpan<byte> body) => WithDigest(versionTag, SHA256.HashData(body));

    public static string WithDigest(string versionTag, byte[] sha256)
    {
        var digest = WebEncoders.Base64UrlEncode(sha256)[..22];
        return versionTag.Length > 2 ? $"{versionTag.TrimEnd('"')}-{digest}\"" : $"\"{digest}\"";
    }

    /// <summary>If-None-Match compares weakly (RFC 9110 §13.1.2): W/"x" matches "x".</summary>
    public static bool NoneMatchHits(StringValues ifNoneMatch, string etag) =>
        ifNoneMatch.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Any(tag => tag == "*" || tag == etag || tag == "W/" + etag);
}
