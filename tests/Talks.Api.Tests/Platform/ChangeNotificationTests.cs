using System.Collections.Concurrent;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Platform;

/// <summary>
/// Two instances on one PostgreSQL database answer cached reads from change numbers kept in memory, moved by the
/// notifications each hears. A client that sends back the change its write made reads that write through either
/// instance — under load, when a notification never comes, and when the listening connection is killed, in which case
/// the instance says so in <c>/health/ready</c> and its log and listens again by itself.
/// Not beside <see cref="SeveralInstancesTests"/>: its instances starting together wait on each other's migration, and
/// these tests' load would starve them on a small machine.
/// </summary>
[Collection(nameof(SeveralInstancesTests))]
public sealed class ChangeNotificationTests(SeveralInstancesTests.TwoInstances instances) : IClassFixture<SeveralInstancesTests.TwoInstances>
{
    private const string ListenerName = "talks-change-listener";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [PostgresOnlyFact]
    public async Task UnderLoadAReadNamingAWriteThroughEitherInstanceIsNeverOlderThanIt()
    {
        var session = new ChangeSession();
        using var first = instances.First.CreateClient(instances.Key, session.Handler());
        using var second = instances.Second.CreateClient(instances.Key, session.Handler());
        var round = await NewRoundAsync(first);
        await using var load = Load.Start([instances.First, instances.Second], [$"/api/v1/rounds/{round}"]);

        for (var i = 0; i < 40; i++)
        {
            var (writer, reader) = i % 2 == 0 ? (first, second) : (second, first);
            var added = (await writer.CreateAsync("/api/v1/positions", Position(round, "ukraine", "territory", "demand"))).Text("id")!;

            var read = await reader.GetJsonAsync($"/api/v1/rounds/{round}");

            Assert.True(read.GetProperty("positions").Ids().Contains(added), $"Write {i}: {added} is missing from the round read after it.");
        }

        await load.StopAsync();
    }

    [PostgresOnlyFact]
    public async Task AWriteThroughOneInstanceReachesTheOthersCachedAnswersWithinAMomentWithoutBeingNamed()
    {
        using var first = instances.First.CreateClient(instances.Key);
        using var second = instances.Second.CreateClient(instances.Key);
        var round = await NewRoundAsync(first);
        for (var i = 0; i < 2; i++)
        {
            (await second.GetAsync($"/api/v1/rounds/{round}")).Dispose();
        }

        // Five times, each within a second: far less than the listener's own reading of the change table every 5 s,
        // which alone would let one write in five through.
        for (var i = 0; i < 5; i++)
        {
            var added = (await first.CreateAsync("/api/v1/positions", Position(round, "ukraine", "territory", "demand"))).Text("id")!;
            var written = DateTime.UtcNow;
            while (!(await second.GetJsonAsync($"/api/v1/rounds/{round}")).GetProperty("positions").Ids().Contains(added))
            {
                Assert.True(DateTime.UtcNow - written < TimeSpan.FromSeconds(1), $"Write {i}: the second instance did not hear of it.");
                await Task.Delay(10);
            }
        }
    }

