using System.Text.Json.Serialization;

namespace Talks.Api.TalkTracks;

/// <summary>
/// A talk in the Popolo open-government data standard: its parties and delegations as organizations, delegates as
/// persons, each seat at a round and each office held as a membership, offices as posts, the talk and its rounds as
/// events, and quotes as speeches. Field names are Popolo's own (snake_case); every object carries its sources.
/// </summary>
public sealed record PopoloDocument(
    IReadOnlyList<PopoloPerson> Persons,
    IReadOnlyList<PopoloOrganization> Organizations,
    IReadOnlyList<PopoloPost> Posts,
    IReadOnlyList<PopoloMembership> Memberships,
    IReadOnlyList<PopoloEvent> Events,
    IReadOnlyList<PopoloSpeech> Speeches);

/// <summary>A source as Popolo links it: the address of the source record, with its title as the note.</summary>
public sealed record PopoloLink(string Url, string Note);

public sealed record PopoloPerson(string Id, string Name, IReadOnlyList<PopoloLink> Sources);

/// <summary>A party (classified by its kind) or one party's delegation at one round (classified "delegation").</summary>
public sealed record PopoloOrganization(
    string Id,
    string Name,
    string Classification,
    [property: JsonPropertyName("parent_id")] string? ParentId,
    IReadOnlyList<PopoloLink> Sources);

/// <summary>An office, such as Minister of Defence of Ukraine, held in a party by one person after another.</summary>
public sealed record PopoloPost(
    string Id,
    string Label,
    string Role,
    [property: JsonPropertyName("organization_id")] string OrganizationId);

/// <summary>A seat in a round's delegation (role: head, member, …) or an office held for a time (with its post).</summary>
public sealed record PopoloMembership(
    string Id,
    [property: JsonPropertyName("person_id")] string PersonId,
    [property: JsonPropertyName("organization_id")] string OrganizationId,
    [property: JsonPropertyName("post_id")] string? PostId,
    [property: JsonPropertyName("on_behalf_of_id")] string? OnBehalfOfId,
    string Role,
    [property: JsonPropertyName("start_date")] string? StartDate,
    [property: JsonPropertyName("end_date")] string? EndDate,
    IReadOnlyList<PopoloLink> Sources);

/// <summary>The talk (classification "talks") and each round (classification "round", parent the talk).</summary>
public sealed record PopoloEvent(
    string Id,
    string Name,
    string? Description,
    string Classification,
    [property: JsonPropertyName("start_date")] string? StartDate,
    [property: JsonPropertyName("end_date")] string? EndDate,
    string? Location,
    string? Status,
    [property: JsonPropertyName("parent_id")] string? ParentId,
    IReadOnlyList<PopoloLink> Sources);

/// <summary>A quote: who said it (a person, or the body named), when, and at which round.</summary>
public sealed record PopoloSpeech(
    string Id,
    [property: JsonPropertyName("creator_id")] string? CreatorId,
    [property: JsonPropertyName("attribution_text")] string? AttributionText,
    string Text,
    string? Date,
    [property: JsonPropertyName("event_id")] string? EventId,
    IReadOnlyList<PopoloLink> Sources);
