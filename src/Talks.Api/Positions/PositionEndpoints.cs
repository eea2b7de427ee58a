using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Changes;
using Talks.Api.Hosting.Json;
using Talks.Api.Records;
using Talks.Api.Topics;
using Talks.Data;
using Talks.Data.Entities;
using Talks.Api.Lists;
using Talks.Api.Answers.Caching;

namespace Talks.Api.Positions;

public static class PositionEndpoints
{
    private static ResourceKind<Position, PositionRequest, PositionResponse> Resource => PositionResource.Kind;

    public static IEndpointRouteBuilder MapPositionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/positions").WithTags("Positions").CachesPerTalk("positions");
        group.MapGet("/", List).WithName("ListPositions").WithSummary("List positions by round, party, topic or kind.").RejectsUnknownQuery();
        var records = group.Records(Resource);
        records.MapGet().WithSummary("Get a position.");
        records.MapHistory();
        records.MapCreate().WithSummary("Create a position.").ProducesProblem(409);
        records.MapReplace().WithSummary("Replace a position (If-Match required).");
        records.MapPatch().WithSummary("Change some of a position's fields (JSON merge patch, If-Match required).");
        records.MapDelete().WithSummary("Delete a position no other position answers (If-Match required).").ProducesProblem(409);
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
}
