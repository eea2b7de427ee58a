using System.Net;
using Talks.Api.Tests.Changes;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Platform;

/// <summary>
/// Two API processes on one PostgreSQL database, as behind a load balancer: whatever one instance answers, the other
/// must agree with at once, because no state that matters lives in either process. The clients here are one client
/// to the two instances, and send back the newest <c>Talks-Change</c> they were given, as a client reading its own
/// writes through a load balancer does (<see cref="ChangeSession"/>).
/// </summary>
[Collection(nameof(SeveralInstancesTests))]
public sealed class SeveralInstancesTests(SeveralInstancesTests.TwoInstances instances) : IClassFixture<SeveralInstancesTests.TwoInstances>
{
    [PostgresOnlyFact]
    public async Task AWriteThroughOneInstanceIsReadThroughTheOtherAtOnce()
    {
        var session = new ChangeSession();
        using var first = instances.First.CreateClient(instances.Key, session.Handler());
        using var second = instances.Second.CreateClient(instances.Key, session.Handler());

        var created = await first.CreateAsync("/api/v1/parties", Party(Unique("Load-balanced State")));
        var id = created.Text("id");
        var read = await second.GetJsonAsync($"/api/v1/parties/{id}");
        var listed = await second.GetJsonAsync($"/api/v1/parties?ids={id}");

        Assert.Equal(created.Text("name"), read.Text("name"));
        Assert.Equal(id, Assert.Single(listed.Items()).Text("id"));
    }

    [PostgresOnlyFact]
    public async Task AnETagTakenFromOneInstanceIsStaleOnTheOtherOnceChanged()
    {
        var session = new ChangeSession();
        using var first = instances.First.CreateClient(instances.Key, session.Handler());
        using var second = instances.Second.CreateClient(instances.Key, session.Handler());
        var id = (await first.CreateAsync("/api/v1/parties", Party(Unique("Contested State")))).Text("id");
        var (_, etag) = await first.GetWithETagAsync($"/api/v1/parties/{id}");

        using var won = await second.PatchAsync($"/api/v1/parties/{id}", """{ "notes": "second instance" }""", etag);
        using var lost = await first.PatchAsync($"/api/v1/parties/{id}", """{ "notes": "first instance" }""", etag);

        Assert.Equal(HttpStatusCode.OK, won.StatusCode);
        await lost.ReadProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal("second instance", (await first.GetJsonAsync($"/api/v1/parties/{id}")).Text("notes"));
    }

    [PostgresOnlyFact]
    public async Task AnIdempotencyKeyUsedOnOneInstanceIsHonouredByTheOther()
    {
        var session = new ChangeSession();
        using var first = instances.First.CreateClient(instances.Key, session.Handler());
        using var second = instances.Second.CreateClient(instances.Key, session.Handler());
        var name = Unique("Retried State");
        var key = Guid.NewGuid().ToString();

        using var original = await PostWithKeyAsync(first, Party(name), key);
        using var retry = await PostWithKeyAsync(second, Party(name), key);

        var created = await original.ReadJsonAsync(HttpStatusCode.Created);
        var replayed = await retry.ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(created.Text("id"), replayed.Text("id"));
        Assert.True(retry.Headers.Contains("Idempotent-Replayed"), "The second instance ran the request again instead of replaying it.");
        var matching = await second.GetJsonAsync($"/api/v1/parties?q={Uri.EscapeDataString(name.ToLowerInvariant())}");
        Assert.Single(matching.Items());
    }

    [PostgresOnlyFact]
    public async Task APositionPostedThroughOneInstanceRefreshesItsTalkOnTheOtherAndLeavesOtherTalksCached()
    {
        var session = new ChangeSession();
        using var first = instances.First.CreateClient(instances.Key, session.Handler());
        using var second = instances.Second.CreateClient(instances.Key, session.Handler());
        var written = await NewRoundAsync(first);
        var untouched = await NewRoundAsync(first);
        foreach (var round in new[] { written, untouched })
        {
            (await second.GetAsync($"/api/v1/rounds/{round}")).Dispose();
            using var cached = await second.GetAsync($"/api/v1/rounds/{round}");
            Assert.NotNull(cached.Headers.Age);
        }

        var added = (await first.CreateAsync("/api/v1/positions", Position(written, "ukraine", "territory", "rejection"))).Text("id");

        Assert.Contains(added, (await second.GetJsonAsync($"/api/v1/rounds/{written}")).GetProperty("positions").Ids());
        using var kept = await second.GetAsync($"/api/v1/rounds/{untouched}");
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.NotNull(kept.Headers.Age);
    }

    private static async Task<string> NewRoundAsync(HttpClient client)
    {
        var talk = (await client.CreateAsync("/api/v1/talks", Talk(Unique("Talks on two instances")))).Text("id");
        return (await client.CreateAsync($"/api/v1/talks/{talk}/rounds", Round(Unique("Vilnius"), "2025-02-02"))).Text("id")!;
    }

