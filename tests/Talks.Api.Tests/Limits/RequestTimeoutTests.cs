using System.Net;
using Talks.Api.Tests.Infrastructure;

namespace Talks.Api.Tests.Limits;

/// <summary>
/// Past the time limit the answer is a 504 problem and nothing is written. Against a real server: the in-memory test
/// server reads a request's whole body before the app sees the request, and a timeout raced against a fast read is
/// no test (a cached answer is sent before any timer fires).
/// </summary>
public sealed class RequestTimeoutTests : IDisposable
{
    private readonly TestDatabase _database = new();

    [Fact]
    public async Task ARequestPastTheTimeoutGets504ProblemDetailsAndWritesNothing()
    {
        var (_, key, _) = await AppProcess.RunCommandAsync(_database, null, "keys", "create", "--name", "limits-timeout", "--role", "analyst");
        await using var app = await AppProcess.StartAsync(_database, new Dictionary<string, string> { ["Limits__RequestTimeoutSeconds"] = "0.5" });
        var id = "timeout-" + Guid.NewGuid().ToString("N")[..8];
        // The body stays back for longer than the limit, so the app is still waiting for it when the time runs out.
        using var post = new HeldBackPost(app, key, id, "Timeout Test Party");
        await post.Requested.WaitAsync(AppProcess.Patience);
        await Task.Delay(TimeSpan.FromSeconds(3));
        post.Release();

        using var response = await post.Response.WaitAsync(AppProcess.Patience);

        await response.ReadProblemAsync(HttpStatusCode.GatewayTimeout);
        using var reader = app.CreateClient();
        // The read has the same short limit: on a loaded machine it may time out too, which says nothing of the write.
        var read = await reader.GetAsync($"/api/v1/parties/{id}");
        for (var tries = 1; read.StatusCode == HttpStatusCode.GatewayTimeout && tries < 20; tries++)
        {
            read.Dispose();
            read = await reader.GetAsync($"/api/v1/parties/{id}");
        }

        using (read)
        {
            Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        }
    }

    public void Dispose() => _database.Dispose();
}
