using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Hosting.Errors;
using Talks.Api.Topics;
using Talks.Data;
using Talks.Data.Entities;
using Talks.Api.Lists;

namespace Talks.Api.Positions;

/// <summary>Filters for a talk's positions matrix, which pages like every list (by party, then topic).</summary>
/// <param name="Limit">Cells per page.</param>
/// <param name="Cursor">Where the previous page ended.</param>
/// <param name="AsOf">The matrix as it stood at the end of this day (yyyy-MM-dd): later rounds' positions left out.</param>
/// <param name="Topic">One topic's cells only, with those of the topics beneath it.</param>
public sealed record PositionMatrixQuery(int? Limit, string? Cursor, string? AsOf, string? Topic);

/// <summary>
/// Where one party stands on one topic: its latest position (kind, summary, round, date) and the positions it took
/// before, oldest first — "demand (May) → proposal (July)". <c>answersId</c> and <c>answeredBy</c> link a position
/// and the ones that answer it (a rejection of a demand), both ways.
/// </summary>
public sealed record PositionMatrixCell(
    string PartyId,
    string PartyName,
    string Topic,
    string TopicLabel,
    string PositionId,
    PositionKind Kind,
    string Summary,
    string RoundId,
    DateOnly Date,
    string? AnswersId,
    IReadOnlyList<string> AnsweredBy,
    IReadOnlyList<PositionMatrixStep> Earlier);

/// <summary>An earlier position of the party on the topic.</summary>
public sealed record PositionMatrixStep(
    string PositionId, PositionKind Kind, string Summary, string RoundId, DateOnly Date, string? AnswersId, IReadOnlyList<string> AnsweredBy);

internal static class PositionMatrix
{
    /// <summary>
    /// Parties × topics for one talk, a cell per pair that has a position, ordered by party and topic. Two queries
    /// whatever the talk's size: its positions with their rounds' dates and parties' names, then what answers them.
    /// </summary>
    public static async Task<Results<Ok<Page<PositionMatrixCell>>, ValidationProblem, ProblemHttpResult>> ReadAsync(
        TalksDbContext db, TopicVocabulary topics, string talkId, PositionMatrixQuery query, HttpContext http, CancellationToken ct)
    {
        var errors = Paging.Check(query.Limit, query.Cursor, 2, out var take, out var after);
        DateOnly? asOf = null;
        if (query.AsOf is not null)
        {
            if (DateOnly.TryParseExact(query.AsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                asOf = day;
            }
            else
            {
                errors["asOf"] = ["Give asOf as a date, yyyy-MM-dd."];
            }
        }

        IReadOnlyList<string>? subtree = null;
        if (query.Topic is not null)
        {
            (subtree, var error) = await topics.SubtreeAsync(query.Topic, ct);
            if (error is not null)
            {
                errors["topic"] = [error];
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

        var positions = await db.Positions.AsNoTracking()
            .Where(p => p.Round!.TalkId == talkId && (asOf == null || p.Round.Date <= asOf) && (subtree == null || subtree.Contains(p.Topic)))
            .Select(p => new { p.Id, p.PartyId, Party = p.Party!.Name, p.Topic, p.Kind, p.Summary, p.RoundId, p.Round!.Date, p.AnswersId, p.CreatedAt })
            .ToListAsync(ct);
        var ids = positions.Select(p => p.Id).ToList();
        var answers = (await db.Positions.AsNoTracking()
                .Where(a => a.AnswersId != null && ids.Contains(a.AnswersId) && (asOf == null || a.Round!.Date <= asOf))
                .Select(a => new { a.Id, a.AnswersId })
                .ToListAsync(ct))
            .ToLookup(a => a.AnswersId!, a => a.Id);
        IReadOnlyList<string> AnsweredBy(string id) => answers[id].Order(StringComparer.Ordinal).ToList();

        var labels = await topics.EntriesAsync(ct);
        var cells = positions
            .GroupBy(p => (p.PartyId, p.Topic))
            .Where(g => after is not [var party, var topic] || string.CompareOrdinal(g.Key.PartyId, party) > 0
                || (g.Key.PartyId == party && string.CompareOrdinal(g.Key.Topic, topic) > 0))
            .OrderBy(g => g.Key.PartyId, StringComparer.Ordinal).ThenBy(g => g.Key.Topic, StringComparer.Ordinal)
            .Take(take + 1)
            .Select(g =>
            {
                var chain = g.OrderBy(p => p.Date).ThenBy(p => p.CreatedAt).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();
                var latest = chain[^1];
                return new PositionMatrixCell(
                    latest.PartyId, latest.Party, latest.Topic, labels.GetValueOrDefault(latest.Topic)?.Label ?? latest.Topic,
                    latest.Id, latest.Kind, latest.Summary, latest.RoundId, latest.Date,
                    latest.AnswersId, AnsweredBy(latest.Id),
                    chain.Take(chain.Count - 1)
                        .Select(p => new PositionMatrixStep(p.Id, p.Kind, p.Summary, p.RoundId, p.Date, p.AnswersId, AnsweredBy(p.Id)))
                        .ToList());
            })
            .ToList();
        return TypedResults.Ok(cells.ToPage(take, http, c => Paging.Encode(c.PartyId, c.Topic)));
    }
}
