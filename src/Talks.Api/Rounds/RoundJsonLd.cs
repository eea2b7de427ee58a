using System.Text.Json.Serialization;
using System.Xml;
using Talks.Data;
using Talks.Data.Entities;
using Talks.Api.Answers.Formats;

namespace Talks.Api.Rounds;

/// <summary>A round as a schema.org <c>Event</c>: when, where, how long, who organised and who attended, and its sources.</summary>
public sealed record LinkedRound(
    [property: JsonPropertyName("@context")] string Context,
    [property: JsonPropertyName("@type")] string Type,
    [property: JsonPropertyName("@id")] string Id,
    string Name,
    string? Description,
    string StartDate,
    string? Duration,
    string EventStatus,
    string EventAttendanceMode,
    LinkedPlace Location,
    LinkedEventRef SuperEvent,
    IReadOnlyList<LinkedOrganization> Organizer,
    IReadOnlyList<LinkedAttendee> Attendee,
    IReadOnlyList<LinkedSource> Citation);

internal static class RoundJsonLd
{
    private static readonly ParticipantRole[] Organizing = [ParticipantRole.Host, ParticipantRole.Mediator, ParticipantRole.Facilitator];

    public static async Task<LinkedRound> DescribeAsync(TalksDbContext db, RoundDetailResponse round, HttpRequest request, CancellationToken ct)
    {
        var sources = await CitedSources.ReadAsync(db, round.SourceIds, request, ct);
        LinkedOrganization Party(string id, string name) => new("Organization", JsonLd.Address(request, $"/api/v1/parties/{id}"), name);
        // A party may take part in two roles (Turkey hosted and mediated); it is listed once.
        var parties = round.Participants.DistinctBy(p => p.PartyId).ToDictionary(p => p.PartyId, p => p.PartyName);
        return new LinkedRound(
            JsonLd.Context,
            "Event",
            JsonLd.Address(request, $"/api/v1/rounds/{round.Id}"),
            Name(round.Talk.Title, round.Sequence, round.City),
            round.Summary,
            StartDate(round.Date, round.StartsAt),
            round.DurationMinutes is { } minutes ? XmlConvert.ToString(TimeSpan.FromMinutes(minutes)) : null,
            Status(round.Status),
            "https://schema.org/OfflineEventAttendanceMode",
            Place(round.City, round.CountryCode, round.Venue, round.VenueDescription, round.Latitude, round.Longitude),
            new LinkedEventRef("EventSeries", JsonLd.Address(request, $"/api/v1/talks/{round.Talk.Id}"), round.Talk.Title, null, null, null),
            [.. round.Participants.Where(p => Organizing.Contains(p.Role)).DistinctBy(p => p.PartyId).Select(p => Party(p.PartyId, p.PartyName))],
            [
                .. round.Participants.Where(p => !Organizing.Contains(p.Role)).DistinctBy(p => p.PartyId)
                    .Select(p => new LinkedAttendee("Organization", JsonLd.Address(request, $"/api/v1/parties/{p.PartyId}"), p.PartyName, null, null)),
                .. round.Delegates.Select(d => new LinkedAttendee(
                    "Person", JsonLd.Address(request, $"/api/v1/people/{d.PersonId}"), d.PersonName, d.Office,
                    Party(d.PartyId, parties.GetValueOrDefault(d.PartyId, d.PartyId)))),
            ],
            sources);
    }

    internal const string ExampleBase = "https://talks.example.org/api/v1";

    /// <summary>The seeded round, shortened, as the OpenAPI document shows the linked-data answer.</summary>
    public static readonly LinkedRound Example = new(
        JsonLd.Context,
        "Event",
        $"{ExampleBase}/rounds/istanbul-2025-05-16",
        "Russia–Ukraine direct talks: round 2, Istanbul",
        "The first direct talks between the Ukrainian and Russian delegations in over three years.",
        "2025-05-16",
        "PT2H",
        "https://schema.org/EventScheduled",
        "https://schema.org/OfflineEventAttendanceMode",
        Place("Istanbul", "TR", "Dolmabahçe Palace", "A historic Ottoman palace along the Bosphorus.", 41.0392, 29.0003),
        new LinkedEventRef("EventSeries", $"{ExampleBase}/talks/russia-ukraine-direct-talks", "Russia–Ukraine direct talks", null, null, null),
        [new LinkedOrganization("Organization", $"{ExampleBase}/parties/turkey", "Turkey")],
        [
            new LinkedAttendee("Organization", $"{ExampleBase}/parties/ukraine", "Ukraine", null, null),
            new LinkedAttendee("Person", $"{ExampleBase}/people/rustem-umerov", "Rustem Umerov", "Minister of Defence of Ukraine",
                new LinkedOrganization("Organization", $"{ExampleBase}/parties/ukraine", "Ukraine")),
        ],
        [new LinkedSource("CreativeWork", $"{ExampleBase}/sources/article-istanbul-talks-2025",
            "Ukrainian and Russian Delegations Meet Amid Hostilities, Agree on Prisoner Swap", null)]);

    /// <summary>A round as its talk lists it.</summary>
    public static LinkedEventRef Reference(LinkedRound round) =>
        new("Event", round.Id, round.Name, round.StartDate, round.EventStatus, round.Location);

    public static string Name(string talk, int sequence, string city) => $"{talk}: round {sequence}, {city}";

    /// <summary>The local start with its offset when the time is known, else the day.</summary>
    public static string StartDate(DateOnly date, DateTimeOffset? startsAt) =>
        startsAt?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture)
        ?? date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>schema.org has no "held": a round that took place went ahead as scheduled.</summary>
    public static string Status(RoundStatus status) => status switch
    {
        RoundStatus.Postponed => "https://schema.org/EventPostponed",
        RoundStatus.Cancelled => "https://schema.org/EventCancelled",
        _ => "https://schema.org/EventScheduled",
    };

    public static LinkedPlace Place(string city, string? country, string? venue, string? description, double? latitude, double? longitude) =>
        new("Place", venue ?? city, description, new LinkedAddress("PostalAddress", city, country),
            latitude is { } lat && longitude is { } lon ? new LinkedGeo("GeoCoordinates", lat, lon) : null);
}
