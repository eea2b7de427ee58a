using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Hosting.Database;
using Talks.Api.Hosting.Validation;

namespace Talks.Api.Hosting.Errors;

/// <summary>
/// Turns the exceptions that are the client's doing (bad JSON, unbindable parameters, a lost race for an id or a
/// version) into problem details; anything else falls through to the generic 500.
/// </summary>
internal sealed partial class ClientErrorExceptionHandler(IProblemDetailsService problems, ILogger<ClientErrorExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } bad => await DescribeBodyAsync(httpContext, bad, json, cancellationToken),
            BadHttpRequestException bad => Describe(bad),
            DbUpdateConcurrencyException => new ProblemDetails
            {
                Status = StatusCodes.Status412PreconditionFailed,
                Title = "The record was changed by someone else.",
                Detail = "Read it again and reapply your change.",
            },
            DbUpdateException update when DatabaseErrors.IsConflict(update.InnerException) => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "The change conflicts with an existing record.",
                Detail = "A record with this id already exists, or one this change relies on was removed meanwhile.",
            },
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }

        logger.LogInformation("Client error {Status}: {Title}", problem.Status, problem.Title);
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem });
    }

    /// <summary>Every fault of a body the deserializer refused at its first, not just that first one.</summary>
    private static async Task<ProblemDetails> DescribeBodyAsync(HttpContext http, BadHttpRequestException bad, JsonException json, CancellationToken ct)
    {
        var endpoint = http.Features.Get<IExceptionHandlerFeature>()?.Endpoint;
        var faults = await BodyFaultFinder.FindAsync(http, endpoint, ct);
        var errors = faults is { Errors.Count: > 0 } ? faults.Errors : JsonErrors.Describe(json);
        return new HttpValidationProblemDetails(errors)
        {
            Status = bad.StatusCode,
            Title = "One or more validation errors occurred.",
            Detail = faults?.Detail,
        };
    }

    private static ProblemDetails Describe(BadHttpRequestException bad)
    {
        var errors = new Dictionary<string, string[]>();
        if (BindFailure().Match(bad.Message) is { Success: true } bind)
        {
            var name = bind.Groups["name"].Value;
            errors[char.ToLowerInvariant(name[0]) + name[1..]] = [$"'{bind.Groups["value"].Value}' is not a valid {Friendly(bind.Groups["type"].Value)}."];
        }
        else if (bad.Message.Contains("was not provided from body", StringComparison.Ordinal)
            || bad.Message.Contains("body was empty", StringComparison.OrdinalIgnoreCase)
            || bad.Message.Contains("no body was provided", StringComparison.Ordinal))
        {
            errors["body"] = ["A JSON request body is required."];
        }
        else if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = "The request body is too large.",
                Detail = "Send a smaller body; the limit is Limits:MaxRequestBodyBytes.",
            };
        }
        else if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            return new ProblemDetails { Status = bad.StatusCode, Title = "Unsupported media type.", Detail = "Send the body as application/json." };
        }
        else
        {
            return new ProblemDetails { Status = bad.StatusCode, Title = "The request is not valid.", Detail = bad.Message };
        }

        return new HttpValidationProblemDetails(errors)
        {
            Status = bad.StatusCode,
            Title = "One or more validation errors occurred.",
        };
    }

    private static string Friendly(string clrType) => clrType.TrimEnd('?') switch
    {
        "int" or "Int32" or "long" or "Int64" => "integer",
        "DateOnly" => "date (yyyy-MM-dd)",
        "DateTimeOffset" or "DateTime" => "date and time",
        "bool" or "Boolean" => "boolean",
        _ => "value",
    };

    [GeneratedRegex("""Failed to bind parameter "(?<type>[^ "]+) (?<name>[^"]+)" from "(?<value>[^"]*)"\.""")]
    private static partial Regex BindFailure();
}
