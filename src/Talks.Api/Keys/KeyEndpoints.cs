using Microsoft.AspNetCore.Http.HttpResults;
using Talks.Api.Hosting.Errors;
using Talks.Api.Hosting.Validation;

namespace Talks.Api.Keys;

public static class KeyEndpoints
{
    public static IEndpointRouteBuilder MapKeyEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/keys").WithTags("Keys").RequireAuthorization(KeyRoles.Admin);
        group.MapGet("/", List).WithName("ListKeys").WithSummary("List API keys (never the keys themselves).");
        group.MapPost("/", Create).WithName("CreateKey").WithSummary("Create an API key; the response is the only time the key is shown.")
            .Validates<KeyRequest>().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{name}", Revoke).WithName("RevokeKey").WithSummary("Revoke an API key; it stops working at once.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Ok<List<KeyResponse>>> List(KeyStore keys, CancellationToken ct) =>
        TypedResults.Ok((await keys.ListAsync(ct)).Select(KeyResponse.From).ToList());

    private static async Task<Results<Created<CreatedKeyResponse>, ProblemHttpResult>> Create(
        KeyRequest request, KeyStore keys, HttpContext http, CancellationToken ct)
    {
        // The secret must exist nowhere but in this answer: not in a cache, not in a stored idempotent replay.
        http.Response.Headers.CacheControl = "no-store";
        if (await keys.CreateAsync(request.Name, request.Role, ct) is not var (stored, secret))
        {
            return Problems.DuplicateId("key", request.Name);
        }

        return TypedResults.Created($"/api/v1/keys/{stored.Name}", new CreatedKeyResponse(stored.Name, stored.Role, secret, stored.CreatedAt));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Revoke(string name, KeyStore keys, CancellationToken ct) =>
        await keys.RevokeAsync(name, ct) ? TypedResults.NoContent() : Problems.NotFound("key", name);
}
