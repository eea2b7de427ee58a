using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Talks.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Talks.Api.Tests.Fuzz;

/// <summary>
/// Thousands of hostile requests across every operation in the OpenAPI document, from a fixed seed so a failure
/// replays. Every answer must be a 4xx problem (a read may also succeed), never a 5xx; and since every write is
/// built to be invalid, the database must be exactly as it was.
/// </summary>
public sealed class HostileInputTests(TalksApiFactory factory, ITestOutputHelper output) : IClassFixture<TalksApiFactory>
{
    private const int Seed = 20250516;
    private const int RequestsPerOperation = 150;
    private const int Workers = 4;

    /// <summary>A release made before the attack, so requests to the release routes get past "not found".</summary>
    public const string Release = "2025.1";

    [Fact]
    public async Task HostileRequestsToEveryOperationGetProblemDetailsAndChangeNothing()
    {
        using var admin = factory.CreateClient();
        using var anonymous = factory.CreateAnonymousClient();
        var document = OpenApiReading.WithSharedPartsInlined(await admin.GetJsonAsync("/swagger/v1/swagger.json"));
        var operations = ApiOperations.From(document);
        Assert.True(operations.Count >= 60, $"Only {operations.Count} operations in the document.");
        using (var release = await admin.PostAsync("/api/v1/releases", Http.Json($$"""{ "version": "{{Release}}" }""")))
        {
            Assert.Equal(HttpStatusCode.Created, release.StatusCode);
        }

        var before = await TableChecksums.ReadAsync(factory.Database!);
        var failures = new ConcurrentQueue<string>();
        var statuses = new ConcurrentDictionary<int, int>();
        var total = operations.Count * RequestsPerOperation;
        var clock = Stopwatch.StartNew();

        await Parallel.ForEachAsync(Enumerable.Range(0, total), new ParallelOptions { MaxDegreeOfParallelism = Workers }, async (number, ct) =>
        {
            var operation = operations[number / RequestsPerOperation];
            var request = new HostileRequestGenerator(document).Create(operation, number, new Random(Seed + (number * 7919)));
            var verdict = await SendAndJudgeAsync(request.Anonymous ? anonymous : admin, request, statuses);
            if (verdict is not null && failures.Count < 25)
            {
                failures.Enqueue(verdict);
            }
        });
        clock.Stop();

        var after = await TableChecksums.ReadAsync(factory.Database!);
        output.WriteLine($"{total} hostile requests over {operations.Count} operations in {clock.Elapsed.TotalSeconds:0.0} s; statuses: " +
            string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")));

        Assert.True(failures.IsEmpty, $"{failures.Count} wrong answers (seed {Seed}):\n\n" + string.Join("\n", failures));
        var changed = before.Keys.Union(after.Keys).Where(t => before.GetValueOrDefault(t) != after.GetValueOrDefault(t)).ToList();
        Assert.True(changed.Count == 0, "Refused writes changed the database: " +
            string.Join("; ", changed.Select(t => $"{t}: {before.GetValueOrDefault(t)} → {after.GetValueOrDefault(t)}")));
    }

    /// <summary>Null when the answer is right; otherwise the request and the answer, to reproduce it.</summary>
    private static async Task<string?> SendAndJudgeAsync(HttpClient client, HostileRequest request, ConcurrentDictionary<int, int> statuses)
    {
        HttpRequestMessage message;
        try
        {
            message = request.ToMessage();
        }
        catch (UriFormatException)
        {
            // HttpClient refuses to send it at all; the server never sees it.
            return null;
        }

        using (message)
        {
            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead);
            var status = (int)response.StatusCode;
            statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
            if (status == 200 && response.Content.Headers.ContentType?.MediaType == "text/event-stream")
            {
                // A change stream that opened: it never ends by itself, and disposing the response closes it.
                return null;
            }

            var text = await response.Content.ReadAsStringAsync();
            var problem = status >= 400 ? ProblemShapeError(response, status, text) : null;
            string? wrong = status switch
            {
                >= 500 => "a server error",
                >= 200 and < 300 when request.IsWrite => "a hostile write was accepted",
                >= 400 when problem is not null => problem,
                < 200 or (>= 300 and < 400) => "an unexpected status",
                _ => null,
            };
            return wrong is null
                ? null
                : $"{request.Describe()}  → {status} {response.Content.Headers.ContentType}: {wrong}\n  response: {HostileRequest.Excerpt(text, 600)}\n";
        }
    }

    private static string? ProblemShapeError(HttpResponseMessage response, int status, string text)
    {
        if (status >= 500)
        {
            return null;
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return "not application/problem+json";
        }

        try
        {
            Problem.AssertNoInternals(text);
            using var body = JsonDocument.Parse(text);
            var root = body.RootElement;
            if (!root.TryGetProperty("status", out var s) || s.GetInt32() != status)
            {
                return "the body's status differs from the response's";
            }

            if (!root.TryGetProperty("title", out var title) || string.IsNullOrWhiteSpace(title.GetString()))
            {
                return "no title";
            }

            if (!root.TryGetProperty("traceId", out var trace) || string.IsNullOrWhiteSpace(trace.GetString()))
            {
                return "no traceId";
            }
        }
        catch (Exception e) when (e is JsonException or Xunit.Sdk.XunitException or InvalidOperationException)
        {
            return "not a problem document: " + e.Message.Split('\n')[0];
        }

        return null;
    }
}
