using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Hosting.Database;
using Talks.Api.Hosting.Json;
using Talks.Api.Positions;
using Talks.Data;
using Talks.Api.Lists;

namespace Talks.Api.Search;

public static partial class SearchEndpoints
{
    /// <summary>How many matches, newest first, a search ranks; pages end there.</summary>
    public const int RankedMatches = 1000;

    public static IEndpointRouteBuilder MapSearchEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGroup("/search").WithTags("Search")
            .MapGet("/", Search).WithName("Search")
            .WithSummary("Search rounds, positions, statements, agreements, people, parties and topics; best matches first, each with a highlighted snippet.")
            .WithDescription($"Ranks the {RankedMatches.ToString("N0", CultureInfo.InvariantCulture)} most recently recorded matches: "
                + "a word found in more records than that finds the best of the newest ones. Add words, type= or talkId= to narrow it. "
                + "A person or party is found by their name or any other name, in either script: a Cyrillic name in Latin letters too, "
                + "as the common transliterations write it (Medinskiy, Medinsky, Medinskii and Мединский find one another). "
                + "A topic is found by its label, aliases and description. "
                + "People, parties and topics belong to no one talk, so talkId= leaves them out.")
            .RejectsUnknownQuery();
        return api;
    }

    private static async Task<Results<Ok<Page<SearchHit>>, ValidationProblem>> Search(
        [AsParameters] SearchQuery query, TalksDbContext db, DatabaseInfo database, HttpContext http, CancellationToken ct)
    {
        var errors = Paging.Check(query.Limit, query.Cursor, 1, out var take, out var after);
        var type = EnumText<SearchType>.Parse(query.Type, "type", errors);
        var offset = 0;
        if (after is [var skipped] && (!int.TryParse(skipped, NumberStyles.None, CultureInfo.InvariantCulture, out offset) || offset >= RankedMatches))
        {
            errors["cursor"] = ["The cursor is not one this list issued."];
        }

        var match = SearchWords(query.Q);
        if (match is null)
        {
            errors["q"] = ["Give q: one to twenty words to search for."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var typeName = type is null ? null : TypeName(type.Value);
        var words = match!;
        var terms = QueryTerms.From(words);
        // Ranking reads every candidate (its text on SQLite, its tsvector on PostgreSQL), so a common word over a large
        // archive would score hundreds of thousands of rows per request; ranking the newest matches only keeps a
        // page's cost bounded. SQLite scores them with talks_rank (SqliteRanking, the same weighting as QueryTerms) and
        // sorts only their ids and scores, reading the rest of a row for the page alone; for both providers the page's
        // snippets are cut from its text here (QueryTerms.SnippetHtml).
        var rows = await (database.Provider == DatabaseProvider.Postgres
            ? db.Database.SqlQuery<SearchRow>($"""
                SELECT d."Type", d."RecordId", d."TalkId", d."Title", d."Body", ts_rank(d."Document", q.query)::float8 AS "Score"
                FROM (
                    SELECT c."RowId"
                    FROM "SearchDocs" AS c, to_tsquery('talks_search', {PostgresQuery(terms)}) AS q(query)
                    WHERE c."Document" @@ q.query
                      AND ({typeName}::text IS NULL OR c."Type" = {typeName})
                      AND ({query.TalkId}::text IS NULL OR c."TalkId" = {query.TalkId})
                    ORDER BY c."RowId" DESC
                    LIMIT {RankedMatches}) AS candidates
                JOIN "SearchDocs" AS d ON d."RowId" = candidates."RowId",
                to_tsquery('talks_search', {PostgresQuery(terms)}) AS q(query)
                ORDER BY "Score" DESC, d."RowId" DESC
                LIMIT {take + 1} OFFSET {offset}
                """)
            : db.Database.SqlQuery<SearchRow>($"""
                WITH Candidates AS (
                    SELECT d.RowId, d.Title, d.Body
                    FROM SearchText
                    JOIN SearchDocs AS d ON d.RowId = SearchText.rowid
                    WHERE SearchText MATCH {Fts5Query(terms)}
                      AND ({typeName} IS NULL OR d.Type = {typeName})
                      AND ({query.TalkId} IS NULL OR d.TalkId = {query.TalkId})
                    ORDER BY SearchText.rowid DESC
                    LIMIT {RankedMatches}),
                Ranked AS (
                    SELECT RowId, talks_rank(Title, Body, {terms.Text}) AS Score
                    FROM Candidates
                    ORDER BY Score DESC, RowId DESC
                    LIMIT {take + 1} OFFSET {offset})
                SELECT d.Type, d.RecordId, d.TalkId, d.Title, d.Body, r.Score
                FROM Ranked AS r
                JOIN SearchDocs AS d ON d.RowId = r.RowId
                ORDER BY r.Score DESC, r.RowId DESC
                """)).ToListAsync(ct);

        // A position is indexed under its topic, and shown as who took it: "Russia: demand on territory".
        var positionIds = rows.Where(r => r.Type == "position").Select(r => r.RecordId).ToList();
        var positionTitles = positionIds.Count == 0 ? [] : await db.Positions.AsNoTracking()
            .Where(p => positionIds.Contains(p.Id))
            .Select(p => new { p.Id, Party = p.Party!.Name, p.Kind, p.Topic })
            .ToDictionaryAsync(p => p.Id, p => PositionResource.Title(p.Party, p.Kind, p.Topic), ct);

        var hits = rows.Select(r => new SearchHit(
            Enum.Parse<SearchType>(r.Type, ignoreCase: true), r.RecordId, r.TalkId,
            r.Type == "position" ? positionTitles.GetValueOrDefault(r.RecordId, r.Title) : r.Title, terms.SnippetHtml(r.Title, r.Body), r.Score,
            $"/api/v1/{Collection(r.Type)}/{r.RecordId}")).ToList();
        var end = offset + Math.Min(hits.Count, take);
        return TypedResults.Ok(hits.ToPage(take, http, _ => Paging.Encode(end.ToString(CultureInfo.InvariantCulture))));
    }

    /// <summary>
    /// Letters and digits only, at most twenty words: nothing a user types can be read as query syntax (no operator
    /// or column filter can break the query).
    /// </summary>
    private static List<string>? SearchWords(string? q)
    {
        if (q is null || q.Length > 200)
        {
            return null;
        }

        var words = Words().Matches(q).Select(m => m.Value).Take(20).ToList();
        return words.Count == 0 ? null : words;
    }

    /// <summary>
    /// Every word must match, in any of the spellings the index may hold it in; the last also as a prefix, for
    /// search-as-you-type.
    /// </summary>
    private static string Fts5Query(QueryTerms terms) =>
        string.Join(" AND ", Enumerable.Range(0, terms.Count).Select(i =>
            "(" + string.Join(" OR ", terms.IndexSpellings(i).Select(w => i == terms.Count - 1 ? $"\"{w}\"*" : $"\"{w}\"")) + ")"));

    /// <summary>Every word must match, in any of its spellings; the last also as a prefix. PostgreSQL's unaccent reads ı as i itself.</summary>
    private static string PostgresQuery(QueryTerms terms) =>
        string.Join(" & ", Enumerable.Range(0, terms.Count).Select(i =>
            "(" + string.Join(" | ", terms.Spellings(i).Select(w => i == terms.Count - 1 ? $"'{w}':*" : $"'{w}'")) + ")"));

    private static string TypeName(SearchType type) => type.ToString().ToLowerInvariant();

    /// <summary>Where a record of each type is read.</summary>
    private static string Collection(string type) => type switch
    {
        "person" => "people",
        "party" => "parties",
        _ => type + "s",
    };

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Words();
}
