using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Hosting.Errors;
using Talks.Data;
using Talks.Api.Names;

namespace Talks.Api.Records;

/// <summary>The writes every collection shares: create, replace, merge patch and delete, each checked the same way.</summary>
public abstract partial class ResourceKind<TEntity, TRequest, TResponse>
{
    public async Task<Results<Created<TResponse>, ProblemHttpResult>> CreateAsync(
        TalksDbContext db, TRequest request, HttpContext http, CancellationToken ct)
    {
        var set = db.Set<TEntity>();
        var id = request.Id ?? await Slug.NewIdAsync(set, IdSource(request), ct);
        if (await set.AnyAsync(e => e.Id == id, ct))
        {
            return Problems.DuplicateId(Singular, id);
        }

        var entity = new TEntity { Id = id };
        if (await CheckCreateAsync(db, entity, request, ct) is { } refused)
        {
            return refused;
        }

        Apply(request, entity);
        set.Add(entity);
        await db.SaveChangesAsync(ct);

        var response = await SavedAsync(db, entity, ct);
        http.SetETag(response.Version);
        return TypedResults.Created($"{BasePath}/{id}", response);
    }

    public async Task<Results<Ok<TResponse>, ValidationProblem, ProblemHttpResult>> ReplaceAsync(
        TalksDbContext db, string id, TRequest request, HttpContext http, CancellationToken ct)
    {
        var entity = await ForUpdate(db.Set<TEntity>()).FirstOrDefaultAsync(e => e.Id == id, ct);
        return entity is null ? Problems.NotFound(Singular, id) : await UpdateAsync(db, entity, request, http, ct);
    }

    public async Task<Results<Ok<TResponse>, ValidationProblem, ProblemHttpResult>> PatchAsync(
        TalksDbContext db, string id, JsonElement patch, IValidator<TRequest> validator, JsonSerializerOptions json,
        HttpContext http, CancellationToken ct)
    {
        var entity = await ForUpdate(db.Set<TEntity>()).FirstOrDefaultAsync(e => e.Id == id, ct);
        if (entity is null)
        {
            return Problems.NotFound(Singular, id);
        }

        // The version is checked before the patch is merged: a stale client learns that first.
        if (Preconditions.Check(http, entity.Version) is { } failed)
        {
            return failed;
        }

        var (merged, errors, detail) = await MergePatch.ApplyAsync(ToRequest(entity), patch, json, validator, ct);
        return errors is not null ? TypedResults.ValidationProblem(errors, detail) : await UpdateAsync(db, entity, merged!, http, ct);
    }

    private async Task<Results<Ok<TResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        TalksDbContext db, TEntity entity, TRequest request, HttpContext http, CancellationToken ct)
    {
        if (Preconditions.Check(http, entity.Version) is { } failed)
        {
            return failed;
        }

        if (Ids.ChangedId(request.Id, entity.Id) is { } idError)
        {
            return idError;
        }

        if (await CheckUpdateAsync(db, entity, request, ct) is { } refused)
        {
            return refused;
        }

        Apply(request, entity);

        // Changing only related rows (a round's participants) is still a change to the record.
        if (db.ChangeTracker.HasChanges())
        {
            db.Entry(entity).State = EntityState.Modified;
        }

        await db.SaveChangesAsync(ct);
        var response = await SavedAsync(db, entity, ct);
        http.SetETag(response.Version);
        return TypedResults.Ok(response);
    }

    public async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(TalksDbContext db, string id, HttpContext http, CancellationToken ct)
    {
        // Loaded with what it owns, so history records the owned rows' deletion too (an agreement's events).
        var entity = await ForUpdate(db.Set<TEntity>()).FirstOrDefaultAsync(e => e.Id == id, ct);
        if (entity is null)
        {
            return Problems.NotFound(Singular, id);
        }

        if (Preconditions.Check(http, entity.Version) is { } failed)
        {
            return failed;
        }

        var references = await FindReferencesAsync(db, id, ct);
        if (references.Count > 0)
        {
            return Problems.StillReferenced(Singular, id, references);
        }

        db.Remove(entity);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
