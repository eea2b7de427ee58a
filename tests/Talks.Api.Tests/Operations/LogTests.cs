using System.Net;
using System.Text;
using System.Text.Json;
using Talks.Api.Tests.Infrastructure;

namespace Talks.Api.Tests.Operations;

/// <summary>What an operator reads on the console of the app in production.</summary>
public sealed class LogTests : IDisposable
{
    private readonly TestDatabase _database = new();

    [Fact]
    public async Task AnErrorAnswersTraceIdFindsItsRequestsJsonLogLines()
    {
        var (_, key, _) = await AppProcess.RunCommandAsync(_database, null, "keys", "create", "--name", "ops-logs", "--role", "analyst");
        await using var app = await AppProcess.StartAsync(_database);
        using var client = app.CreateClient(key.Trim());

        using var response = await client.PostAsync("/api/v1/parties", new StringContent("{\"name\": ", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var traceId = problem.RootElement.GetProperty("traceId").GetString()!;
        Assert.Matches("^[0-9a-f]{32}$", traceId);

        // The line that explains the 400 is written while the request is handled; it may reach stdout just after.
        var line = await app.WaitForOutputAsync(l => l.Contains("Client error 400", StringComparison.Ordinal));
        using var entry = JsonDocument.Parse(line);
        Assert.Equal(traceId, entry.RootElement.GetProperty("traceId").GetString());
        Assert.Matches("^[0-9a-f]{16}$", entry.RootElement.GetProperty("spanId").GetString()!);
        Assert.Equal("Information", entry.RootElement.GetProperty("level").GetString());

        // Every line on stdout is a JSON object of its own, so a log pipeline never meets a fragment.
        foreach (var written in app.OutputLines)
        {
            using var parsed = JsonDocument.Parse(written);
            Assert.Equal(JsonValueKind.Object, parsed.RootElement.ValueKind);
        }
    }

    [Fact]
    public async Task AKeyCommandPrintsOnlyTheKeyOnStandardOutputWhateverTheLogFormat()
    {
        var verbose = new Dictionary<string, string> { ["Logging__Format"] = "json", ["Logging__LogLevel__Default"] = "Information" };

        var (code, output, errors) = await AppProcess.RunCommandAsync(_database, verbose, "keys", "create", "--name", "ops-cli", "--role", "admin");

        Assert.Equal(0, code);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("talks_", line);
        Assert.Contains("ops-cli", errors);
    }

    [Fact]
    public async Task DevelopmentKeepsTheReadableTextFormat()
    {
        await using var app = await AppProcess.StartAsync(_database, new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Development" });

        var started = await app.WaitForOutputAsync(l => l.Contains("Microsoft.Hosting.Lifetime", StringComparison.Ordinal));

        Assert.StartsWith("info:", started);
    }

    public void Dispose() => _database.Dispose();
}
