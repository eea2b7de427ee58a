using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Changes;
using Talks.Api.Records;
using Talks.Data;
using Talks.Data.Entities;
using Talks.Api.Lists;
using Talks.Api.Answers.Caching;

namespace Talks.Api.Statements;

public static class StatementEndpoints
{
    private static ResourceKind<Statement, StatementRequest, StatementResponse> Resource => StatementResource.Kind;

    public static IEndpointRouteBuilder MapStatementEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/statements").WithTags("Statements").CachesPerTalk("statements");
        group.MapGet("/", List).WithName("ListStatements").WithSummary("List statements by speaker (person or party) or round.").RejectsUnknownQuery();
        var records = group.Records(Resource);
        records.MapGet().WithSummary("Get a statement.");
        records.MapHistory();
        records.MapCreate().WithSummary("Create a statement.").ProducesProblem(409);
        records.MapReplace().WithSummary("Replace a statement (If-Match required).");
        records.MapPatch().WithSummary("Change some of a statement's fields (JSON merge patch, If-Match required).");
        records.MapDelete().WithSummary("Delete a statement (If-Match required).").ProducesProblem(409);
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
}
