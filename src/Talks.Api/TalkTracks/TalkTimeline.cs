using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Hosting.Errors;
using Talks.Api.Hosting.Json;
using Talks.Api.Positions;
using Talks.Data;
using Talks.Data.Entities;
using Talks.Api.Lists;

namespace Talks.Api.TalkTracks;

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
        var errors = Paging.Check(query.Limit, query.Cursor, 4, out var take, out var after);
        TimelineKey? last = null;
        if (after is [var date, var type, var ticks, var id])
        {
            if (DateOnly.TryParseExact(date, "yyyy-MM-dd", out var d) && Enum.TryParse<TimelineEventType>(type, out var t)
                && long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var k))
            {
                last = new TimelineKey(d, t, k, id);
            }
            else
            {
                errors["cursor"] = ["The cursor is not one this list issued."];
            }
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
            .Select(p => new { p.Id, p.RoundId, p.Round!.Date, Party = p.Party!.Name, p.Kind, p.Topic, p.Summary, p.CreatedAt }).ToListAsync(ct);
        var statements = await db.Statements.AsNoTracking().Where(s => s.Round!.TalkId == talkId)
            .Select(s => new
            {
                s.Id,
                s.RoundId,
                Date = s.SaidOn ?? s.Round!.Date,
                Speaker = s.SpeakerPerson!.Name ?? s.SpeakerParty!.Name ?? s.SpeakerBody,
                s.Quote,
                s.CreatedAt,
            })
            .ToListAsync(ct);
        var agreements = await db.Agreements.AsNoTracking().Where(a => a.Round!.TalkId == talkId)
            .Select(a => new { a.Id, a.RoundId, Date = a.AgreedOn ?? a.Round!.Date, a.Title, a.Status, a.CreatedAt }).ToListAsync(ct);
        var events = await db.AgreementEvents.AsNoTracking().Where(e => e.Agreement!.Round!.TalkId == talkId)
            .Select(e => new { e.Id, e.AgreementId, e.Agreement!.RoundId, e.OccurredOn, e.Description, e.CreatedAt }).ToListAsync(ct);

        var ordered = rounds.Select(r => (r.CreatedAt, Entry: new TimelineEntry(r.Date, TimelineEventType.Round, r.Id, r.Id,
                $"Round {r.Sequence}: {r.City}{(r.Venue is null ? "" : ", " + r.Venue)}", r.Summary, $"/api/v1/rounds/{r.Id}")))
            .Concat(positions.Select(p => (p.CreatedAt, Entry: new TimelineEntry(p.Date, TimelineEventType.Position, p.Id, p.RoundId,
                PositionResource.Title(p.Party, p.Kind, p.Topic), p.Summary, $"/api/v1/positions/{p.Id}"))))
            .Concat(statements.Select(s => (s.CreatedAt, Entry: new TimelineEntry(s.Date, TimelineEventType.Statement, s.Id, s.RoundId,
                StatementTitle(s.Speaker, s.Quote), s.Quote, $"/api/v1/statements/{s.Id}"))))
            .Concat(agreements.Select(a => (a.CreatedAt, Entry: new TimelineEntry(a.Date, TimelineEventType.Agreement, a.Id, a.RoundId,
                a.Title, EnumText<AgreementStatus>.Name(a.Status), $"/api/v1/agreements/{a.Id}"))))
            .Concat(events.Select(e => (e.CreatedAt, Entry: new TimelineEntry(e.OccurredOn, TimelineEventType.AgreementEvent, e.Id, e.RoundId,
                e.Description, null, $"/api/v1/agreements/{e.AgreementId}/events/{e.Id}"))))
            .Select(x => (Key: new TimelineKey(x.Entry.Date, x.Entry.Type, x.CreatedAt.Ticks, x.Entry.Id), x.Entry))
            .Where(x => last is null || x.Key.CompareTo(last) > 0)
            .OrderBy(x => x.Key)
            .Take(take + 1).ToList();

        // Keyset on (date, type, creation, id): an event added behind the page already read never shifts the next one.
        var keys = ordered.ToDictionary(x => x.Entry, x => x.Key);
        var entries = ordered.Select(x => x.Entry).ToList();
        return TypedResults.Ok(entries.ToPage(take, http, e => keys[e].Encode()));
    }

    /// <summary>Longest quote a title shows whole; a longer one is cut at a word and ends in "…" (the detail holds it whole).</summary>
    private const int TitleQuoteCharacters = 80;

    /// <summary>"Hakan Fidan: “There are two paths…”"; a statement with no speaker recorded is its quote alone.</summary>
    private static string StatementTitle(string? speaker, string quote)
    {
        if (quote.Length > TitleQuoteCharacters)
        {
            var cut = quote.LastIndexOf(' ', TitleQuoteCharacters);
            quote = quote[..(cut > 0 ? cut : TitleQuoteCharacters)].TrimEnd(',', ';', ':', '.', ' ') + "…";
        }

        return speaker is null ? $"“{quote}”" : $"{speaker}: “{quote}”";
    }

    private sealed record TimelineKey(DateOnly Date, TimelineEventType Type, long CreatedTicks, string Id) : IComparable<TimelineKey>
    {
        public int CompareTo(TimelineKey? other) =>
            other is null ? 1
            : Date != other.Date ? Date.CompareTo(other.Date)
            : Type != other.Type ? Type.CompareTo(other.Type)
            : CreatedTicks != other.CreatedTicks ? CreatedTicks.CompareTo(other.CreatedTicks)
            : string.CompareOrdinal(Id, other.Id);

        public string Encode() =>
            Paging.Encode(Date.ToString("yyyy-MM-dd"), Type.ToString(), CreatedTicks.ToString(CultureInfo.InvariantCulture), Id);
    }

}