    [PostgresOnlyFact]
    public async Task TheChangeStreamOfOneInstanceCarriesWritesMadeThroughTheOther()
    {
        var session = new ChangeSession();
        using var first = instances.First.CreateClient(instances.Key, session.Handler());
        using var second = instances.Second.CreateClient(instances.Key, session.Handler());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/changes/stream?collection=talks");
        using var response = await second.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));

        var created = await first.CreateAsync("/api/v1/talks", Talk(Unique("Streamed across instances")));

        var change = await ChangeStreamTests.NextChangeAsync(reader, timeout.Token);
        Assert.Equal(created.Text("id"), change.Text("id"));
        Assert.Equal("created", change.Text("kind"));
    }

    [PostgresOnlyFact]
    public async Task AReaderFollowingTheFeedWhileBothInstancesWriteMissesNothing()
    {
        var session = new ChangeSession();
        using var first = instances.First.CreateClient(instances.Key, session.Handler());
        using var second = instances.Second.CreateClient(instances.Key, session.Handler());
        var cursor = await EndOfFeedAsync(first);
        var prefix = Unique("Interleaved");

        // A client polling the feed as fast as it can while 60 writes race through both instances: a change
        // committed after a later-numbered one must not fall behind the reader's cursor.
        var seen = new List<string>();
        var writing = Task.WhenAll(Enumerable.Range(0, 60).Select(i => (i % 2 == 0 ? first : second)
            .CreateAsync("/api/v1/parties", Party($"{prefix} {i}"))));
        while (true)
        {
            var done = writing.IsCompleted;
            var page = await second.GetJsonAsync($"/api/v1/changes?collection=parties&limit=100&cursor={Uri.EscapeDataString(cursor)}");
            seen.AddRange(page.Items().Select(c => c.Text("recordId")!));
            cursor = page.GetProperty("nextCursor").GetString()!;
            if (done && !page.Items().Any())
            {
                break;
            }
        }

        var ids = (await writing).Select(p => p.Text("id")).ToList();
        Assert.Equal(ids.Order(), seen.Where(ids.Contains).Order());
    }

    [PostgresOnlyFact]
    public async Task TwoInstancesStartingTogetherOnAnEmptyDatabaseMigrateAndSeedItOnce()
    {
        using var database = new TestDatabase();
        var starts = await Task.WhenAll(AppProcess.StartAsync(database), AppProcess.StartAsync(database));
        try
        {
            using var first = starts[0].CreateClient();
            using var second = starts[1].CreateClient();
            var rounds = await first.GetJsonAsync("/api/v1/rounds?limit=200");
            var sameRounds = await second.GetJsonAsync("/api/v1/rounds?limit=200");

            Assert.Contains(rounds.Items(), r => r.Text("id") == "istanbul-2025-05-16");
            Assert.Equal(rounds.Items().Select(r => r.Text("id")), sameRounds.Items().Select(r => r.Text("id")));
            // Seeded once: each seed record was created by the seeder exactly once, as the history says.
            var seedCreations = (await DatabaseDump.ReadAsync(database))["Changes"]
                .Where(row => row.Contains("Actor=seed |", StringComparison.Ordinal) && row.Contains("Kind=Created |", StringComparison.Ordinal))
                .Select(row => string.Join(" | ", row.Split(" | ")
                    .Where(c => c.StartsWith("Collection=", StringComparison.Ordinal) || c.StartsWith("RecordId=", StringComparison.Ordinal))))
                .ToList();
            Assert.NotEmpty(seedCreations);
            Assert.Equal(seedCreations.Count, seedCreations.Distinct().Count());
        }
        finally
        {
            foreach (var api in starts)
            {
                await api.DisposeAsync();
            }
        }
    }

    /// <summary>The cursor a reader holds once it has caught up with the whole feed.</summary>
    private static async Task<string> EndOfFeedAsync(HttpClient client)
    {
        var page = await client.GetJsonAsync("/api/v1/changes?limit=200");
        while (true)
        {
            var cursor = page.GetProperty("nextCursor").GetString()!;
            if (!page.Items().Any())
            {
                return cursor;
            }

            page = await client.GetJsonAsync($"/api/v1/changes?limit=200&cursor={Uri.EscapeDataString(cursor)}");
        }
    }

    private static Task<HttpResponseMessage> PostWithKeyAsync(HttpClient client, System.Text.Json.Nodes.JsonNode body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/parties") { Content = Http.Json(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    /// <summary>One database, an admin key made by the app's own command, and two instances started on it.</summary>
    public sealed class TwoInstances : IAsyncLifetime
    {
        private readonly TestDatabase _database = new();

        public TestDatabase Database => _database;

        public AppProcess First { get; private set; } = null!;

        public AppProcess Second { get; private set; } = null!;

        public string Key { get; private set; } = "";

        public async Task InitializeAsync()
        {
            if (!TestDatabase.OnPostgres)
            {
                return;
            }

            var (code, key, errors) = await AppProcess.RunCommandAsync(_database, null, "keys", "create", "--name", "two-instances", "--role", "admin");
            Assert.True(code == 0, $"keys create exited with {code}: {errors}");
            Key = key.Trim();
            First = await AppProcess.StartAsync(_database);
            Second = await AppProcess.StartAsync(_database);
        }

        public async Task DisposeAsync()
        {
            if (First is not null)
            {
                await First.DisposeAsync();
            }

            if (Second is not null)
            {
                await Second.DisposeAsync();
            }

            _database.Dispose();
        }
    }
}
