using Microsoft.AspNetCore.Http.HttpResults;

namespace Talks.Api.Hosting.Errors;

/// <summary>The expected failures, as return values with a consistent wording.</summary>
public static class Problems
{
    public static ProblemHttpResult NotFound(string what, string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No {what} has this id.", detail: $"No {what} has the id '{id}'.");

    public static ProblemHttpResult DuplicateId(string what, string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The id is taken.", detail: $"A {what} with the id '{id}' already exists.");

    public static ProblemHttpResult Conflict(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail);

    /// <summary>A 400 naming one field, shaped like the validator's: for a rule that needs the stored record to check.</summary>
    public static ProblemHttpResult Invalid(string field, string message) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: "One or more validation errors occurred.",
            type: "https://tools.ietf.org/html/rfc9110#section-15.5.1",
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [message] } });

    /// <summary>A delete refused because other records still point at this one; lists them by collection.</summary>
    public static ProblemHttpResult StillReferenced(string what, string id, IReadOnlyDictionary<string, List<string>> references) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "The record is still referenced.",
            detail: $"The {what} '{id}' is referenced by " +
                string.Join("; ", references.Select(r => $"{r.Key}: {string.Join(", ", r.Value)}")) + ". Remove or change those first.",
            extensions: new Dictionary<string, object?> { ["references"] = references });
}