    [PostgresOnlyFact]
    public async Task AChangeWhoseNotificationNeverCameIsReadByAClientThatNamesIt()
    {
        using var client = instances.Second.CreateClient(instances.Key);
        var party = (await client.CreateAsync("/api/v1/parties", Party(Unique("Quietly renamed State")))).Text("id")!;
        for (var i = 0; i < 2; i++)
        {
            (await client.GetAsync($"/api/v1/parties/{party}")).Dispose();
        }

        var change = await RenameWithoutNotificationAsync(party, "Renamed unheard");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/parties/{party}");
        request.Headers.Add(ChangeSession.SeenChangeHeader, change.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var response = await client.SendAsync(request);

        Assert.Equal("Renamed unheard", (await response.ReadJsonAsync(HttpStatusCode.OK)).Text("name"));
    }

    [PostgresOnlyFact]
    public async Task WithTheListeningConnectionKilledUnderLoadReadsStayFreshReadinessSaysDegradedAndRecovers()
    {
        var session = new ChangeSession();
        using var first = instances.First.CreateClient(instances.Key, session.Handler());
        using var second = instances.Second.CreateClient(instances.Key, session.Handler());
        var round = await NewRoundAsync(first);
        var warnedBefore = Lines(instances.First, "notifications from PostgreSQL stopped") + Lines(instances.Second, "notifications from PostgreSQL stopped");
        await using var load = Load.Start([instances.First, instances.Second], [$"/api/v1/rounds/{round}"]);
        using var stopWriting = new CancellationTokenSource();
        var stale = new ConcurrentQueue<string>();
        var writing = Task.Run(async () =>
        {
            for (var i = 0; !stopWriting.IsCancellationRequested; i++)
            {
                var (writer, reader) = i % 2 == 0 ? (first, second) : (second, first);
                var added = (await writer.CreateAsync("/api/v1/positions", Position(round, "ukraine", "territory", "demand"))).Text("id")!;
                if (!(await reader.GetJsonAsync($"/api/v1/rounds/{round}")).GetProperty("positions").Ids().Contains(added))
                {
                    stale.Enqueue(added);
                }
            }
        });

        var degraded = new ConcurrentDictionary<Uri, string>();
        var deadline = DateTime.UtcNow + Patience;
        while (degraded.Count < 2)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Readiness never said degraded on both instances: {string.Join(" | ", degraded.Values)}");
            Assert.True(await KillListenersAsync() > 0, "No listening connection to kill.");
            await Task.WhenAll(new[] { instances.First, instances.Second }.Select(api => WatchReadinessAsync(api, degraded)));
        }

        await WaitForAsync(async () => await ReadinessAsync(instances.First) == "Healthy" && await ReadinessAsync(instances.Second) == "Healthy",
            "Readiness did not return to Healthy.");
        await stopWriting.CancelAsync();
        await writing;
        await load.StopAsync();

        Assert.Empty(stale);
        Assert.All(degraded.Values, answer => Assert.StartsWith("Degraded: change-notifications: Change notifications have not arrived since", answer));
        Assert.All(degraded.Values, answer => Assert.Contains("cached reads ask the database", answer));
        foreach (var api in new[] { instances.First, instances.Second })
        {
            var warnings = Lines(api, "notifications from PostgreSQL stopped");
            Assert.True(warnings > 0, "No warning was logged.");
            Assert.Equal(warnings, Lines(api, "Change notifications arrive again"));
        }

        const string Stopped = "notifications from PostgreSQL stopped";
        Assert.True(Lines(instances.First, Stopped) + Lines(instances.Second, Stopped) > warnedBefore);
    }

    [PostgresOnlyFact]
    public async Task AChangeCommittedWhileAnInstanceWasNotListeningIsReadThroughItOnceItListensAgain()
    {
        using var second = instances.Second.CreateClient(instances.Key);
        var party = (await second.CreateAsync("/api/v1/parties", Party(Unique("Renamed in the gap State")))).Text("id")!;
        await using var db = instances.Database.OpenContext();
        db.ActorOverride = "test";
        var stored = await db.Parties.SingleAsync(p => p.Id == party);

        // A first rename, heard by all, readies the context's save (its first costs far more than a pause), and the
        // second instance keeps the answer it makes.
        stored.Name = "Renamed before the gap";
        await db.SaveChangesAsync();
        await WaitForAsync(async () => (await second.GetJsonAsync($"/api/v1/parties/{party}")).Text("name") == "Renamed before the gap",
            "The second instance did not hear of the first rename.");
        (await second.GetAsync($"/api/v1/parties/{party}")).Dispose();

        // The next commits milliseconds after the kill, well before an instance can listen again (a pause of 250 ms
        // at least): its notification reaches no one.
        var stopped = Lines(instances.Second, "notifications from PostgreSQL stopped");
        Assert.True(await KillListenersAsync() > 0, "No listening connection to kill.");
        stored.Name = "Renamed while nobody listened";
        await db.SaveChangesAsync();

        await WaitForAsync(
            () => Task.FromResult(Lines(instances.Second, "notifications from PostgreSQL stopped") > stopped), "The second instance did not notice.");
        await WaitForAsync(async () => await ReadinessAsync(instances.Second) == "Healthy", "The second instance did not listen again.");

        // No Talks-Seen-Change: what the second instance knows once it listens again, it read from the change table.
        Assert.Equal("Renamed while nobody listened", (await second.GetJsonAsync($"/api/v1/parties/{party}")).Text("name"));
    }

