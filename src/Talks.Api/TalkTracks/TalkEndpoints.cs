using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Changes;
using Talks.Api.Positions;
using Talks.Api.Records;
using Talks.Api.Rounds;
using Talks.Api.Topics;
using Talks.Data;
using Talks.Data.Entities;
using Talks.Api.Answers.Embedding;
using Talks.Api.Answers.Formats;
using Talks.Api.Lists;
using Talks.Api.Answers.Caching;

namespace Talks.Api.TalkTracks;

public static class TalkEndpoints
{
    private static ResourceKind<Talk, TalkRequest, TalkResponse> Resource => TalkResource.Kind;

    /// <summary><c>include=rounds</c>: each talk with its rounds in date order.</summary>
    private static readonly Include Rounds = new("rounds", typeof(RoundResponse), t => Include.Key(t, "id"),
        async (db, keys, ct) => (await db.Rounds.AsNoTracking().Where(r => keys.Contains(r.TalkId))
            .OrderBy(r => r.Date).ThenBy(r => r.Id).Select(RoundResource.Summary).AsSplitQuery().ToListAsync(ct))
            .ToLookup(r => r.TalkId, r => (object)r));

    public static IEndpointRouteBuilder MapTalkEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/talks").WithTags("Talks").CachesPerTalk("talks");
        group.MapGet("/", List).Embeds(Rounds).WithName("ListTalks").WithSummary("List talks, optionally those a party took part in.").RejectsUnknownQuery();
        group.MapGet("/{id}", Get).Embeds(Rounds).WithName("GetTalk").WithSummary("Get a talk.")
            .WithDescription("Accept: application/ld+json answers the talk as a schema.org EventSeries, its rounds as events within it.")
            .AnswersLinkedData(TalkJsonLd.Example).ProducesProblem(404);
        group.MapGet("/{id}/timeline", Timeline).WithName("GetTalkTimeline")
            .WithSummary("Every dated event of a talk in order: rounds, positions, statements, agreements and their implementation events.")
            .RejectsUnknownQuery().ProducesProblem(404);
        group.MapGet("/{id}/positions/matrix", PositionsMatrix).WithName("GetTalkPositionsMatrix")
            .WithSummary("Where each party stands on each topic: its latest position and the ones before it, oldest first.")
            .WithDescription("One cell per party and topic that has a position. asOf=yyyy-MM-dd shows the matrix as it stood on that day; "
                + "topic= narrows it to one topic; format=csv gives one row per cell.")
            .RejectsUnknownQuery().ProducesProblem(404);
        group.MapGet("/{id}/popolo", Popolo).WithName("GetTalkPopolo")
            .WithSummary("The talk in the Popolo standard: parties and delegations, people, seats and offices, "
                + "the talk and its rounds as events, quotes as speeches.")
            .RejectsUnknownQuery().ProducesProblem(404);
        var records = group.Records(Resource);
        records.MapHistory();
        records.MapCreate().WithSummary("Create a talk.").ProducesProblem(409);
        records.MapReplace().WithSummary("Replace a talk (If-Match required).");
        records.MapPatch().WithSummary("Change some of a talk's fields (JSON merge patch, If-Match required).");
        records.MapDelete().WithSummary("Delete a talk that has no rounds (If-Match required).").ProducesProblem(409);
        return app;
    }

    private static async Task<Results<Ok<Page<TalkResponse>>, ValidationProblem>> List(
        [AsParameters] TalkQuery query, TalksDbContext db, HttpContext http, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var talks = db.Talks.AsNoTracking();
        if (query.PartyId is not null)
        {
            talks = talks.Where(t => t.Rounds.Any(r => r.Participants.Any(p => p.PartyId == query.PartyId)));
        }

        return await TalkResource.List.PageAsync(talks, query, errors, http, ct);
    }

    private static async Task<Results<Ok<TalkResponse>, JsonHttpResult<LinkedTalk>, ProblemHttpResult>> Get(
        string id, TalksDbContext db, HttpContext http, CancellationToken ct)
    {
        var found = await Resource.GetAsync(db, id, http, ct);
        return found.Result is Ok<TalkResponse> { Value: { } talk } && JsonLd.Wanted(http.Request)
            ? JsonLd.Answer(await TalkJsonLd.DescribeAsync(db, talk, http.Request, ct))
            : found.Result switch
            {
                Ok<TalkResponse> ok => ok,
                var other => (ProblemHttpResult)other,
            };
    }

    private static Task<Results<Ok<PopoloDocument>, ProblemHttpResult>> Popolo(string id, TalksDbContext db, HttpContext http, CancellationToken ct) =>
        TalkPopolo.ReadAsync(db, id, http.Request, ct);

    private static Task<Results<Ok<Page<PositionMatrixCell>>, ValidationProblem, ProblemHttpResult>> PositionsMatrix(
        string id, [AsParameters] PositionMatrixQuery query, TalksDbContext db, TopicVocabulary topics, HttpContext http, CancellationToken ct) =>
        PositionMatrix.ReadAsync(db, topics, id, query, http, ct);

    private static Task<Results<Ok<Page<TimelineEntry>>, ValidationProblem, ProblemHttpResult>> Timeline(
        string id, [AsParameters] TimelineQuery query, TalksDbContext db, HttpContext http, CancellationToken ct) =>
        TalkTimeline.ReadAsync(db, id, query, http, ct);
}
