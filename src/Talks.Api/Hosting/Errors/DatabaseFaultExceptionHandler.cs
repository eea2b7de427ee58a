using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Talks.Api.Hosting.Database;

namespace Talks.Api.Hosting.Errors;

/// <summary>
/// Answers a request the database itself failed, rather than the request: 503 with Retry-After while the database
/// cannot be reached (a restart, a lost connection, a lock held past the busy timeout), 507 when it has no room to
/// store a write. Neither is the API's bug, so neither is a 500; each episode is logged once
/// (<see cref="DatabaseFaultEpisodes"/>), not once per refused request.
/// </summary>
internal sealed class DatabaseFaultExceptionHandler(
    IProblemDetailsService problems, DatabaseFaultEpisodes episodes, ILogger<DatabaseFaultExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>Long enough for a PostgreSQL restart (2–3 s here) or a competing SQLite writer to finish.</summary>
    internal const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem;
        if (DatabaseErrors.IsStorageFull(exception))
        {
            if (episodes.BeginStorageFull())
            {
                logger.LogError(exception, "Database storage is full; writes are refused with 507 until space is freed");
            }

            problem = new ProblemDetails
            {
                Status = StatusCodes.Status507InsufficientStorage,
                Title = "The database's storage is full.",
                Detail = "Storage is full, so nothing was written. Send the request again once space has been freed.",
            };
        }
        else if (DatabaseErrors.IsUnavailable(exception))
        {
            if (episodes.BeginUnavailable())
            {
                logger.LogWarning(exception, "The database is unavailable; requests are answered 503 until it can be reached again");
            }

            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The database is unavailable.",
                Detail = "The database is unavailable, so the request could not be completed. Try again after the number of " +
                    "seconds in Retry-After; send a write with an Idempotency-Key to be sure a retry makes it only once.",
            };
        }
        else
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem });
    }
}
