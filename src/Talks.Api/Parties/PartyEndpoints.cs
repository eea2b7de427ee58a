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

namespace Talks.Api.Parties;

public static class PartyEndpoints
{
    private static ResourceKind<Party, PartyRequest, PartyResponse> Resource => PartyResource.Kind;

    public static IEndpointRouteBuilder MapPartyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/parties").WithTags("Parties");
        group.MapGet("/", List).WithName("ListParties").WithSummary("List parties, optionally by kind.").RejectsUnknownQuery();
        group.MapGet("/{id}", Get).WithName("GetParty").WithSummary("Get a party.").ProducesProblem(404);
        group.MapGet("/{id}/history", History).WithName("GetPartyHistory").WithSummary("List every change to this record, newest first: who, when, each field before and after.")
            .RejectsUnknownQuery().ProducesProblem(404);
        group.MapPost("/", Create).WithName("CreateParty").WithSummary("Create a party.").Validates<PartyRequest>().ProducesProblem(409);
        group.MapPut("/{id}", Replace).WithName("ReplaceParty").WithSummary("Replace a party (If-Match required).")
            .Validates<PartyRequest>().WritesExisting();
        group.MapPatch("/{id}", Patch).WithName("PatchParty").WithSummary("Change some of a party's fields (JSON merge patch, If-Match required).")
            .AcceptsMergePatch().WritesExisting();
        group.MapDelete("/{id}", Delete).WithName("DeleteParty").WithSummary("Delete a party nothing references (If-Match required).")
            .WritesExisting().ProducesProblem(409);
        return app;
    }

    private static async Task<Results<Ok<Page<PartyResponse>>, ValidationProblem>> List(
        [AsParameters] PartyQuery query, TalksDbContext db, HttpContext http, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var kind = EnumText<PartyKind>.Parse(query.Kind, "kind", errors);
        var parties = db.Parties.AsNoTracking();
        if (kind is not null)
        {
            parties = parties.Where(p => p.Kind == kind);
        }

        return await PartyResource.List.PageAsync(parties, query, errors, http, ct);
    }

    private static Task<Results<Ok<PartyResponse>, ProblemHttpResult>> Get(string id, TalksDbContext db, HttpContext http, CancellationToken ct) =>
        Resource.GetAsync(db, id, http, ct);

    private static Task<Results<Created<PartyResponse>, ProblemHttpResult>> Create(PartyRequest request, TalksDbContext db, HttpContext http, CancellationToken ct) =>
        Resource.CreateAsync(db, request, http, ct);

    private static Task<Results<Ok<PartyResponse>, ValidationProblem, ProblemHttpResult>> Replace(
        string id, PartyRequest request, TalksDbContext db, HttpContext http, CancellationToken ct) =>
        Resource.ReplaceAsync(db, id, request, http, ct);

    private static Task<Results<Ok<PartyResponse>, ValidationProblem, ProblemHttpResult>> Patch(
        string id, JsonElement patch, TalksDbContext db, IValidator<PartyRequest> validator, IOptions<JsonOptions> json, HttpContext http, CancellationToken ct) =>
        Resource.PatchAsync(db, id, patch, validator, json.Value.SerializerOptions, http, ct);

    private static Task<Results<Ok<Page<ChangeResponse>>, ValidationProblem, ProblemHttpResult>> History(
        string id, [AsParameters] HistoryQuery query, TalksDbContext db, HttpContext http, CancellationToken ct) =>
        Resource.HistoryAsync(db, id, query, http, ct);

    private static Task<Results<NoContent, ProblemHttpResult>> Delete(string id, TalksDbContext db, HttpContext http, CancellationToken ct) =>
        Resource.DeleteAsync(db, id, http, ct);
}
