using System.Text.Json.Serialization;

namespace Talks.Api.Answers.Formats;

/// <summary>A party (state, organisation, bloc) as schema.org sees it.</summary>
public sealed record LinkedOrganization(
    [property: JsonPropertyName("@type")] string Type,
    [property: JsonPropertyName("@id")] string Id,
    string Name);

/// <summary>Who attended: a party (an organisation), or a delegate with the office held then and the party sat for.</summary>
public sealed record LinkedAttendee(
    [property: JsonPropertyName("@type")] string Type,
    [property: JsonPropertyName("@id")] string Id,
    string Name,
    string? JobTitle,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] LinkedOrganization? Affiliation);

/// <summary>A source a record rests on.</summary>
public sealed record LinkedSource(
    [property: JsonPropertyName("@type")] string Type,
    [property: JsonPropertyName("@id")] string Id,
    string Name,
    string? Url);

/// <summary>Where a round met: the venue, its town and country as a postal address, and its position when recorded.</summary>
public sealed record LinkedPlace(
    [property: JsonPropertyName("@type")] string Type,
    string Name,
    string? Description,
    LinkedAddress Address,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] LinkedGeo? Geo);

/// <summary>A venue's position in WGS 84 degrees.</summary>
public sealed record LinkedGeo(
    [property: JsonPropertyName("@type")] string Type,
    double Latitude,
    double Longitude);

public sealed record LinkedAddress(
    [property: JsonPropertyName("@type")] string Type,
    string AddressLocality,
    string? AddressCountry);

/// <summary>
/// A link to another event: a round's talk, or a talk's round. A related object not known is left out, as
/// linked-data readers expect, rather than null.
/// </summary>
public sealed record LinkedEventRef(
    [property: JsonPropertyName("@type")] string Type,
    [property: JsonPropertyName("@id")] string Id,
    string Name,
    string? StartDate,
    string? EventStatus,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] LinkedPlace? Location);
