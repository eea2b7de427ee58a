using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Talks.Api.Tests.Infrastructure;

namespace Talks.Api.Tests.Operations;

/// <summary>What a deployment sees when the platform stops the app with SIGTERM.</summary>
public sealed class ShutdownTests : IDisposable
{
    private readonly TestDatabase _database = new();

    /// <summary>Far above how long a clean stop takes, so an exit before it shows the stream did not hold it up.</summary>
    private static readonly Dictionary<string, string> LongShutdownLimit = new() { ["Shutdown__TimeoutSeconds"] = "600" };

    [Fact]
    public async Task SigtermLetsAWriteInFlightFinishClosesOpenChangeStreamsAndExitsCleanly()
    {
        var (_, key, _) = await AppProcess.RunCommandAsync(_database, null, "keys", "create", "--name", "ops-shutdown", "--role", "analyst");
        var id = "shutdown-" + Guid.NewGuid().ToString("N")[..8];
        await using (var app = await AppProcess.StartAsync(_database, LongShutdownLimit))
        {
            // A change stream, open and past its first line, as a dashboard holds it.
            using var streamClient = app.CreateClient();
            using var stream = await streamClient.GetAsync("/api/v1/changes/stream", HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
            using var events = new StreamReader(await stream.Content.ReadAsStreamAsync());
            Assert.Equal("retry: 2000", await events.ReadLineAsync());

            // A write whose body the client has not sent yet: when it is released the request is certainly being handled.
            using var post = new HeldBackPost(app, key, id, "Shutdown Test Party");
            await post.Requested.WaitAsync(AppProcess.Patience);

            app.Terminate();
            await app.WaitForOutputAsync(line => line.Contains("Application is shutting down", StringComparison.Ordinal));
            post.Release();

            using var created = await post.Response;
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var party = await created.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(id, party.GetProperty("id").GetString());

            // The stream ends instead of keeping the app alive until its shutdown limit.
            await events.ReadToEndAsync().WaitAsync(AppProcess.Patience);
            Assert.Equal(0, await app.WaitForExitAsync());
        }

        // What was acknowledged is there after a restart.
        await using var restarted = await AppProcess.StartAsync(_database);
        using var reader = restarted.CreateClient();
        using var read = await reader.GetAsync($"/api/v1/parties/{id}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    public void Dispose() => _database.Dispose();
}
