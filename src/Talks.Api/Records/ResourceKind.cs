using System.Linq.Expressions;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Hosting.Errors;
using Talks.Data;
using Talks.Data.Entities;

namespace Talks.Api.Records;

/// <summary>
/// What a resource is, described once in its own file (<c>Parties/PartyResource.cs</c>, …) by overriding the named steps
/// below; the behaviour every collection shares — not-found, ETag/If-Match, merge patch, duplicate ids, refused deletes —
/// is written here once and calls those steps. Endpoints stay a route table of named handlers that call into this.
/// </summary>
/// <remarks>
/// A new field on a resource touches that resource's file (<see cref="Projection"/>, <see cref="ToRequest"/>,
/// <see cref="Apply"/>), its contracts, its entity, a migration and its tests; nothing here.
/// </remarks>
public abstract partial class ResourceKind<TEntity, TRequest, TResponse>
    where TEntity : Entity, new()
    where TRequest : class, IRequest
    where TResponse : class, IResource
{
    /// <summary>"party": used in messages, and in the standard routes' names ("GetParty").</summary>
    public abstract string Singular { get; }

    /// <summary>"/api/v1/parties": used for Location.</summary>
    public abstract string BasePath { get; }

    /// <summary>The response, built in SQL: every read and every write's answer is this.</summary>
    public abstract Expression<Func<TEntity, TResponse>> Projection { get; }

    /// <summary>The text a new id is made from when the client sends none: a party's name, a round's city and date.</summary>
    public abstract string IdSource(TRequest request);

    /// <summary>The stored record in its update shape; what a merge patch is applied to.</summary>
    public abstract TRequest ToRequest(TEntity stored);

    /// <summary>Copies a valid request onto the entity, its owned rows (a round's participants) included.</summary>
    public abstract void Apply(TRequest request, TEntity entity);

    /// <summary>What still points at a record, by collection: a delete is refused while anything does.</summary>
    public virtual Task<Dictionary<string, List<string>>> FindReferencesAsync(TalksDbContext db, string id, CancellationToken ct) =>
        Task.FromResult(new Dictionary<string, List<string>>());

    /// <summary>
    /// A rule a new record must meet that needs the stored state (a taken sequence number); runs before anything is
    /// written, on the record with its id only.
    /// </summary>
    public virtual Task<ProblemHttpResult?> CheckCreateAsync(TalksDbContext db, TEntity stored, TRequest request, CancellationToken ct) =>
        Task.FromResult<ProblemHttpResult?>(null);

    /// <summary>
    /// A rule an edit must meet against the stored record (a status the lifecycle forbids, a topic moved beneath
    /// itself); runs after If-Match and before anything changes.
    /// </summary>
    public virtual Task<ProblemHttpResult?> CheckUpdateAsync(TalksDbContext db, TEntity stored, TRequest request, CancellationToken ct) =>
        Task.FromResult<ProblemHttpResult?>(null);

    /// <summary>Shapes the read, e.g. split queries for a response with several collections (a fixed few, never N+1).</summary>
    public virtual IQueryable<TEntity> ForRead(IQueryable<TEntity> query) => query;

    /// <summary>Related rows an update replaces together with the record (a round's participants).</summary>
    public virtual IQueryable<TEntity> ForUpdate(IQueryable<TEntity> query) => query;

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

    protected ResourceKind() => _fromSaved = new(CompileIfOwnColumns);

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
