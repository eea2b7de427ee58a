using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Changes;
using Talks.Api.Hosting.Json;
using Talks.Api.Records;
using Talks.Data;
using Talks.Data.Entities;
using Talks.Api.Lists;

namespace Talks.Api.Sources;

public static class SourceEndpoints
{
    private static ResourceKind<Source, SourceRequest, SourceResponse> Resource => SourceResource.Kind;

    public static IEndpointRouteBuilder MapSourceEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/sources").WithTags("Sources");
        group.MapGet("/", List).WithName("ListSources").WithSummary("List sources, optionally by kind.").RejectsUnknownQuery();
        var records = group.Records(Resource);
        records.MapGet().WithSummary("Get a source.");
        records.MapHistory();
        records.MapCreate().WithSummary("Create a source.").ProducesProblem(409);
        records.MapReplace().WithSummary("Replace a source (If-Match required).");
        records.MapPatch().WithSummary("Change some of a source's fields (JSON merge patch, If-Match required).");
        records.MapDelete().WithSummary("Delete a source no record cites (If-Match required).").ProducesProblem(409);
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
}
