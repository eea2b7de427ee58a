using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Talks.Api.Hosting.OpenApi;
using Talks.Data;

namespace Talks.Api.Reading;

/// <summary>
/// Linked data in the schema.org vocabulary, for search engines and knowledge graphs: a talk is an <c>EventSeries</c>
/// and each round an <c>Event</c> in it. Asked for with <c>Accept: application/ld+json</c> on a talk or a round.
/// </summary>
public static class JsonLd
{
    public const string MediaType = "application/ld+json";
    public const string Context = "https://schema.org";

    /// <summary>True when the client ranks JSON-LD at least as high as plain JSON (and above zero).</summary>
    public static bool Wanted(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted))
        {
            return false;
        }

        double Quality(string type) => accepted.Where(a => a.MediaType.Equals(type, StringComparison.OrdinalIgnoreCase))
            .Select(a => a.Quality ?? 1).DefaultIfEmpty(-1).Max();
        var linked = Quality(MediaType);
        return linked > 0 && linked >= Quality("application/json");
    }

    /// <summary>The absolute address of an API path, which is also the record's identity in the graph.</summary>
    public static string Address(HttpRequest request, string path) => $"{request.Scheme}://{request.Host}{request.PathBase}{path}";

    public static JsonHttpResult<T> Answer<T>(T document) => TypedResults.Json(document, contentType: MediaType);

    /// <summary>Documents the linked-data answer beside the JSON one, under the same 200.</summary>
    public static RouteHandlerBuilder AnswersLinkedData<T>(this RouteHandlerBuilder builder, T example) =>
        builder.AnswersAlso(MediaType, example);
}

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

/// <summary>A link to another event: a round's talk, or a talk's round. A related object not known is left out, as linked-data readers expect, rather than null.</summary>
public sealed record LinkedEventRef(
    [property: JsonPropertyName("@type")] string Type,
    [property: JsonPropertyName("@id")] string Id,
    string Name,
    string? StartDate,
    string? EventStatus,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] LinkedPlace? Location);

/// <summary>The sources a record cites, as creative works with their addresses where they are online.</summary>
internal static class CitedSources
{
    public static async Task<IReadOnlyList<LinkedSource>> ReadAsync(TalksDbContext db, IReadOnlyList<string> ids, HttpRequest request, CancellationToken ct) =>
        (await db.Sources.AsNoTracking().Where(s => ids.Contains(s.Id)).Select(s => new { s.Id, s.Title, s.Url }).ToListAsync(ct))
            .OrderBy(s => IndexOf(ids, s.Id))
            .Select(s => new LinkedSource("CreativeWork", JsonLd.Address(request, $"/api/v1/sources/{s.Id}"), s.Title, s.Url))
            .ToList();

    /// <summary>Sources are cited in the order the record lists them.</summary>
    private static int IndexOf(IReadOnlyList<string> ids, string id)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            if (ids[i] == id)
            {
                return i;
            }
        }

        return ids.Count;
    }
}
