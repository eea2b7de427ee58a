using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Infrastructure;
using Talks.Data;

namespace Talks.Api.Talks;

/// <summary>The kinds of dated event a talk's timeline shows, in the order they sort within one day.</summary>
public enum TimelineEventType
{
    Round,
    Position,
    Statement,
    Agreement,
    AgreementEvent,
}

/// <summary>
/// One dated event. A position dates from its round; a statement from when it was said, else its round; an
/// agreement from when it was agreed, else its round; an implementation event from when it happened.
/// </summary>
public sealed record TimelineEntry(DateOnly Date, TimelineEventType Type, string Id, string? RoundId, string Title, string? Detail, string Url);

public sealed record TimelineQuery(int? Limit, string? Cursor);

internal static class TalkTimeline
{
    public static async Task<Results<Ok<Page<TimelineEntry>>, ValidationProblem, ProblemHttpResult>> ReadAsync(
        TalksDbContext db, string talkId, TimelineQuery query, HttpContext http, CancellationToken ct)
    {
        var errors = Paging.Check(query.Limit, query.Cursor, 1, out var take, out var after);
        var offset = 0;
        if (after is [var skipped] && !int.TryParse(skipped, NumberStyles.None, CultureInfo.InvariantCulture, out offset))
        {
            errors["cursor"] = ["The cursor is not one this list issued."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (!await db.Talks.AnyAsync(t => t.Id == talkId, ct))
        {
            return Problems.NotFound("talk", talkId);
        }

        // Five queries whatever the talk's size, merged in memory: a timeline is read whole far more than it is paged.
        var rounds = await db.Rounds.AsNoTracking().Where(r => r.TalkId == talkId)
            .Select(r => new { r.Id, r.Date, r.Sequence, r.City, r.Venue, r.Summary, r.CreatedAt }).ToListAsync(ct);
        var positions = await db.Positions.AsNoTracking().Where(p => p.Round!.TalkId == talkId)
            .Select(p => new { p.Id, p.RoundId, p.Round!.Date, p.PartyId, p.Kind, p.Topic, p.Summary, p.CreatedAt }).ToListAsync(ct);
        var statements = await db.Statements.AsNoTracking().Where(s => s.Round!.TalkId == talkId)
            .Select(s => new { s.Id, s.RoundId, Date = s.SaidOn ?? s.Round!.Date, Speaker = s.SpeakerPersonId ?? s.SpeakerPartyId, s.Quote, s.CreatedAt })
            .ToListAsync(ct);
        var agreements = await db.Agreements.AsNoTracking().Where(a => a.Round!.TalkId == talkId)
            .Select(a => new { a.Id, a.RoundId, Date = a.AgreedOn ?? a.Round!.Date, a.Title, a.Status, a.CreatedAt }).ToListAsync(ct);
        var events = await db.AgreementEvents.AsNoTracking().Where(e => e.Agreement!.Round!.TalkId == talkId)
            .Select(e => new { e.Id, e.AgreementId, e.Agreement!.RoundId, e.OccurredOn, e.Description, e.CreatedAt }).ToListAsync(ct);

        var entries = rounds.Select(r => (r.CreatedAt, Entry: new TimelineEntry(r.Date, TimelineEventType.Round, r.Id, r.Id,
                $"Round {r.Sequence}: {r.City}{(r.Venue is null ? "" : ", " + r.Venue)}", r.Summary, $"/api/v1/rounds/{r.Id}")))
            .Concat(positions.Select(p => (p.CreatedAt, Entry: new TimelineEntry(p.Date, TimelineEventType.Position, p.Id, p.RoundId,
                $"{p.PartyId}: {Kebab(p.Kind.ToString())} on {p.Topic}", p.Summary, $"/api/v1/positions/{p.Id}"))))
            .Concat(statements.Select(s => (s.CreatedAt, Entry: new TimelineEntry(s.Date, TimelineEventType.Statement, s.Id, s.RoundId,
                $"{s.Speaker}: “{s.Quote}”", null, $"/api/v1/statements/{s.Id}"))))
            .Concat(agreements.Select(a => (a.CreatedAt, Entry: new TimelineEntry(a.Date, TimelineEventType.Agreement, a.Id, a.RoundId,
                a.Title, Kebab(a.Status.ToString()), $"/api/v1/agreements/{a.Id}"))))
            .Concat(events.Select(e => (e.CreatedAt, Entry: new TimelineEntry(e.OccurredOn, TimelineEventType.AgreementEvent, e.Id, e.RoundId,
                e.Description, null, $"/api/v1/agreements/{e.AgreementId}/events/{e.Id}"))))
            .OrderBy(x => x.Entry.Date).ThenBy(x => x.Entry.Type).ThenBy(x => x.CreatedAt).ThenBy(x => x.Entry.Id, StringComparer.Ordinal)
            .Select(x => x.Entry)
            .Skip(offset).Take(take + 1).ToList();

        var end = offset + Math.Min(entries.Count, take);
        return TypedResults.Ok(entries.ToPage(take, http, _ => Paging.Encode(end.ToString(CultureInfo.InvariantCulture))));
    }

    private static string Kebab(string name) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(name);
}
