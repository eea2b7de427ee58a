using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Talks.Api.Answers.Idempotency;

/// <summary>
/// Makes a POST under /api/v1 safe to retry when the client sends an <c>Idempotency-Key</c>: the first answer (status,
/// body, Location, ETag) is kept per caller and key, a retry of the same request gets it replayed without running the
/// endpoint again, the same key with another request is refused with 422, and a retry while the first is still
/// running with 409. Runs after authorization, so a 401 or 403 never becomes the answer kept for a key.
/// </summary>
internal sealed class IdempotencyMiddleware(
    RequestDelegate next, IdempotencyStore store, IProblemDetailsService problems, ILogger<IdempotencyMiddleware> logger)
{
    public const string KeyHeader = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxKeyLength = 200;
    public const string ApiPrefix = "/api/v1";

    /// <summary>Unauthenticated callers share one scope; keys are still private to each authenticated caller.</summary>
    public const string AnonymousCaller = "anonymous";

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method) || !request.Path.StartsWithSegments(ApiPrefix)
            || !ReachesPostEndpoint(context) || !request.Headers.TryGetValue(KeyHeader, out var values))
        {
            await next(context);
            return;
        }

        if (values.Count != 1 || !IsValidKey(values[0]))
        {
            await RefuseAsync(context, new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                [KeyHeader] = [$"Send one {KeyHeader} of 1 to {MaxKeyLength} printable ASCII characters, e.g. a UUID."],
            })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = $"The {KeyHeader} header is not valid.",
            });
            return;
        }

        var key = values[0]!;
        var caller = context.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : AnonymousCaller;
        var hash = await RequestFingerprint.ComputeAsync(request, context.RequestAborted);
        var claim = await store.ClaimAsync(caller, key, hash, context.RequestAborted);
        if (claim.Won)
        {
            await RunAndKeepAsync(context, caller, key);
        }
        else
        {
            await AnswerForHeldKeyAsync(context, claim, hash);
        }
    }

    /// <summary>Unknown paths and a POST to a path that takes none (404, 405) write nothing, so there is nothing to keep.</summary>
    private static bool ReachesPostEndpoint(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<IHttpMethodMetadata>() is { } methods && methods.HttpMethods.Contains(HttpMethods.Post);

    private static bool IsValidKey(string? key) =>
        key is { Length: > 0 and <= MaxKeyLength } && key.All(c => c is >= ' ' and <= '~');

    private async Task RunAndKeepAsync(HttpContext context, string caller, string key)
    {
        var response = context.Response;
        var realBody = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await next(context);
            await response.BodyWriter.FlushAsync(context.RequestAborted);
        }
        catch
        {
            // Nothing is kept, so a retry runs the request again instead of meeting a key locked for a day.
            response.Body = realBody;
            await ReleaseAsync(caller, key);
            throw;
        }

        response.Body = realBody;
        await KeepAsync(response, caller, key, buffer.ToArray());
        buffer.Position = 0;
        await buffer.CopyToAsync(realBody, context.RequestAborted);
    }

    /// <summary>
    /// Keeps any answer below 500, the client's mistakes included, since a retry would meet the same ones. A server
    /// failure, or an answer marked no-store (it carries something that must not be written down), gives the key up.
    /// </summary>
    private async Task KeepAsync(HttpResponse response, string caller, string key, byte[] body)
    {
        // The endpoint has done its work: the client gets its answer even when keeping it fails, and the key stays
        // held rather than let a retry do the work twice.
        try
        {
            if (response.StatusCode >= StatusCodes.Status500InternalServerError || IsNoStore(response))
            {
                await store.ReleaseAsync(caller, key, CancellationToken.None);
                return;
            }

            var answer = new StoredAnswer(response.StatusCode, response.ContentType, body, response.Headers.Location, response.Headers.ETag);
            await store.CompleteAsync(caller, key, answer, CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not keep the answer for {Caller}'s idempotency key; retries get 409 until it expires", caller);
        }
    }

    /// <summary>Gives the key up without letting a failure to do so hide the endpoint's own exception.</summary>
    private async Task ReleaseAsync(string caller, string key)
    {
        try
        {
            await store.ReleaseAsync(caller, key, CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not give up {Caller}'s idempotency key after a failed request; retries get 409 until it expires", caller);
        }
    }

    private static bool IsNoStore(HttpResponse response) =>
        CacheControlHeaderValue.TryParse(response.Headers.CacheControl.ToString(), out var cacheControl) && cacheControl.NoStore;

    private async Task AnswerForHeldKeyAsync(HttpContext context, Claim claim, string hash)
    {
        var holder = claim.Holder;
        if (holder is not null && holder.RequestHash != hash)
        {
            await RefuseAsync(context, new ProblemDetails
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = $"The {KeyHeader} was already used for a different request.",
                Detail = "This key was first sent with another method, path, query or body. Send a new key for a new request.",
            });
            return;
        }

        if (holder is not { Completed: true })
        {
            context.Response.Headers.RetryAfter = "1";
            await RefuseAsync(context, new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = $"A request with this {KeyHeader} is still running.",
                Detail = "Retry once it has finished; its answer will then be replayed.",
            });
            return;
        }

        logger.LogInformation("Replaying the kept {Status} answer for {Caller}'s idempotency key", holder.StatusCode, holder.Caller);
        var response = context.Response;
        response.StatusCode = holder.StatusCode ?? StatusCodes.Status200OK;
        response.ContentType = holder.ContentType;
        if (holder.Location is not null)
        {
            response.Headers.Location = holder.Location;
        }

        if (holder.ETag is not null)
        {
            response.Headers.ETag = holder.ETag;
        }

        response.Headers[ReplayedHeader] = "true";
        if (holder.Body is { Length: > 0 } body)
        {
            response.ContentLength = body.Length;
            await response.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    private async Task RefuseAsync(HttpContext context, ProblemDetails problem)
    {
        logger.LogInformation("Idempotency refusal {Status}: {Title}", problem.Status, problem.Title);
        context.Response.StatusCode = problem.Status!.Value;
        await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
