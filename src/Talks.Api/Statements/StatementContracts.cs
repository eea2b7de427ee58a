using Talks.Api.Reading;
using Talks.Api.Records;
using Talks.Data.Entities;

namespace Talks.Api.Statements;

/// <summary>
/// Something a person or a party said. Name the person, the party, or both; <c>speakerBody</c> names the part of a
/// party that spoke ("Ministry of Foreign Affairs"). Omit <c>id</c> on create to have one made from speaker and quote.
/// </summary>
public sealed record StatementRequest : ICitedRequest
{
    public string? Id { get; init; }
    public string? SpeakerPersonId { get; init; }
    public string? SpeakerPartyId { get; init; }
    public string? SpeakerBody { get; init; }
    public required string Quote { get; init; }

    /// <summary>Whether <c>quote</c> holds the speaker's own words or the source's paraphrase.</summary>
    public required QuoteWording Wording { get; init; }

    public DateOnly? SaidOn { get; init; }
    public string? Context { get; init; }
    public string? RoundId { get; init; }
    public required IReadOnlyList<string> SourceIds { get; init; }
}

public sealed record StatementResponse(
    string Id,
    string? SpeakerPersonId,
    string? SpeakerPartyId,
    string? SpeakerBody,
    string Quote,
    QuoteWording Wording,
    DateOnly? SaidOn,
    string? Context,
    string? RoundId,
    IReadOnlyList<string> SourceIds,
    long Version,
    DateTime CreatedAt,
    DateTime UpdatedAt) : IResource;

/// <summary>Filters for GET /api/v1/statements.</summary>
public sealed record StatementQuery(int? Limit, string? Cursor, string? Sort, string? Q, string? Ids, string? SpeakerPersonId, string? SpeakerPartyId, string? RoundId) : IListQuery;

internal static class StatementResource
{
    public static readonly ResourceKind<Statement, StatementRequest, StatementResponse> Kind = new()
    {
        Singular = "statement",
        BasePath = "/api/v1/statements",
        Projection = s => new StatementResponse(
            s.Id, s.SpeakerPersonId, s.SpeakerPartyId, s.SpeakerBody, s.Quote, s.Wording, s.SaidOn, s.Context, s.RoundId, s.SourceIds,
            s.Version, s.CreatedAt, s.UpdatedAt),
        IdSource = r => $"{r.SpeakerPersonId ?? r.SpeakerPartyId} {string.Join(' ', r.Quote.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(6))}",
        ToRequest = s => new StatementRequest
        {
            Id = s.Id,
            SpeakerPersonId = s.SpeakerPersonId,
            SpeakerPartyId = s.SpeakerPartyId,
            SpeakerBody = s.SpeakerBody,
            Quote = s.Quote,
            Wording = s.Wording,
            SaidOn = s.SaidOn,
            Context = s.Context,
            RoundId = s.RoundId,
            SourceIds = s.SourceIds,
        },
        Apply = (r, s) =>
        {
            s.SpeakerPersonId = r.SpeakerPersonId;
            s.SpeakerPartyId = r.SpeakerPartyId;
            s.SpeakerBody = r.SpeakerBody;
            s.Quote = r.Quote;
            s.Wording = r.Wording;
            s.SaidOn = r.SaidOn;
            s.Context = r.Context;
            s.RoundId = r.RoundId;
            s.SourceIds = [.. r.SourceIds];
        },
    };

    /// <summary>Sorts (default id), and what <c>q</c> looks in.</summary>
    public static readonly ListSpec<Statement, StatementResponse> List = new()
    {
        Projection = StatementResource.Kind.Projection,
        DefaultSort = "id",
        Sorts = new Dictionary<string, ISortKey<Statement, StatementResponse>>
        {
            ["id"] = Sort.ByText<Statement, StatementResponse>(s => s.Id, r => r.Id),
            ["createdAt"] = Sort.ByTime<Statement, StatementResponse>(s => s.CreatedAt, r => r.CreatedAt),
        },
        Text = q => s => s.Quote.ToLower().Contains(q) || (s.Context != null && s.Context.ToLower().Contains(q)) || (s.SpeakerBody != null && s.SpeakerBody.ToLower().Contains(q)),
    };

}
