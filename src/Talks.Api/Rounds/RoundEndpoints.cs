using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Changes;
using Talks.Api.Agreements;
using Talks.Api.Hosting.Errors;
using Talks.Api.Hosting.Json;
using Talks.Api.Hosting.Validation;
using Talks.Api.Positions;
using Talks.Api.Records;
using Talks.Api.Statements;
using Talks.Data;
using Talks.Data.Entities;
using Talks.Api.Answers.Embedding;
using Talks.Api.Answers.Formats;
using Talks.Api.Lists;
using Talks.Api.Answers.Caching;

namespace Talks.Api.Rounds;

public static class RoundEndpoints
{
    private static ResourceKind<Round, RoundRequest, RoundDetailResponse> Resource => RoundResource.Kind;

    /// <summary><c>include=</c> for round lists: the talk, and what happened at each round.</summary>
    private static readonly Include[] Embedded =
    [
        new("talk", typeof(TalkRef), r => Include.Key(r, "talkId"),
            async (db, keys, ct) => (await db.Talks.AsNoTracking().Where(t => keys.Contains(t.Id)).Select(t => new TalkRef(t.Id, t.Title)).ToListAsync(ct))
                .ToLookup(t => t.Id, t => (object)t),
            Single: true),
        new("positions", typeof(PositionResponse), r => Include.Key(r, "id"),
            async (db, keys, ct) => (await db.Positions.AsNoTracking().Where(p => keys.Contains(p.RoundId))
                .OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).Select(PositionResource.Kind.Projection).ToListAsync(ct))
                .ToLookup(p => p.RoundId, p => (object)p)),
        new("statements", typeof(StatementResponse), r => Include.Key(r, "id"),
            async (db, keys, ct) => (await db.Statements.AsNoTracking().Where(s => s.RoundId != null && keys.Contains(s.RoundId))
                .OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).Select(StatementResource.Kind.Projection).ToListAsync(ct))
                .ToLookup(s => s.RoundId!, s => (object)s)),
        new("agreements", typeof(AgreementResponse), r => Include.Key(r, "id"),
            async (db, keys, ct) => (await db.Agreements.AsNoTracking().Where(a => keys.Contains(a.RoundId))
                .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).Select(AgreementResource.Kind.Projection).AsSplitQuery().ToListAsync(ct))
                .ToLookup(a => a.RoundId, a => (object)a)),
    ];

    public static IEndpointRouteBuilder MapRoundEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/rounds").WithTags("Rounds").CachesPerTalk("rounds");
        group.MapGet("/", List).Embeds(Embedded).WithName("ListRounds").WithSummary("List rounds in date order, by talk, party or date range.")
            .RejectsUnknownQuery().AnswersFormat(RoundGeoJson.Format, RoundGeoJson.Example);
        group.MapGet("/{id}", Get).WithName("GetRound")
            .WithSummary("Get a whole round: participants, delegations, positions, statements and agreements.")
            .WithDescription("Accept: application/ld+json answers the round as a schema.org Event instead.")
            .AnswersLinkedData(RoundJsonLd.Example).ProducesProblem(404);
        group.MapGet("/{id}/status-history", StatusHistory).WithName("GetRoundStatusHistory")
            .WithSummary("The round's status now and each status it has had — scheduled, postponed, held, cancelled — with when and by whom.")
            .RejectsUnknownQuery().ProducesProblem(404);
        var records = group.Records(Resource);
        records.MapHistory();
        records.MapReplace().WithSummary("Replace a round with its participants and delegations (If-Match required).").ProducesProblem(409);
        records.MapPatch().WithSummary("Change some of a round's fields (JSON merge patch, If-Match required).").ProducesProblem(409);
        records.MapDelete().WithSummary("Delete a round no position, statement or agreement belongs to (If-Match required).").ProducesProblem(409);

        app.MapGet("/rounds.ics", AllCalendar).WithTags("Rounds").WithName("GetRoundsCalendar")
            .WithSummary("Every talk's rounds as an iCalendar feed (RFC 5545) to subscribe to: scheduled, held, postponed and cancelled.")
            .WithDescription($"From a year before today unless from= says otherwise; at most {RoundCalendar.MaxEvents} rounds, the latest.")
            .Produces<string>(StatusCodes.Status200OK, RoundCalendar.MediaType);
        app.MapGet("/talks/{talkId}/rounds.ics", TalkCalendar).WithTags("Rounds").WithName("GetTalkRoundsCalendar")
            .WithSummary("A talk's rounds as an iCalendar feed (RFC 5545) to subscribe to: scheduled, held, postponed and cancelled.")
            .Produces<string>(StatusCodes.Status200OK, RoundCalendar.MediaType).ProducesProblem(404);

        var talkRounds = app.MapGroup("/talks/{talkId}/rounds").WithTags("Rounds").CachesPerTalk("talks", routeValue: "talkId");
        talkRounds.MapGet("/", ListForTalk).Embeds(Embedded).WithName("ListTalkRounds").WithSummary("List a talk's rounds in date order.")
            .RejectsUnknownQuery().AnswersFormat(RoundGeoJson.Format, RoundGeoJson.Example).ProducesProblem(404);
        talkRounds.MapPost("/", Create).WithName("CreateRound")
            .WithSummary("Create a round of a talk with everything that happened in it — participants, delegations, positions, statements, "
                + "agreements, new sources, parties and people — in one transaction.")
            .Validates<NewRoundRequest>().ProducesProblem(404).ProducesProblem(409);
        return app;
    }

    private static Task<Results<FileContentHttpResult, ProblemHttpResult>> AllCalendar(
        [AsParameters] RoundCalendarQuery query, TalksDbContext db, HttpContext http, CancellationToken ct) =>
        RoundCalendar.ForAllAsync(db, query, http, ct);

    private static Task<Results<FileContentHttpResult, ProblemHttpResult>> TalkCalendar(
        string talkId, [AsParameters] RoundCalendarQuery query, TalksDbContext db, HttpContext http, CancellationToken ct) =>
        RoundCalendar.ForTalkAsync(db, talkId, query, http, ct);

    private static async Task<Results<Ok<Page<RoundResponse>>, JsonHttpResult<RoundFeatureCollection>, ValidationProblem>> List(
        [AsParameters] RoundQuery query, TalksDbContext db, HttpContext http, CancellationToken ct) =>
        RoundGeoJson.Answer(await PageAsync(db, query, query.TalkId, query.PartyId, query.From, query.To, query.Status, http, ct), http.Request);

    private static async Task<Results<Ok<Page<RoundResponse>>, JsonHttpResult<RoundFeatureCollection>, ValidationProblem, ProblemHttpResult>> ListForTalk(
        string talkId, [AsParameters] TalkRoundQuery query, TalksDbContext db, HttpContext http, CancellationToken ct)
    {
        if (!await db.Talks.AnyAsync(t => t.Id == talkId, ct))
        {
            return Problems.NotFound("talk", talkId);
        }

        return RoundGeoJson.Answer(await PageAsync(db, query, talkId, query.PartyId, query.From, query.To, query.Status, http, ct), http.Request).Result switch
        {
            Ok<Page<RoundResponse>> page => page,
            JsonHttpResult<RoundFeatureCollection> map => map,
            ValidationProblem problem => problem,
            _ => throw new InvalidOperationException("A list answers a page, a map or a validation problem."),
        };
    }

    private static Task<Results<Ok<Page<RoundResponse>>, ValidationProblem>> PageAsync(
        TalksDbContext db, IListQuery query, string? talkId, string? partyId, DateOnly? from, DateOnly? to, string? status,
        HttpContext http, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var statusWanted = EnumText<RoundStatus>.Parse(status, "status", errors);
        if (from > to)
        {
            errors["from"] = ["from must not be after to."];
        }

        var rounds = db.Rounds.AsNoTracking();
        if (talkId is not null)
        {
            rounds = rounds.Where(r => r.TalkId == talkId);
        }

        if (partyId is not null)
        {
            rounds = rounds.Where(r => r.Participants.Any(p => p.PartyId == partyId));
        }

        if (statusWanted is not null)
        {
            rounds = rounds.Where(r => r.Status == statusWanted);
        }

        if (from is not null)
        {
            rounds = rounds.Where(r => r.Date >= from);
        }

        if (to is not null)
        {
            rounds = rounds.Where(r => r.Date <= to);
        }

        return RoundResource.List.PageAsync(rounds, query, errors, http, ct);
    }

    private static async Task<Results<Ok<RoundDetailResponse>, JsonHttpResult<LinkedRound>, ProblemHttpResult>> Get(
        string id, TalksDbContext db, HttpContext http, CancellationToken ct)
    {
        var found = await Resource.GetAsync(db, id, http, ct);
        return found.Result is Ok<RoundDetailResponse> { Value: { } round } && JsonLd.Wanted(http.Request)
            ? JsonLd.Answer(await RoundJsonLd.DescribeAsync(db, round, http.Request, ct))
            : found.Result switch
            {
                Ok<RoundDetailResponse> ok => ok,
                var other => (ProblemHttpResult)other,
            };
    }

    private static async Task<Results<Created<RoundDetailResponse>, ProblemHttpResult>> Create(
        string talkId, NewRoundRequest request, TalksDbContext db, HttpContext http, CancellationToken ct) =>
        await db.Talks.AnyAsync(t => t.Id == talkId, ct)
            ? await WholeRoundWriter.WriteAsync(db, talkId, request, http, ct)
            : Problems.NotFound("talk", talkId);

    private static Task<Results<Ok<RoundStatusHistory>, ProblemHttpResult>> StatusHistory(string id, TalksDbContext db, CancellationToken ct) =>
        RoundStatusHistories.ReadAsync(db, id, ct);
}
