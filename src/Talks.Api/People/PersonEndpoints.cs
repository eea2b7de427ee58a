using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Changes;
using Talks.Api.Records;
using Talks.Data;
using Talks.Data.Entities;
using Talks.Api.Lists;

namespace Talks.Api.People;

public static class PersonEndpoints
{
    private static ResourceKind<Person, PersonRequest, PersonResponse> Resource => PersonResource.Kind;

    public static IEndpointRouteBuilder MapPersonEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/people").WithTags("People");
        group.MapGet("/", List).WithName("ListPeople").WithSummary("List people, optionally by party.").RejectsUnknownQuery();
        var records = group.Records(Resource);
        records.MapGet().WithSummary("Get a person.");
        records.MapHistory();
        records.MapCreate().WithSummary("Create a person.").ProducesProblem(409);
        records.MapReplace().WithSummary("Replace a person (If-Match required).");
        records.MapPatch().WithSummary("Change some of a person's fields (JSON merge patch, If-Match required).");
        records.MapDelete().WithSummary("Delete a person nothing references (If-Match required).").ProducesProblem(409);
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
}
