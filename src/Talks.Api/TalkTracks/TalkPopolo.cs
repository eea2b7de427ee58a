using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Hosting.Errors;
using Talks.Api.Hosting.Json;
using Talks.Api.People;
using Talks.Api.Rounds;
using Talks.Data;
using Talks.Data.Entities;
using Talks.Api.Answers.Formats;
using Talks.Api.Names;

namespace Talks.Api.TalkTracks;

/// <summary>
/// Builds a talk's Popolo document from the same reads the API serves: its rounds whole (one split query), the people
/// who sat or spoke with their offices, the parties, and the sources — a fixed few queries whatever the talk's size.
/// </summary>
internal static class TalkPopolo
{
    public static async Task<Results<Ok<PopoloDocument>, ProblemHttpResult>> ReadAsync(
        TalksDbContext db, string talkId, HttpRequest request, CancellationToken ct)
    {
        var talk = await TalkResource.Kind.ReadAsync(db, talkId, ct);
        if (talk is null)
        {
            return Problems.NotFound("talk", talkId);
        }

        var rounds = await RoundResource.Kind.ForRead(db.Rounds.AsNoTracking()).Where(r => r.TalkId == talkId)
            .OrderBy(r => r.Date).ThenBy(r => r.Sequence).Select(RoundResource.Kind.Projection).ToListAsync(ct);
        var statements = rounds.SelectMany(r => r.Statements).ToList();
        var personIds = rounds.SelectMany(r => r.Delegates.Select(d => d.PersonId))
            .Concat(statements.Select(s => s.SpeakerPersonId).OfType<string>()).Distinct().ToList();
        var people = await PersonResource.Kind.ForRead(db.People.AsNoTracking()).Where(p => personIds.Contains(p.Id)).Select(PersonResource.Kind.Projection)
            .ToListAsync(ct);
        var partyIds = talk.PartyIds.Concat(people.SelectMany(p => p.Offices.Select(o => o.PartyId ?? p.PartyId))).OfType<string>().Distinct().ToList();
        var parties = await db.Parties.AsNoTracking().Where(p => partyIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Name, p.Kind, p.SourceIds }).ToListAsync(ct);
        var sourceIds = rounds.SelectMany(r => r.SourceIds).Concat(talk.SourceIds).Concat(people.SelectMany(p => p.SourceIds))
            .Concat(parties.SelectMany(p => p.SourceIds)).Concat(statements.SelectMany(s => s.SourceIds)).Distinct().ToList();
        var titles = await db.Sources.AsNoTracking().Where(s => sourceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Title, ct);
        IReadOnlyList<PopoloLink> Links(IEnumerable<string> ids) =>
            [.. ids.Select(id => new PopoloLink(JsonLd.Address(request, $"/api/v1/sources/{id}"), titles.GetValueOrDefault(id, id)))];

        var delegations = rounds.SelectMany(r => r.Delegates.Select(d => (Round: r, d.PartyId)).Distinct()).ToList();
        var offices = people
            .SelectMany(p => p.Offices.Where(o => (o.PartyId ?? p.PartyId) is not null).Select((o, i) => (Person: p, Office: o, Ordinal: i + 1)))
            .ToList();
        return TypedResults.Ok(new PopoloDocument(
            [.. people.OrderBy(p => p.Id, StringComparer.Ordinal).Select(p => new PopoloPerson(p.Id, p.Name, Links(p.SourceIds)))],
            [
                .. parties.OrderBy(p => p.Id, StringComparer.Ordinal)
                    .Select(p => new PopoloOrganization(p.Id, p.Name, EnumText<PartyKind>.Name(p.Kind), null, Links(p.SourceIds))),
                .. delegations.Select(d => new PopoloOrganization(
                    DelegationId(d.Round.Id, d.PartyId), $"{parties.FirstOrDefault(p => p.Id == d.PartyId)?.Name ?? d.PartyId} delegation, {Day(d.Round.Date)}",
                    "delegation", d.PartyId, Links(d.Round.SourceIds))),
            ],
            [.. offices.Select(o => PostOf(o.Office, o.Person)).DistinctBy(p => p.Id)],
            [
                .. rounds.SelectMany(r => r.Delegates.Select(d => new PopoloMembership(
                    $"{DelegationId(r.Id, d.PartyId)}--{d.PersonId}", d.PersonId, DelegationId(r.Id, d.PartyId), null, d.PartyId,
                    EnumText<DelegateRole>.Name(d.Role), Day(r.Date), Day(r.Date), Links(r.SourceIds)))),
                .. offices.Select(o => new PopoloMembership(
                    $"{o.Person.Id}--office-{o.Ordinal}", o.Person.Id, o.Office.PartyId ?? o.Person.PartyId!, PostOf(o.Office, o.Person).Id, null,
                    o.Office.Title, Day(o.Office.From), Day(o.Office.To), Links(o.Person.SourceIds))),
            ],
            [
                new PopoloEvent(
                    talk.Id, talk.Title, talk.Summary, "talks", Day(talk.FirstRoundDate), Day(talk.LatestRoundDate), null, null, null, Links(talk.SourceIds)),
                .. rounds.Select(r => new PopoloEvent(
                    r.Id, RoundJsonLd.Name(talk.Title, r.Sequence, r.City), r.Summary, "round", RoundJsonLd.StartDate(r.Date, r.StartsAt),
                    r.StartsAt is { } start && r.DurationMinutes is { } minutes && r.DurationBound is null or DurationBound.Exact
                        ? RoundJsonLd.StartDate(r.Date, start.AddMinutes(minutes)) : null,
                    r.Venue is null ? r.City : $"{r.Venue}, {r.City}", EnumText<RoundStatus>.Name(r.Status), talk.Id, Links(r.SourceIds))),
            ],
            [.. statements.Select(s => new PopoloSpeech(
                s.Id, s.SpeakerPersonId, s.SpeakerPersonId is null ? s.SpeakerBody : null, s.Quote, Day(s.SaidOn), s.RoundId, Links(s.SourceIds)))]));
    }

    private static string DelegationId(string roundId, string partyId) => $"{roundId}--{partyId}-delegation";

    /// <summary>An office is a post in its party, the same post whoever holds it: its id is made from party and title.</summary>
    private static PopoloPost PostOf(OfficeDto office, PersonResponse person)
    {
        var party = office.PartyId ?? person.PartyId!;
        return new PopoloPost($"{party}--{Slug.From(office.Title)}", office.Title, office.Title, party);
    }

    private static string? Day(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
