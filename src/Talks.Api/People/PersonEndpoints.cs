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

namespace Talks.Api.People;

public static class PersonEndpoints
{
    private static ResourceKind<Person, PersonRequest, PersonResponse> Resource => PersonResource.Kind;

    public static IEndpointRouteBuilder MapPersonEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/people").WithTags("People");
        group.MapGet("/", List).WithName("ListPeople").WithSummary("List people, optionally by party.").RejectsUnknownQuery();
        group.MapGet("/{id}", Get).WithName("GetPerson").WithSummary("Get a person.").ProducesProblem(404);
        group.MapGet("/{id}/history", History).WithName("GetPersonHistory").WithSummary("List every change to this record, newest first: who, when, each field before and after.")
            .RejectsUnknownQuery().ProducesProblem(404);
        group.MapPost("/", Create).WithName("CreatePerson").WithSummary("Create a person.").Validates<PersonRequest>().ProducesProblem(409);
        group.MapPut("/{id}", Replace).WithName("ReplacePerson").WithSummary("Replace a person (If-Match required).")
            .Validates<PersonRequest>().WritesExisting();
        group.MapPatch("/{id}", Patch).WithName("PatchPerson").WithSummary("Change some of a person's fields (JSON merge patch, If-Match required).")
            .AcceptsMergePatch().WritesExisting();
        group.MapDelete("/{id}", Delete).WithName("DeletePerson").WithSummary("Delete a person nothing references (If-Match required).")
            .WritesExisting().ProducesProblem(409);
        return app;
    }

    private static async Task<Results<Ok<Page<PersonResponse>>, ValidationProblem>> List(
        [AsParameters] PersonQuery query, TalksDbContext db, HttpContext http, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var people = db.People.AsNoTracking();
        if (query.PartyId is not null)
        {
            people = people.Where(p => p.PartyId == query.PartyId);
        }

        return await PersonResource.List.PageAsync(people, query, errors, http, ct);
    }

    private static Task<Results<Ok<PersonResponse>, ProblemHttpResult>> Get(string id, TalksDbContext db, HttpContext http, CancellationToken ct) =>
        Resource.GetAsync(db, id, http, ct);

    private static Task<Results<Created<PersonResponse>, ProblemHttpResult>> Create(PersonRequest request, TalksDbContext db, HttpContext http, CancellationToken ct) =>
        Resource.CreateAsync(db, request, http, ct);

    private static Task<Results<Ok<PersonResponse>, ValidationProblem, ProblemHttpResult>> Replace(
        string id, PersonRequest request, TalksDbContext db, HttpContext http, CancellationToken ct) =>
        Resource.ReplaceAsync(db, id, request, http, ct);

    private static Task<Results<Ok<PersonResponse>, ValidationProblem, ProblemHttpResult>> Patch(
        string id, JsonElement patch, TalksDbContext db, IValidator<PersonRequest> validator, IOptions<JsonOptions> json, HttpContext http, CancellationToken ct) =>
        Resource.PatchAsync(db, id, patch, validator, json.Value.SerializerOptions, http, ct);

    private static Task<Results<Ok<Page<ChangeResponse>>, ValidationProblem, ProblemHttpResult>> History(
        string id, [AsParameters] HistoryQuery query, TalksDbContext db, HttpContext http, CancellationToken ct) =>
        Resource.HistoryAsync(db, id, query, http, ct);

    private static Task<Results<NoContent, ProblemHttpResult>> Delete(string id, TalksDbContext db, HttpContext http, CancellationToken ct) =>
        Resource.DeleteAsync(db, id, http, ct);
}