    /// <summary>Renames a party in a transaction whose notification is switched off, as if it had been lost; returns its change.</summary>
    private async Task<long> RenameWithoutNotificationAsync(string party, string name)
    {
        await using var db = instances.Database.OpenContext();
        db.ActorOverride = "test";
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.Database.ExecuteSqlRawAsync("""ALTER TABLE "Changes" DISABLE TRIGGER "Changes_Notify" """);
        var stored = await db.Parties.SingleAsync(p => p.Id == party);
        stored.Name = name;
        await db.SaveChangesAsync();
        await db.Database.ExecuteSqlRawAsync("""ALTER TABLE "Changes" ENABLE TRIGGER "Changes_Notify" """);
        await transaction.CommitAsync();
        return await db.Changes.Where(c => c.RecordId == party).MaxAsync(c => c.Id);
    }

    /// <summary>Ends every listening connection on the test's database, as a failover or an operator would.</summary>
    private async Task<int> KillListenersAsync()
    {
        var unpooled = new NpgsqlConnectionStringBuilder(instances.Database.ConnectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(unpooled.ToString());
        await connection.OpenAsync();
        await using var kill = new NpgsqlCommand(
            "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND application_name = @name",
            connection);
        kill.Parameters.AddWithValue("name", ListenerName);
        return Convert.ToInt32(await kill.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Asks for readiness every few milliseconds for a second, keeping the first degraded answer.</summary>
    private static async Task WatchReadinessAsync(AppProcess api, ConcurrentDictionary<Uri, string> degraded)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(1);
        while (DateTime.UtcNow < until && !degraded.ContainsKey(api.BaseAddress))
        {
            var answer = await ReadinessAsync(api);
            if (answer.StartsWith("Degraded", StringComparison.Ordinal))
            {
                degraded.TryAdd(api.BaseAddress, answer);
            }

            await Task.Delay(5);
        }
    }

    /// <summary>The readiness answer's text; a degraded instance is still ready (200).</summary>
    private static async Task<string> ReadinessAsync(AppProcess api)
    {
        using var client = api.CreateClient();
        using var response = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static int Lines(AppProcess api, string text) => api.OutputLines.Count(l => l.Contains(text, StringComparison.Ordinal));

    private static async Task WaitForAsync(Func<Task<bool>> done, string failure)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(50);
        }
    }

    private static async Task<string> NewRoundAsync(HttpClient client)
    {
        var talk = (await client.CreateAsync("/api/v1/talks", Talk(Unique("Notified talks")))).Text("id");
        return (await client.CreateAsync($"/api/v1/talks/{talk}/rounds",
            Round(Unique("Tartu"), "2025-02-02", participants: [Participant("ukraine", "negotiating-party")]))).Text("id")!;
    }

    /// <summary>Readers without a key reading the same URLs through every instance as fast as they can, until stopped.</summary>
    private sealed class Load : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly List<HttpClient> _clients = [];
        private Task _readers = Task.CompletedTask;

        public static Load Start(AppProcess[] apis, string[] urls)
        {
            var load = new Load();
            var readers = new List<Task>();
            foreach (var api in apis)
            {
                for (var i = 0; i < 3; i++)
                {
                    var client = api.CreateClient();
                    load._clients.Add(client);
                    readers.Add(Task.Run(async () =>
                    {
                        while (!load._stop.IsCancellationRequested)
                        {
                            foreach (var url in urls)
                            {
                                using var response = await client.GetAsync(url);
                                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                            }
                        }
                    }));
                }
            }

            load._readers = Task.WhenAll(readers);
            return load;
        }

        public async Task StopAsync()
        {
            await _stop.CancelAsync();
            await _readers;
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            try
            {
                await _readers;
            }
            catch (Exception)
            {
                // Already reported by StopAsync when the test reached it; a test that failed earlier says why itself.
            }

            foreach (var client in _clients)
            {
                client.Dispose();
            }

            _stop.Dispose();
        }
    }
}
