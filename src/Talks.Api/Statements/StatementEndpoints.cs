using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Talks.Api.Changes;
using Talks.Api.Hosting.Validation;
using Talks.Api.Reading;
using Talks.Api.Records;
using Talks.Data;
using Talks.Data.Entities;

namespace Talks.Api.Statements;

public static class StatementEndpoints
{
    private static ResourceKind<Statement, StatementRequest, StatementResponse> Resource => StatementResource.Kind;

    public static IEndpointRouteBuilder MapStatementEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/statements").WithTags("Statements").CachesPerTalk("statements");
        group.MapGet("/", List).WithName("ListStatements").WithSummary("List statements by speaker (person or party) or round.").RejectsUnknownQuery();
        group.MapGet("/{id}", Get).WithName("GetStatement").WithSummary("Get a statement.").ProducesProblem(404);
        group.MapGet("/{id}/history", History).WithName("GetStatementHistory").WithSummary("List every change to this record, newest first: who, when, each field before and after.")
            .RejectsUnknownQuery().ProducesProblem(404);
        group.MapPost("/", Create).WithName("CreateStatement").WithSummary("Create a statement.").Validates<StatementRequest>().ProducesProblem(409);
        group.MapPut("/{id}", Replace).WithName("ReplaceStatement").WithSummary("Replace a statement (If-Match required).")
            .Validates<StatementRequest>().WritesExisting();
        group.MapPatch("/{id}", Patch).WithName("PatchStatement").WithSummary("Change some of a statement's fields (JSON merge patch, If-Match required).")
            .AcceptsMergePatch().WritesExisting();
        group.MapDelete("/{id}", Delete).WithName("DeleteStatement").WithSummary("Delete a statement (If-Match required).")
            .WritesExisting().ProducesProblem(409);
        return app;
    }

    private static async Task<Results<Ok<Page<StatementResponse>>, ValidationProblem>> List(
        [AsParameters] StatementQuery query, TalksDbContext db, HttpContext http, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var items = db.Statements.AsNoTracking();
        if (query.SpeakerPersonId is not null)
        {
            items = items.Where(s => s.SpeakerPersonId == query.SpeakerPersonId);
        }

        if (query.SpeakerPartyId is not null)
        {
            items = items.Where(s => s.SpeakerPartyId == query.SpeakerPartyId);
        }

        if (query.RoundId is not null)
        {
            items = items.Where(s => s.RoundId == query.RoundId);
        }

        return await StatementResource.List.PageAsync(items, query, errors, http, ct);
    }

    private static Task<Results<Ok<StatementResponse>, ProblemHttpResult>> Get(string id, TalksDbContext db, HttpContext http, CancellationToken ct) =>
        Resource.GetAsync(db, id, http, ct);

    private static Task<Results<Created<StatementResponse>, ProblemHttpResult>> Create(StatementRequest request, TalksDbContext db, HttpContext http, CancellationToken ct) =>
        Resource.CreateAsync(db, request, http, ct);

    private static Task<Results<Ok<StatementResponse>, ValidationProblem, ProblemHttpResult>> Replace(
        string id, StatementRequest request, TalksDbContext db, HttpContext http, CancellationToken ct) =>
        Resource.ReplaceAsync(db, id, request, http, ct);

    private static Task<Results<Ok<StatementResponse>, ValidationProblem, ProblemHttpResult>> Patch(
        string id, JsonElement patch, TalksDbContext db, IValidator<StatementRequest> validator, IOptions<JsonOptions> json, HttpContext http, CancellationToken ct) =>
        Resource.PatchAsync(db, id, patch, validator, json.Value.SerializerOptions, http, ct);

    private static Task<Results<Ok<Page<ChangeResponse>>, ValidationProblem, ProblemHttpResult>> History(
        string id, [AsParameters] HistoryQuery query, TalksDbContext db, HttpContext http, CancellationToken ct) =>
        Resource.HistoryAsync(db, id, query, http, ct);

    private static Task<Results<NoContent, ProblemHttpResult>> Delete(string id, TalksDbContext db, HttpContext http, CancellationToken ct) =>
        Resource.DeleteAsync(db, id, http, ct);
}
