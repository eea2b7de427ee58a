using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Talks.Api.Tests.Faults;

/// <summary>
/// The PostgreSQL server stops while writes run, and starts again: 503 with Retry-After meanwhile, never a 500, and
/// afterwards the writes go through again and every one that was acknowledged is there. On a cluster of the test's
/// own, so the other PostgreSQL tests never see the server go.
/// </summary>
public sealed class PostgresUnavailableTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [PostgresOnlyFact]
    public async Task WhileTheServerIsDownRequestsAnswer503AndOnceItIsBackWritesResumeWithEveryAcknowledgedOneKept()
    {
        await using var cluster = await OwnPostgresCluster.CreateAsync();
        using var database = new TestDatabase(cluster.ConnectionString);
        await using var factory = database.Start();
        using var client = factory.CreateClient();
        // As a probe asks: without a key, which would need the database to check.
        using var probe = factory.CreateAnonymousClient();

        var acknowledged = new ConcurrentQueue<string>();
        var answers = new ConcurrentQueue<(HttpStatusCode Status, string? RetryAfter)>();
        using var stopWriting = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stopWriting.IsCancellationRequested)
            {
                var title = TestData.Unique("Talk through a restart");
                using var response = await client.PostAsJsonAsync("/api/v1/talks", TestData.Talk(title));
                answers.Enqueue((response.StatusCode,
                    response.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    acknowledged.Enqueue(TestData.IdFrom(title));
                }
                else
                {
                    await Task.Delay(50);
                }
            }
        })).ToList();

        await WaitUntilAsync(() => acknowledged.Count >= 10);
        await cluster.StopAsync();

        using (var refused = await client.PostAsJsonAsync("/api/v1/talks", TestData.Talk(TestData.Unique("Talk while the server is down"))))
        {
            var problem = await refused.ReadProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.Contains("database is unavailable", problem.GetProperty("detail").GetString());
            Assert.Equal(TimeSpan.FromSeconds(5), refused.Headers.RetryAfter?.Delta);
        }

        using (var read = await client.GetAsync("/api/v1/talks?limit=1"))
        {
            await read.ReadProblemAsync(HttpStatusCode.ServiceUnavailable);
        }

        using (var ready = await probe.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            // Followed, once the instance has noticed, by its change notifications not arriving either.
            Assert.StartsWith("Unhealthy: database: The database is unavailable: it cannot be reached.", await ready.Content.ReadAsStringAsync());
        }

        var beforeRestart = acknowledged.Count;
        await cluster.StartAsync();
        var started = DateTime.UtcNow;
        await WaitUntilAsync(() => acknowledged.Count > beforeRestart);
        var recovered = DateTime.UtcNow - started;
        await WaitUntilAsync(() => acknowledged.Count > beforeRestart + 10);
        await stopWriting.CancelAsync();
        await Task.WhenAll(writers);

        // Healthy again once the instance listens for change notifications again, which it retries every few seconds.
        var healthyBy = DateTime.UtcNow + Patience;
        while (true)
        {
            using var ready = await probe.GetAsync("/health/ready");
            var answer = await ready.Content.ReadAsStringAsync();
            if (answer == "Healthy")
            {
                break;
            }

            Assert.True(DateTime.UtcNow < healthyBy, $"Still not healthy a minute after the restart: {answer}");
            await Task.Delay(100);
        }

        output.WriteLine($"{answers.Count(a => a.Status == HttpStatusCode.Created)} writes acknowledged, " +
            $"{answers.Count(a => a.Status == HttpStatusCode.ServiceUnavailable)} answered 503; the first write after the start " +
            $"was acknowledged {recovered.TotalMilliseconds:F0} ms after the server answered again.");
        var unexpected = answers.Where(a => a.Status is not (HttpStatusCode.Created or HttpStatusCode.ServiceUnavailable)).ToList();
        Assert.True(unexpected.Count == 0, $"Answers other than 201 and 503: {string.Join(", ", unexpected.Select(a => (int)a.Status))}");
        Assert.All(answers.Where(a => a.Status == HttpStatusCode.ServiceUnavailable), a => Assert.Equal("5", a.RetryAfter));
        var ids = acknowledged.ToList();
        var stored = await factory.InDatabaseAsync(db => db.Talks.Where(t => ids.Contains(t.Id)).Select(t => t.Id).ToListAsync());
        Assert.Empty(ids.Except(stored));
    }

    private static async Task WaitUntilAsync(Func<bool> done)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!done())
        {
            Assert.True(DateTime.UtcNow < deadline, "Waited a minute in vain.");
            await Task.Delay(50);
        }
    }
}
