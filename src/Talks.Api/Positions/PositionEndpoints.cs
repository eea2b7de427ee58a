using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Talks.Api.Changes;
using Talks.Api.Hosting.Json;
using Talks.Api.Hosting.Validation;
using Talks.Api.Reading;
using Talks.Api.Records;
using Talks.Api.Topics;
using Talks.Data;
using Talks.Data.Entities;

namespace Talks.Api.Positions;

public static class PositionEndpoints
{
    private static ResourceKind<Position, PositionRequest, PositionResponse> Resource => PositionResource.Kind;

    public static IEndpointRouteBuilder MapPositionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/positions").WithTags("Positions").CachesPerTalk("positions");
        group.MapGet("/", List).WithName("ListPositions").WithSummary("List positions by round, party, topic or kind.").RejectsUnknownQuery();
        group.MapGet("/{id}", Get).WithName("GetPosition").WithSummary("Get a position.").ProducesProblem(404);
        group.MapGet("/{id}/history", History).WithName("GetPositionHistory").WithSummary("List every change to this record, newest first: who, when, each field before and after.")
            .RejectsUnknownQuery().ProducesProblem(404);
        group.MapPost("/", Create).WithName("CreatePosition").WithSummary("Create a position.").Validates<PositionRequest>().ProducesProblem(409);
        group.MapPut("/{id}", Replace).WithName("ReplacePosition").WithSummary("Replace a position (If-Match required).")
            .Validates<PositionRequest>().WritesExisting();
        group.MapPatch("/{id}", Patch).WithName("PatchPosition").WithSummary("Change some of a position's fields (JSON merge patch, If-Match required).")
            .AcceptsMergePatch().WritesExisting();
        group.MapDelete("/{id}", Delete).WithName("DeletePosition").WithSummary("Delete a position no other position answers (If-Match required).")
            .WritesExisting().ProducesProblem(409);
        return app;
    }

    private static async Task<Results<Ok<Page<PositionResponse>>, ValidationProblem>> List(
        [AsParameters] PositionQuery query, TalksDbContext db, TopicVocabulary topics, HttpContext http, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var kind = EnumText<PositionKind>.Parse(query.Kind, "kind", errors);
        var items = db.Positions.AsNoTracking();
        if (query.RoundId is not null)
        {
            items = items.Where(p => p.RoundId == query.RoundId);
        }

        if (query.PartyId is not null)
        {
            items = items.Where(p => p.PartyId == query.PartyId);
        }

        if (query.Topic is not null)
        {
            var (subtree, error) = await topics.SubtreeAsync(query.Topic, ct);
            if (error is not null)
            {
                errors["topic"] = [error];
            }
            else
            {
                items = items.Where(p => subtree!.Contains(p.Topic));
            }
        }

        if (kind is not null)
        {
            items = items.Where(p => p.Kind == kind);
        }

        return await PositionResource.List.PageAsync(items, query, errors, http, ct);
    }

    private static Task<Results<Ok<PositionResponse>, ProblemHttpResult>> Get(string id, TalksDbContext db, HttpContext http, CancellationToken ct) =>
        Resource.GetAsync(db, id, http, ct);

    private static Task<Results<Created<PositionResponse>, ProblemHttpResult>> Create(PositionRequest request, TalksDbContext db, HttpContext http, CancellationToken ct) =>
        Resource.CreateAsync(db, request, http, ct);

    private static Task<Results<Ok<PositionResponse>, ValidationProblem, ProblemHttpResult>> Replace(
        string id, PositionRequest request, TalksDbContext db, HttpContext http, CancellationToken ct) =>
        Resource.ReplaceAsync(db, id, request, http, ct);

    private static Task<Results<Ok<PositionResponse>, ValidationProblem, ProblemHttpResult>> Patch(
        string id, JsonElement patch, TalksDbContext db, IValidator<PositionRequest> validator, IOptions<JsonOptions> json, HttpContext http, CancellationToken ct) =>
        Resource.PatchAsync(db, id, patch, validator, json.Value.SerializerOptions, http, ct);

    private static Task<Results<Ok<Page<ChangeResponse>>, ValidationProblem, ProblemHttpResult>> History(
        string id, [AsParameters] HistoryQuery query, TalksDbContext db, HttpContext http, CancellationToken ct) =>
        Resource.HistoryAsync(db, id, query, http, ct);

    private static Task<Results<NoContent, ProblemHttpResult>> Delete(string id, TalksDbContext db, HttpContext http, CancellationToken ct) =>
        Resource.DeleteAsync(db, id, http, ct);
}
