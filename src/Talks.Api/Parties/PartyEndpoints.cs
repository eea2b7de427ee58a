using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Changes;
using Talks.Api.Hosting.Json;
using Talks.Api.Records;
using Talks.Data;
using Talks.Data.Entities;
using Talks.Api.Lists;

namespace Talks.Api.Parties;

public static class PartyEndpoints
{
    private static ResourceKind<Party, PartyRequest, PartyResponse> Resource => PartyResource.Kind;

    public static IEndpointRouteBuilder MapPartyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/parties").WithTags("Parties");
        group.MapGet("/", List).WithName("ListParties").WithSummary("List parties, optionally by kind.").RejectsUnknownQuery();
        var records = group.Records(Resource);
        records.MapGet().WithSummary("Get a party.");
        records.MapHistory();
        records.MapCreate().WithSummary("Create a party.").ProducesProblem(409);
        records.MapReplace().WithSummary("Replace a party (If-Match required).");
        records.MapPatch().WithSummary("Change some of a party's fields (JSON merge patch, If-Match required).");
        records.MapDelete().WithSummary("Delete a party nothing references (If-Match required).").ProducesProblem(409);
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
}
