using Microsoft.AspNetCore.Http.HttpResults;
using Talks.Api.Records;
using Talks.Data;
using Talks.Data.Entities;
using Talks.Api.Lists;

namespace Talks.Api.Changes;

public static class RecordHistory
{
    /// <summary>Every resource's <c>/{id}/history</c>: one record's changes, newest first.</summary>
    public static RouteHandlerBuilder MapHistory<TEntity, TRequest, TResponse>(this RecordRoutes<TEntity, TRequest, TResponse> routes)
        where TEntity : Entity, new()
        where TRequest : class, IRequest
        where TResponse : class, IResource
    {
        var kind = routes.Kind;
        return routes.Group.MapGet(
                "/{id}/history",
                (string id, [AsParameters] HistoryQuery query, TalksDbContext db, HttpContext http, CancellationToken ct) =>
                    HistoryAsync(kind, db, id, query, http, ct))
            .WithName($"Get{routes.Name}History")
            .WithSummary("List every change to this record, newest first: who, when, each field before and after.")
            .RejectsUnknownQuery().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static Task<Results<Ok<Page<ChangeResponse>>, ValidationProblem, ProblemHttpResult>> HistoryAsync<TEntity, TRequest, TResponse>(
        ResourceKind<TEntity, TRequest, TResponse> kind, TalksDbContext db, string id, HistoryQuery query, HttpContext http, CancellationToken ct)
        where TEntity : Entity, new()
        where TRequest : class, IRequest
        where TResponse : class, IResource =>
        ChangeEndpoints.HistoryAsync(db, kind.Collection, kind.Singular, id, query, http, ct);
}
