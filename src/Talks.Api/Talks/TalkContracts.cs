using Talks.Api.Reading;
using Talks.Api.Records;
using Talks.Data.Entities;

namespace Talks.Api.Talks;

/// <summary>A negotiation track. Omit <c>id</c> on create to have one made from the title.</summary>
public sealed record TalkRequest : ICitedRequest
{
    public string? Id { get; init; }
    public required string Title { get; init; }
    public string? Summary { get; init; }
    public required IReadOnlyList<string> SourceIds { get; init; }
}

/// <summary>A talk with what a list of talks shows about its rounds and parties.</summary>
public sealed record TalkResponse(
    string Id,
    string Title,
    string? Summary,
    int RoundCount,
    DateOnly? FirstRoundDate,
    DateOnly? LatestRoundDate,
    IReadOnlyList<string> PartyIds,
    IReadOnlyList<string> SourceIds,
    long Version,
    DateTime CreatedAt,
    DateTime UpdatedAt) : IResource;

/// <summary>Filters for GET /api/v1/talks: <c>partyId</c> finds talks a party took part in.</summary>
public sealed record TalkQuery(int? Limit, string? Cursor, string? Sort, string? Q, string? Ids, string? Include, string? PartyId) : IListQuery;

internal static class TalkResource
{
    public static readonly ResourceKind<Talk, TalkRequest, TalkResponse> Kind = new()
    {
        Singular = "talk",
        BasePath = "/api/v1/talks",
        Projection = t => new TalkResponse(
            t.Id,
            t.Title,
            t.Summary,
            t.Rounds.Count,
            t.Rounds.Min(r => (DateOnly?)r.Date),
            t.Rounds.Max(r => (DateOnly?)r.Date),
            // One group, so its order means nothing; EF warns of a FirstOrDefault without one (a log line on every start).
            PartyIdsIn(t.Rounds.SelectMany(r => r.Participants).GroupBy(p => 1).OrderBy(g => g.Key)
                .Select(g => string.Join(",", g.Select(p => p.PartyId))).FirstOrDefault()),
            t.SourceIds,
            t.Version,
            t.CreatedAt,
            t.UpdatedAt),
        IdSource = r => r.Title,
        // What still belongs to a talk: its rounds.
        FindReferences = (db, id, ct) => References.FindAsync(
            ct,
            ("rounds", db.Rounds.Where(r => r.TalkId == id).Select(r => r.Id))),
        ToRequest = t => new TalkRequest { Id = t.Id, Title = t.Title, Summary = t.Summary, SourceIds = t.SourceIds },
        Apply = (r, t) =>
        {
            t.Title = r.Title;
            t.Summary = r.Summary;
            t.SourceIds = [.. r.SourceIds];
        },
    };

    /// <summary>Sorts (default id), and what <c>q</c> looks in.</summary>
    public static readonly ListSpec<Talk, TalkResponse> List = new()
    {
        Projection = TalkResource.Kind.Projection,
        DefaultSort = "id",
        Sorts = new Dictionary<string, ISortKey<Talk, TalkResponse>>
        {
            ["id"] = Sort.ByText<Talk, TalkResponse>(t => t.Id, r => r.Id),
            ["title"] = Sort.ByText<Talk, TalkResponse>(t => t.Title, r => r.Title),
            ["createdAt"] = Sort.ByTime<Talk, TalkResponse>(t => t.CreatedAt, r => r.CreatedAt),
        },
        Text = q => t => t.Title.ToLower().Contains(q) || (t.Summary != null && t.Summary.ToLower().Contains(q)),
    };

    /// <summary>
    /// The talk's parties come from the database as one joined string per talk (group_concat on SQLite, string_agg on
    /// PostgreSQL; grouping by a constant is what makes EF write that aggregate), looked up through each talk's rounds.
    /// Projected as a list, EF joined every round's participants in the database to the page instead: 150-350 ms for a
    /// page of 50 on the generated data set, against 10 ms now. Ids are slugs, so a comma never occurs inside one; the
    /// distinct, ordered list is made here.
    /// </summary>
    private static List<string> PartyIdsIn(string? joined) =>
        string.IsNullOrEmpty(joined) ? [] : joined.Split(',').Distinct().Order(StringComparer.Ordinal).ToList();
}
