using System.Linq.Expressions;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Hosting.Errors;
using Talks.Data;
using Talks.Data.Entities;

namespace Talks.Api.Records;

/// <summary>
/// The read/write behaviour every collection shares — not-found, ETag/If-Match, merge patch, duplicate ids, refused
/// deletes — described once per resource. Endpoints stay a route table of named handlers that call into this.
/// </summary>
public sealed partial class ResourceKind<TEntity, TRequest, TResponse>
    where TEntity : Entity, new()
    where TRequest : class, IRequest
    where TResponse : class, IResource
{
    /// <summary>"party": used in messages.</summary>
    public required string Singular { get; init; }

    /// <summary>"/api/v1/parties": used for Location.</summary>
    public required string BasePath { get; init; }

    /// <summary>The response, built in SQL.</summary>
    public required Expression<Func<TEntity, TResponse>> Projection { get; init; }

    /// <summary>The stored record in its update shape; what a merge patch is applied to.</summary>
    public required Func<TEntity, TRequest> ToRequest { get; init; }

    public required Action<TRequest, TEntity> Apply { get; init; }

    /// <summary>The text a new id is made from when the client sends none.</summary>
    public required Func<TRequest, string> IdSource { get; init; }

    /// <summary>What still points at a record, by collection: a delete is refused while anything does.</summary>
    public Func<TalksDbContext, string, CancellationToken, Task<Dictionary<string, List<string>>>> FindReferences { get; init; } =
        (_, _, _) => Task.FromResult(new Dictionary<string, List<string>>());

    /// <summary>
    /// A rule a new record must meet that needs the stored state (a taken sequence number); runs before anything is
    /// written, on the record with its id only.
    /// </summary>
    public Func<TalksDbContext, TEntity, TRequest, CancellationToken, Task<ProblemHttpResult?>> CheckCreateAsync { get; init; } = NoCheck;

    /// <summary>
    /// A rule an edit must meet against the stored record (a status the lifecycle forbids, a topic moved beneath
    /// itself); runs after If-Match and before anything changes.
    /// </summary>
    public Func<TalksDbContext, TEntity, TRequest, CancellationToken, Task<ProblemHttpResult?>> CheckUpdateAsync { get; init; } = NoCheck;

    private static Task<ProblemHttpResult?> NoCheck(TalksDbContext db, TEntity stored, TRequest request, CancellationToken ct) =>
        Task.FromResult<ProblemHttpResult?>(null);

    /// <summary>Shapes the read, e.g. split queries for a response with several collections (a fixed few, never N+1).</summary>
    public Func<IQueryable<TEntity>, IQueryable<TEntity>> ForRead { get; init; } = q => q;

    /// <summary>Related rows an update replaces together with the record (a round's participants).</summary>
    public Func<IQueryable<TEntity>, IQueryable<TEntity>> ForUpdate { get; init; } = q => q;

    /// <summary>"parties": the collection history and the change feed file this record under.</summary>
    public string Collection => ChangeCapture.Collections[typeof(TEntity)];

    public Task<TResponse?> ReadAsync(TalksDbContext db, string id, CancellationToken ct) =>
        ForRead(db.Set<TEntity>().AsNoTracking()).Where(e => e.Id == id).Select(Projection).FirstOrDefaultAsync(ct);

    /// <summary>
    /// The answer to a write. A projection that reads only the record's own columns is applied to the record just
    /// saved, which holds exactly what was stored (times cut to microseconds, version moved on), instead of reading it
    /// back: one query less per write. One that reads related rows (a round's positions, a talk's parties) reads back.
    /// </summary>
    private async Task<TResponse> SavedAsync(TalksDbContext db, TEntity saved, CancellationToken ct) =>
        _fromSaved.Value is { } fromSaved ? fromSaved(saved) : (await ReadAsync(db, saved.Id, ct))!;

    /// <summary><see cref="Projection"/> compiled, when it reads only the record's own columns; worked out at the first write.</summary>
    private readonly Lazy<Func<TEntity, TResponse>?> _fromSaved;

    public ResourceKind() => _fromSaved = new(CompileIfOwnColumns);

    private Func<TEntity, TResponse>? CompileIfOwnColumns() => OwnColumns.Only(Projection) ? Projection.Compile() : null;

    public async Task<Results<Ok<TResponse>, ProblemHttpResult>> GetAsync(TalksDbContext db, string id, HttpContext http, CancellationToken ct)
    {
        var response = http.RequestServices.GetService<IRecordReader<TResponse>>() is { Applies: true } reader
            ? reader.Read(id)
            : await ReadAsync(db, id, ct);
        if (response is null)
        {
            return Problems.NotFound(Singular, id);
        }

        http.SetETag(response.Version);
        return TypedResults.Ok(response);
    }
}
