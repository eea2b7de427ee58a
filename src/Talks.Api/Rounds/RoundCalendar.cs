using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Hosting.Errors;
using Talks.Data;
using Talks.Data.Entities;

namespace Talks.Api.Rounds;

/// <summary>Which rounds a calendar feed holds: from this date on, inclusive (yyyy-MM-dd).</summary>
/// <param name="From">The earliest round date to include; a year before today when not given for the feed of every talk.</param>
public sealed record RoundCalendarQuery(DateOnly? From);

/// <summary>
/// Rounds as an iCalendar feed (RFC 5545) that calendar apps subscribe to: one event per round, whose UID never
/// changes, whose SEQUENCE moves on with every edit of the round, and which is marked CANCELLED when the round is
/// called off (TENTATIVE while postponed). A round with a known start is timed; otherwise it fills its day.
/// </summary>
internal static class RoundCalendar
{
    public const string MediaType = "text/calendar";

    /// <summary>How far back the feed of every talk reaches by default: a calendar wants what is coming, and recent history.</summary>
    private const int DefaultDaysBack = 365;

    /// <summary>The most rounds one feed holds, newest kept, so a feed stays a size calendar apps accept.</summary>
    public const int MaxEvents = 2000;

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ForTalkAsync(
        TalksDbContext db, string talkId, RoundCalendarQuery query, HttpContext http, CancellationToken ct)
    {
        var talk = await db.Talks.AsNoTracking().Where(t => t.Id == talkId).Select(t => new { t.Title }).FirstOrDefaultAsync(ct);
        if (talk is null)
        {
            return Problems.NotFound("talk", talkId);
        }

        var rounds = db.Rounds.AsNoTracking().Where(r => r.TalkId == talkId);
        return await WriteAsync(query.From is { } from ? rounds.Where(r => (r.EndDate ?? r.Date) >= from) : rounds, talk.Title, http, ct);
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ForAllAsync(
        TalksDbContext db, RoundCalendarQuery query, HttpContext http, CancellationToken ct)
    {
        var from = query.From ?? DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-DefaultDaysBack);
        return await WriteAsync(db.Rounds.AsNoTracking().Where(r => (r.EndDate ?? r.Date) >= from), "Talks: every round", http, ct);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> WriteAsync(
        IQueryable<Round> rounds, string name, HttpContext http, CancellationToken ct)
    {
        var rows = await rounds
            .OrderByDescending(r => r.Date).ThenBy(r => r.Id).Take(MaxEvents)
            .Select(r => new
            {
                r.Id,
                r.Sequence,
                r.Status,
                r.Date,
                r.EndDate,
                r.StartsAtUtc,
                r.DurationMinutes,
                r.City,
                r.Venue,
                r.Summary,
                r.Version,
                r.UpdatedAt,
                Talk = r.Talk!.Title,
            })
            .ToListAsync(ct);

        var calendar = new Calendar { ProductId = "-//Talks//Negotiation rounds//EN" };
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("REFRESH-INTERVAL;VALUE=DURATION", "PT6H");
        var site = $"{http.Request.Scheme}://{http.Request.Host}";
        foreach (var r in rows.OrderBy(r => r.Date).ThenBy(r => r.Id, StringComparer.Ordinal))
        {
            // A round of several days is an all-day event over them (DTEND is the day after the last); a round of one
            // day starts at its time when it is known, and lasts its duration (an hour when that is not known).
            var timed = r.StartsAtUtc is not null && r.EndDate is null;
            var start = timed ? new CalDateTime(DateTime.SpecifyKind(r.StartsAtUtc!.Value, DateTimeKind.Utc)) : new CalDateTime(r.Date);
            var item = new CalendarEvent
            {
                Uid = $"{r.Id}@talks",
                Summary = $"{r.Talk}: round {r.Sequence}, {r.City}",
                Description = r.Summary,
                Location = r.Venue is null ? r.City : $"{r.Venue}, {r.City}",
                DtStart = start,
                DtEnd = timed
                    ? new CalDateTime(DateTime.SpecifyKind(r.StartsAtUtc!.Value, DateTimeKind.Utc).AddMinutes(r.DurationMinutes ?? 60))
                    : new CalDateTime((r.EndDate ?? r.Date).AddDays(1)),
                // The first version is sequence 0; each edit of the round moves it on, so calendars take the change.
                Sequence = (int)Math.Min(int.MaxValue, r.Version - 1),
                DtStamp = new CalDateTime(DateTime.SpecifyKind(r.UpdatedAt, DateTimeKind.Utc)),
                Status = r.Status switch
                {
                    RoundStatus.Cancelled => EventStatus.Cancelled,
                    RoundStatus.Postponed => EventStatus.Tentative,
                    _ => EventStatus.Confirmed,
                },
                Url = new Uri($"{site}/api/v1/rounds/{r.Id}"),
            };
            calendar.Events.Add(item);
        }

        var text = new CalendarSerializer().SerializeToString(calendar) ?? "";
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(text), $"{MediaType}; charset=utf-8");
    }
}
