using System.Text.Json;
using Talks.Api.Tests.Infrastructure;

namespace Talks.Api.Tests.Platform;

/// <summary>
/// What every answer shares (rate-limit and CORS headers, the problem answers) is declared once under components and
/// referred to; written out in each answer it made a 950 KB document and 11,000 lines of generated client types.
/// </summary>
public sealed class OpenApiSharedPartsTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    /// <summary>
    /// The document grows with what it describes, not with repetition: when every operation still inlined the same
    /// headers and problem bodies it was 938 KB for 34 paths, 27.6 KB a path. Shared, a path costs about 7.3 KB now
    /// that every answer also declares its change headers and the 503 and 507 answers; the budget is 8 KB a path, so
    /// a description or field more passes and inlining the shared headers and problem answers again does not.
    /// </summary>
    private const int MaxBytesPerPath = 8_000;
    private static readonly string[] SharedHeaders = ["RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "Access-Control-Allow-Origin", "ETag"];

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task SharedHeadersAndProblemAnswersAreComponentsReferredToNotWrittenOut()
    {
        var document = await _client.GetJsonAsync("/swagger/v1/swagger.json");
        var components = document.GetProperty("components");

        foreach (var header in SharedHeaders)
        {
            Assert.True(components.GetProperty("headers").TryGetProperty(header, out _), $"components.headers has no {header}.");
        }

        foreach (var answer in
            new[] { "TooManyRequests", "ServerError", "DatabaseUnavailable", "StorageFull", "NotFound", "NotModified", "PreconditionFailed" })
        {
            Assert.True(components.GetProperty("responses").TryGetProperty(answer, out _), $"components.responses has no {answer}.");
        }

        var answers = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(op => op.Value.TryGetProperty("responses", out _))
                .SelectMany(op => op.Value.GetProperty("responses").EnumerateObject()
                    .Select(r => (Name: $"{op.Name} {path.Name} {r.Name}", r.Name, Answer: r.Value))))
            .ToList();
        Assert.NotEmpty(answers);
        foreach (var (name, status, answer) in answers)
        {
            if (status is "429" or "500" or "503" or "507" or "304")
            {
                Assert.True(answer.TryGetProperty("$ref", out _), $"{name} is written out instead of referring to a shared answer.");
            }

            if (answer.TryGetProperty("headers", out var headers))
            {
                foreach (var header in headers.EnumerateObject().Where(h => SharedHeaders.Contains(h.Name)))
                {
                    Assert.True(header.Value.TryGetProperty("$ref", out _), $"{name} writes out the {header.Name} header.");
                }
            }
        }

        var inlined = OpenApiReading.WithSharedPartsInlined(document);
        var tooMany = inlined.GetProperty("paths").GetProperty("/api/v1/parties").GetProperty("get").GetProperty("responses").GetProperty("429");
        Assert.True(tooMany.GetProperty("headers").TryGetProperty("Retry-After", out _));
        Assert.Equal(JsonValueKind.Object, tooMany.GetProperty("content").GetProperty("application/problem+json").ValueKind);
    }

    [Fact]
    public async Task EveryOperationDeclaresTheDatabaseUnavailableAnswerAndEveryWriteTheStorageFullOne()
    {
        var document = await _client.GetJsonAsync("/swagger/v1/swagger.json");
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(op => op.Value.TryGetProperty("responses", out _))
                .Select(op => (Name: $"{op.Name.ToUpperInvariant()} {path.Name}", Write: op.Name is "post" or "put" or "patch" or "delete",
                    Responses: op.Value.GetProperty("responses"))))
            .ToList();
        Assert.Contains(operations, op => op.Write);

        foreach (var (name, write, responses) in operations)
        {
            Assert.True(responses.TryGetProperty("503", out _), $"{name} does not say it may answer 503 when the database is unavailable.");
            Assert.True(responses.TryGetProperty("507", out _) == write, write
                ? $"{name} does not say it may answer 507 when storage is full."
                : $"{name} reads only, yet says it may answer 507.");
        }

        var inlined = OpenApiReading.WithSharedPartsInlined(document);
        var unavailable = inlined.GetProperty("paths").GetProperty("/api/v1/parties").GetProperty("get").GetProperty("responses").GetProperty("503");
        Assert.True(unavailable.GetProperty("headers").TryGetProperty("Retry-After", out _));
        var full = inlined.GetProperty("paths").GetProperty("/api/v1/parties").GetProperty("post").GetProperty("responses").GetProperty("507");
        Assert.Equal(JsonValueKind.Object, full.GetProperty("content").GetProperty("application/problem+json").ValueKind);
    }

    [Fact]
    public async Task TheDocumentStaysWithinItsBudgetPerPath()
    {
        var bytes = await _client.GetByteArrayAsync("/swagger/v1/swagger.json");
        using var document = JsonDocument.Parse(bytes);
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Count();

        Assert.True(bytes.Length < MaxBytesPerPath * paths,
            $"The OpenAPI document is {bytes.Length:N0} bytes for {paths} paths; keep it under {MaxBytesPerPath * paths:N0} " +
            "by sharing what operations repeat.");
    }
}
