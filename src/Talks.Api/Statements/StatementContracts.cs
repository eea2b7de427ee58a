using Talks.Api.Records;
using Talks.Data.Entities;
using Talks.Api.Lists;

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
public sealed record StatementQuery(
    int? Limit, string? Cursor, string? Sort, string? Q, string? Ids, string? SpeakerPersonId, string? SpeakerPartyId, string? RoundId) : IListQuery;
