using System.Net;
using System.Text.Json;

namespace Talks.Api.Tests.Infrastructure;

/// <summary>What every error answer must look like to a client: RFC 9457 problem details, and nothing from inside.</summary>
public static class Problem
{
    /// <summary>Text that only turns up in a body when internals leak: exception names, stack frames, SQL, .NET namespaces.</summary>
    private static readonly string[] Internals =
    [
        "Exception", "Microsoft.", "System.", "   at ", "StackTrace", "stackTrace", "SQLite Error", "SqliteError", "SELECT ", "INSERT INTO",
        "Talks.Api.", "Talks.Data.", "Npgsql", "SQLSTATE", "violates",
    ];

    /// <summary>
    /// Asserts a problem-details answer with <paramref name="status"/>, a title and a traceId, and no internals; returns
    /// the parsed body.
    /// </summary>
    public static async Task<JsonElement> ReadProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode,
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, expected {(int)status}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        AssertNoInternals(text);

        using var document = JsonDocument.Parse(text);
        var problem = document.RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()), $"No title in {text}");
        Assert.True(problem.TryGetProperty("traceId", out var traceId) && !string.IsNullOrWhiteSpace(traceId.GetString()), $"No traceId in {text}");
        return problem;
    }

    /// <summary>A 400 whose <c>errors</c> name each of <paramref name="fields"/>; returns the errors by field.</summary>
    public static async Task<Dictionary<string, string[]>> ReadValidationProblemAsync(this HttpResponseMessage response, params string[] fields)
    {
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        var errors = Errors(problem);
        foreach (var field in fields)
        {
            Assert.True(errors.TryGetValue(field, out var messages) && messages.Length > 0 && messages.All(m => m.Length > 0),
                $"Expected an error for '{field}'; got {problem}");
        }

        return errors;
    }

    public static Dictionary<string, string[]> Errors(JsonElement problem)
    {
        Assert.True(problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object,
            $"No errors object in {problem}");
        return errors.EnumerateObject().ToDictionary(
            e => e.Name,
            e => e.Value.EnumerateArray().Select(m => m.GetString() ?? "").ToArray());
    }

    public static void AssertNoInternals(string body)
    {
        foreach (var marker in Internals)
        {
            Assert.False(body.Contains(marker, StringComparison.Ordinal), $"The body gives away '{marker}': {body}");
        }
    }
}
