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
using Talks.Data;
using Talks.Data.Entities;

namespace Talks.Api.Sources;

public static class SourceEndpoints
{
    private static ResourceKind<Source, SourceRequest, SourceResponse> Resource => SourceResource.Kind;

    public static IEndpointRouteBuilder MapSourceEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/sources").WithTags("Sources");
        group.MapGet("/", List).WithName("ListSources").WithSummary("List sources, optionally by kind.").RejectsUnknownQuery();
        group.MapGet("/{id}", Get).WithName("GetSource").WithSummary("Get a source.").ProducesProblem(404);
        group.MapGet("/{id}/history", History).WithName("GetSourceHistory").WithSummary("List every change to this record, newest first: who, when, each field before and after.")
            .RejectsUnknownQuery().ProducesProblem(404);
        group.MapPost("/", Create).WithName("CreateSource").WithSummary("Create a source.").Validates<SourceRequest>().ProducesProblem(409);
        group.MapPut("/{id}", Replace).WithName("ReplaceSource").WithSummary("Replace a source (If-Match required).")
            .Validates<SourceRequest>().WritesExisting();
        group.MapPatch("/{id}", Patch).WithName("PatchSource").WithSummary("Change some of a source's fields (JSON merge patch, If-Match required).")
            .AcceptsMergePatch().WritesExisting();
        group.MapDelete("/{id}", Delete).WithName("DeleteSource").WithSummary("Delete a source no record cites (If-Match required).")
            .WritesExisting().ProducesProblem(409);
        return app;
    }

    private static async Task<Results<Ok<Page<SourceResponse>>, ValidationProblem>> List(
        [AsParameters] SourceQuery query, TalksDbContext db, HttpContext http, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var kind = EnumText<SourceKind>.Parse(query.Kind, "kind", errors);
        var sources = db.Sources.AsNoTracking();
        if (kind is not null)
        {
            sources = sources.Where(s => s.Kind == kind);
        }

        return await SourceResource.List.PageAsync(sources, query, errors, http, ct);
    }

    private static Task<Results<Ok<SourceResponse>, ProblemHttpResult>> Get(string id, TalksDbContext db, HttpContext http, CancellationToken ct) =>
        Resource.GetAsync(db, id, http, ct);

    private static Task<Results<Created<SourceResponse>, ProblemHttpResult>> Create(SourceRequest request, TalksDbContext db, HttpContext http, CancellationToken ct) =>
        Resource.CreateAsync(db, request, http, ct);

    private static Task<Results<Ok<SourceResponse>, ValidationProblem, ProblemHttpResult>> Replace(
        string id, SourceRequest request, TalksDbContext db, HttpContext http, CancellationToken ct) =>
        Resource.ReplaceAsync(db, id, request, http, ct);

    private static Task<Results<Ok<SourceResponse>, ValidationProblem, ProblemHttpResult>> Patch(
        string id, JsonElement patch, TalksDbContext db, IValidator<SourceRequest> validator, IOptions<JsonOptions> json, HttpContext http, CancellationToken ct) =>
        Resource.PatchAsync(db, id, patch, validator, json.Value.SerializerOptions, http, ct);

    private static Task<Results<Ok<Page<ChangeResponse>>, ValidationProblem, ProblemHttpResult>> History(
        string id, [AsParameters] HistoryQuery query, TalksDbContext db, HttpContext http, CancellationToken ct) =>
        Resource.HistoryAsync(db, id, query, http, ct);

    private static Task<Results<NoContent, ProblemHttpResult>> Delete(string id, TalksDbContext db, HttpContext http, CancellationToken ct) =>
        Resource.DeleteAsync(db, id, http, ct);
}
