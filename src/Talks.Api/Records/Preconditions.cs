using Microsoft.AspNetCore.Http.HttpResults;

namespace Talks.Api.Records;

/// <summary>Strong ETags from the record's version, and the If-Match rules that stop lost updates.</summary>
public static class Preconditions
{
    public static string ETagFor(long version) => $"\"{version}\"";

    public static void SetETag(this HttpContext http, long version) => http.Response.Headers.ETag = ETagFor(version);

    /// <summary>
    /// An update or delete must say which version it was based on. Missing If-Match → 428; a different version
    /// → 412 carrying the current ETag, so the client can re-read and retry knowingly.
    /// </summary>
    public static ProblemHttpResult? Check(HttpContext http, long currentVersion)
    {
        var ifMatch = http.Request.Headers.IfMatch;
        if (ifMatch.Count == 0)
        {
            return TypedResults.Problem(
                type: "https://www.rfc-editor.org/rfc/rfc6585#section-3",
                statusCode: StatusCodes.Status428PreconditionRequired,
                title: "If-Match is required.",
                detail: "Send the ETag you read in an If-Match header, so your change cannot overwrite one you have not seen.");
        }

        // Answers carry "version-digest" (see EntityTags); a 412 hands out the bare "version". Either names the version.
        var current = ETagFor(currentVersion);
        var readPrefix = current.TrimEnd('"') + "-";
        var matches = ifMatch
            .SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Any(tag => tag == "*" || tag == current || (tag.StartsWith(readPrefix, StringComparison.Ordinal) && tag.EndsWith('"')));
        if (matches)
        {
            return null;
        }

        http.SetETag(currentVersion);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status412PreconditionFailed,
            title: "The record has changed since you read it.",
            detail: $"Your If-Match does not match the current ETag {current}. Read the record again and reapply your change.");
    }
}
