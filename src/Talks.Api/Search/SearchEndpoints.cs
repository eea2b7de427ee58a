using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Infrastructure;
using Talks.Data;

namespace Talks.Api.Search;

public static partial class SearchEndpoints
{
    private const char MarkStart = '\u0002';
    private const char MarkEnd = '\u0003';

    /// <summary>How many matches, newest first, a search ranks; pages end there.</summary>
    public const int RankedMatches = 1000;

    public static IEndpointRouteBuilder MapSearchEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGroup("/search").WithTags("Search")
            .MapGet("/", Search).WithName("Search")
            .WithSummary("Search rounds, positions, statements and agreements; best matches first, each with a highlighted snippet.")
            .WithDescription($"Ranks the {RankedMatches.ToString("N0", CultureInfo.InvariantCulture)} most recently recorded matches: a word found in more records than that "
                + "finds the best of the newest ones. Add words, type= or talkId= to narrow it.")
            .RejectsUnknownQuery();
        return api;
    }

    private static async Task<Results<Ok<Page<SearchHit>>, ValidationProblem>> Search(
        [AsParameters] SearchQuery query, TalksDbContext db, HttpContext http, CancellationToken ct)
    {
        var errors = Paging.Check(query.Limit, query.Cursor, 1, out var take, out var after);
        var type = EnumText<SearchType>.Parse(query.Type, "type", errors);
        var offset = 0;
        if (after is [var skipped] && (!int.TryParse(skipped, NumberStyles.None, CultureInfo.InvariantCulture, out offset) || offset >= RankedMatches))
        {
            errors["cursor"] = ["The cursor is not one this list issued."];
        }

        var match = MatchExpression(query.Q);
        if (match is null)
        {
            errors["q"] = ["Give q: one to twenty words to search for."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var typeName = type is null ? null : TypeName(type.Value);
        // Ranking reads every candidate's statistics, so a common word over a large archive would score hundreds of
        // thousands of rows per request; ranking the newest matches only keeps a page's cost bounded.
        var rows = await db.Database.SqlQuery<SearchRow>($"""
            WITH Candidates AS (
                SELECT SearchText.rowid AS RowId
                FROM SearchText
                JOIN SearchDocs AS d ON d.RowId = SearchText.rowid
                WHERE SearchText MATCH {match}
                  AND ({typeName} IS NULL OR d.Type = {typeName})
                  AND ({query.TalkId} IS NULL OR d.TalkId = {query.TalkId})
                ORDER BY SearchText.rowid DESC
                LIMIT {RankedMatches})
            SELECT d.Type, d.RecordId, d.TalkId, d.Title,
                   snippet(SearchText, 1, {MarkStart.ToString()}, {MarkEnd.ToString()}, '…', 20) AS Snippet,
                   bm25(SearchText, 2.0, 1.0) AS Score
            FROM SearchText
            JOIN SearchDocs AS d ON d.RowId = SearchText.rowid
            WHERE SearchText MATCH {match}
              AND SearchText.rowid >= (SELECT min(RowId) FROM Candidates)
              AND ({typeName} IS NULL OR d.Type = {typeName})
              AND ({query.TalkId} IS NULL OR d.TalkId = {query.TalkId})
            ORDER BY Score, d.RowId
            LIMIT {take + 1} OFFSET {offset}
            """).ToListAsync(ct);

        var hits = rows.Select(r => new SearchHit(
            Enum.Parse<SearchType>(r.Type, ignoreCase: true), r.RecordId, r.TalkId, r.Title, Highlight(r.Snippet), -r.Score,
            $"/api/v1/{r.Type}s/{r.RecordId}")).ToList();
        var end = offset + Math.Min(hits.Count, take);
        return TypedResults.Ok(hits.ToPage(take, http, _ => Paging.Encode(end.ToString(CultureInfo.InvariantCulture))));
    }

    /// <summary>
    /// Words only, each quoted, so nothing a user types is read as FTS5 syntax (no operator or column filter can
    /// break the query); the last word also matches as a prefix, for search-as-you-type.
    /// </summary>
    private static string? MatchExpression(string? q)
    {
        if (q is null || q.Length > 200)
        {
            return null;
        }

        var words = Words().Matches(q).Select(m => m.Value).Take(20).ToList();
        return words.Count == 0 ? null : string.Join(' ', words.Select((w, i) => i == words.Count - 1 ? $"\"{w}\"*" : $"\"{w}\""));
    }

    private static string TypeName(SearchType type) => type.ToString().ToLowerInvariant();

    /// <summary>Escapes the text for HTML, then turns the index's match markers into &lt;mark&gt; elements.</summary>
    private static string Highlight(string snippet) =>
        WebUtility.HtmlEncode(snippet).Replace(MarkStart.ToString(), "<mark>").Replace(MarkEnd.ToString(), "</mark>");

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Words();
}
