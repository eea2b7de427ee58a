using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Changes;

/// <summary>
/// On SQLite, whether the database moved is asked at most once a millisecond; with the clock stopped it is never
/// asked on time alone, so what these reads see comes only from being told: a write through this process tells at
/// its commit, and a read naming a change asks at once.
/// </summary>
public sealed class SqliteChangeNumbersTests : IClassFixture<SqliteChangeNumbersTests.StoppedClockApi>
{
    private readonly StoppedClockApi _api;
    private readonly HttpClient _client;
    private readonly HttpClient _reader;

    public SqliteChangeNumbersTests(StoppedClockApi api)
    {
        _api = api;
        _client = api.Factory.CreateClient();
        _reader = api.Factory.CreateAnonymousClient();
    }

    [SqliteOnlyFact]
    public async Task AWriteThroughThisProcessIsReadAtOnce()
    {
        var round = await NewRoundAsync();
        await ReadTwiceAsync($"/api/v1/rounds/{round}");

        var added = (await _client.CreateAsync("/api/v1/positions", Position(round, "ukraine", "territory", "demand"))).Text("id");

        Assert.Contains(added, (await _reader.GetJsonAsync($"/api/v1/rounds/{round}")).GetProperty("positions").Ids());
    }

    [SqliteOnlyFact]
    public async Task AWriteByAnotherConnectionIsReadAtOnceByAClientNamingIt()
    {
        var party = (await _client.CreateAsync("/api/v1/parties", Party(Unique("Renamed elsewhere State")))).Text("id")!;
        await ReadTwiceAsync($"/api/v1/parties/{party}");

        // Not through the app's own contexts, as another process on the same file would write.
        long change;
        await using (var db = _api.Factory.Database!.OpenContext())
        {
            db.ActorOverride = "test";
            var stored = await db.Parties.SingleAsync(p => p.Id == party);
            stored.Name = "Renamed by another connection";
            await db.SaveChangesAsync();
            change = await db.Changes.MaxAsync(c => c.Id);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/parties/{party}");
        request.Headers.Add(ChangeSession.SeenChangeHeader, change.ToString(CultureInfo.InvariantCulture));
        using var response = await _reader.SendAsync(request);

        Assert.Equal("Renamed by another connection", (await response.ReadJsonAsync(System.Net.HttpStatusCode.OK)).Text("name"));
    }

    private async Task<string> NewRoundAsync()
    {
        var talk = (await _client.CreateAsync("/api/v1/talks", Talk(Unique("Clockless talks")))).Text("id");
        return (await _client.CreateAsync($"/api/v1/talks/{talk}/rounds",
            Round(Unique("Pskov"), "2025-02-02", participants: [Participant("ukraine", "negotiating-party")]))).Text("id")!;
    }

    private async Task ReadTwiceAsync(string url)
    {
        (await _reader.GetAsync(url)).Dispose();
        using var again = await _reader.GetAsync(url);
        Assert.NotNull(again.Headers.Age);
    }

    /// <summary>The app with a clock whose timestamps never move (the wall clock still runs, for dates).</summary>
    public sealed class StoppedClockApi : IDisposable
    {
        public TalksApiFactory Factory { get; } = TalksApiFactory.WithServices(s => s.AddSingleton<TimeProvider>(new StoppedTimestamps()));

        public void Dispose() => Factory.Dispose();

        private sealed class StoppedTimestamps : TimeProvider
        {
            private readonly long _stopped = System.GetTimestamp();

            public override long GetTimestamp() => _stopped;
        }
    }
}
