using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Rounds;
using Talks.Data;
using Talks.Api.Answers.Formats;

namespace Talks.Api.TalkTracks;

/// <summary>A talk as a schema.org <c>EventSeries</c>: its parties and its rounds as events within it.</summary>
public sealed record LinkedTalk(
    [property: JsonPropertyName("@context")] string Context,
    [property: JsonPropertyName("@type")] string Type,
    [property: JsonPropertyName("@id")] string Id,
    string Name,
    string? Description,
    string? StartDate,
    string? EndDate,
    IReadOnlyList<LinkedAttendee> Attendee,
    IReadOnlyList<LinkedEventRef> SubEvent,
    IReadOnlyList<LinkedSource> Citation);

internal static class TalkJsonLd
{
    /// <summary>The seeded talk, shortened, as the OpenAPI document shows the linked-data answer.</summary>
    public static readonly LinkedTalk Example = new(
        JsonLd.Context,
        "EventSeries",
        $"{RoundJsonLd.ExampleBase}/talks/russia-ukraine-direct-talks",
        "Russia–Ukraine direct talks",
        "Direct negotiations between Russia and Ukraine, hosted by Turkey.",
        "2022-03-29",
        "2025-05-16",
        [new LinkedAttendee("Organization", $"{RoundJsonLd.ExampleBase}/parties/russia", "Russia", null, null)],
        [RoundJsonLd.Reference(RoundJsonLd.Example)],
        RoundJsonLd.Example.Citation);

    /// <summary>Three queries whatever the talk's size: its rounds, its parties' names, its sources.</summary>
    public static async Task<LinkedTalk> DescribeAsync(TalksDbContext db, TalkResponse talk, HttpRequest request, CancellationToken ct)
    {
        var rounds = await db.Rounds.AsNoTracking().Where(r => r.TalkId == talk.Id)
            .OrderBy(r => r.Date).ThenBy(r => r.Sequence)
            .Select(r => new
            {
                r.Id,
                r.Sequence,
                r.Date,
                r.StartsAtUtc,
                r.StartsAtOffsetMinutes,
                r.Status,
                r.City,
                r.CountryCode,
                r.Venue,
                r.VenueDescription,
                r.Latitude,
                r.Longitude,
            })
            .ToListAsync(ct);
        var parties = await db.Parties.AsNoTracking().Where(p => talk.PartyIds.Contains(p.Id)).Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        return new LinkedTalk(
            JsonLd.Context,
            "EventSeries",
            JsonLd.Address(request, $"/api/v1/talks/{talk.Id}"),
            talk.Title,
            talk.Summary,
            talk.FirstRoundDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            talk.LatestRoundDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            [.. parties.OrderBy(p => p.Name, StringComparer.Ordinal)
                .Select(p => new LinkedAttendee("Organization", JsonLd.Address(request, $"/api/v1/parties/{p.Id}"), p.Name, null, null))],
            [.. rounds.Select(r => new LinkedEventRef(
                "Event",
                JsonLd.Address(request, $"/api/v1/rounds/{r.Id}"),
                RoundJsonLd.Name(talk.Title, r.Sequence, r.City),
                RoundJsonLd.StartDate(r.Date, RoundTimes.Local(r.StartsAtUtc, r.StartsAtOffsetMinutes)),
                RoundJsonLd.Status(r.Status),
                RoundJsonLd.Place(r.City, r.CountryCode, r.Venue, r.VenueDescription, r.Latitude, r.Longitude)))],
            await CitedSources.ReadAsync(db, talk.SourceIds, request, ct));
    }
}
