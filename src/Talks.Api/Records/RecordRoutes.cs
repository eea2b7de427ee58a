using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Talks.Api.Hosting.Validation;
using Talks.Data;
using Talks.Data.Entities;

namespace Talks.Api.Records;

/// <summary>
/// The routes every record collection answers the same way — get, create, replace, patch, delete, and the history that
/// <c>Changes</c> adds — each mapped once, named after the resource ("GetParty") and documenting what it refuses. Each
/// returns its builder, so a resource's endpoint file adds only what is its own: a summary, a conflict it can refuse
/// with, what it embeds, who may call it.
/// </summary>
/// <remarks>
/// The handlers that take the request's type parameter are handed to the route as a <see cref="Delegate"/>: ASP.NET
/// Core 10's route-handler analyzer throws on a type parameter in a handler it reads at the call (dotnet/aspnetcore
/// issue 56831, fixed in 11), and a warning is an error here. The app binds and documents them as any other handler.
/// </remarks>
public sealed class RecordRoutes<TEntity, TRequest, TResponse>(RouteGroupBuilder group, ResourceKind<TEntity, TRequest, TResponse> kind)
    where TEntity : Entity, new()
    where TRequest : class, IRequest
    where TResponse : class, IResource
{
    public RouteGroupBuilder Group => group;

    public ResourceKind<TEntity, TRequest, TResponse> Kind => kind;

    /// <summary>"Party": what the routes' names are made of.</summary>
    public string Name { get; } = char.ToUpperInvariant(kind.Singular[0]) + kind.Singular[1..];

    public RouteHandlerBuilder MapGet() =>
        group.MapGet("/{id}", (string id, TalksDbContext db, HttpContext http, CancellationToken ct) => kind.GetAsync(db, id, http, ct))
            .WithName("Get" + Name).ProducesProblem(StatusCodes.Status404NotFound);

    public RouteHandlerBuilder MapCreate()
    {
        Delegate create = (TRequest request, TalksDbContext db, HttpContext http, CancellationToken ct) => kind.CreateAsync(db, request, http, ct);
        return group.MapPost("/", create).WithName("Create" + Name).Validates<TRequest>();
    }

    public RouteHandlerBuilder MapReplace()
    {
        Delegate replace = (string id, TRequest request, TalksDbContext db, HttpContext http, CancellationToken ct) =>
            kind.ReplaceAsync(db, id, request, http, ct);
        return group.MapPut("/{id}", replace).WithName("Replace" + Name).Validates<TRequest>().WritesExisting();
    }

    public RouteHandlerBuilder MapPatch() =>
        group.MapPatch(
                "/{id}",
                (string id, JsonElement patch, TalksDbContext db, IValidator<TRequest> validator, IOptions<JsonOptions> json,
                    HttpContext http, CancellationToken ct) =>
                    kind.PatchAsync(db, id, patch, validator, json.Value.SerializerOptions, http, ct))
            .WithName("Patch" + Name).AcceptsMergePatch().WritesExisting();

    public RouteHandlerBuilder MapDelete() =>
        group.MapDelete("/{id}", (string id, TalksDbContext db, HttpContext http, CancellationToken ct) => kind.DeleteAsync(db, id, http, ct))
            .WithName("Delete" + Name).WritesExisting();
}

public static class RecordRoutes
{
    /// <summary>The standard routes of <paramref name="kind"/>'s records on this group, to map one by one.</summary>
    public static RecordRoutes<TEntity, TRequest, TResponse> Records<TEntity, TRequest, TResponse>(
        this RouteGroupBuilder group, ResourceKind<TEntity, TRequest, TResponse> kind)
        where TEntity : Entity, new()
        where TRequest : class, IRequest
        where TResponse : class, IResource =>
        new(group, kind);
}
