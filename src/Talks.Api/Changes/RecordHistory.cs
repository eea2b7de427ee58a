using Microsoft.AspNetCore.Http.HttpResults;
using Talks.Api.Reading;
using Talks.Api.Records;
using Talks.Data;
using Talks.Data.Entities;

namespace Talks.Api.Changes;

public static class RecordHistory
{
    /// <summary>One record's changes, newest first: every resource's <c>/{id}/history</c>.</summary>
    public static Task<Results<Ok<Page<ChangeResponse>>, ValidationProblem, ProblemHttpResult>> HistoryAsync<TEntity, TRequest, TResponse>(
        this ResourceKind<TEntity, TRequest, TResponse> kind, TalksDbContext db, string id, HistoryQuery query, HttpContext http, CancellationToken ct)
        where TEntity : Entity, new()
        where TRequest : class, IRequest
        where TResponse : class, IResource =>
        ChangeEndpoints.HistoryAsync(db, kind.Collection, kind.Singular, id, query, http, ct);
}
