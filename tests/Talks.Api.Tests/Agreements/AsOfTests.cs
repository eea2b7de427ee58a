using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Agreements.AgreementTests;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Agreements;

/// <summary>
/// A read as of a day answers as the record stood at the end of that day: what is dated after it does not count,
/// however early it was recorded, and recording later events never changes an answer about the past.
/// </summary>
public sealed class AsOfTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task AnObligationIsDoneAsOfTheDayOfTheEventThatCompletesItAndNotTheDayBefore()
    {
        var (talk, agreement) = await PostAgreementAsync();
        var completing = Event("2025-06-20", 10);
        completing["completes"] = new JsonArray(1);
        await _client.CreateAsync($"/api/v1/agreements/{agreement}/events", completing);

        Assert.Equal(["ukraine", "russia"], await OverdueAsync(talk, "2025-06-19"));
        Assert.Equal(["russia"], await OverdueAsync(talk, "2025-06-20"));
        Assert.Equal(["russia"], await OverdueAsync(talk, "2025-06-21"));
    }

    [Fact]
    public async Task AnAgreementImplementedLaterStillOwesWhatWasDueOnADayBeforeIt()
    {
        var (talk, agreement) = await PostAgreementAsync();
        var before = await ReadAllAsOfAsync(talk, "2025-06-30");

        await _client.CreateAsync($"/api/v1/agreements/{agreement}/events", Event("2025-07-01", 20, "implemented"));

        Assert.Equal(["ukraine", "russia"], await OverdueAsync(talk, "2025-06-30"));
        Assert.Empty(await OverdueAsync(talk, "2025-07-01"));
        Assert.Equal(before, await ReadAllAsOfAsync(talk, "2025-06-30"));
    }

    [Fact]
    public async Task TheTimelineShowsAnAgreementWithTheStatusItHadOnItsOwnDate()
    {
        var (talk, agreement) = await PostAgreementAsync();
        await _client.CreateAsync($"/api/v1/agreements/{agreement}/events", Event("2025-07-01", 20, "implemented"));

        var entries = (await _client.GetJsonAsync($"/api/v1/talks/{talk}/timeline")).Items();

        var made = entries.Single(e => e.Text("type") == "agreement");
        Assert.Equal(("2025-05-16", "agreed"), (made.Text("date"), made.Text("agreementStatus")));
        var done = entries.Single(e => e.Text("type") == "agreement-event");
        Assert.Equal(("2025-07-01", "implemented"), (done.Text("date"), done.Text("agreementStatus")));
        Assert.Equal("implemented", (await _client.GetJsonAsync($"/api/v1/agreements/{agreement}")).Text("status"));
    }

    [Fact]
    public async Task TheTimelineAsOfADayLeavesOutWhatCameAfterItAndKeepsWhatHappenedOnIt()
    {
        var (talk, agreement) = await PostAgreementAsync();
        await _client.CreateAsync($"/api/v1/agreements/{agreement}/events", Event("2025-07-01", 20, "implemented"));

        var dayBefore = (await _client.GetJsonAsync($"/api/v1/talks/{talk}/timeline?asOf=2025-06-30")).Items();
        var onTheDay = (await _client.GetJsonAsync($"/api/v1/talks/{talk}/timeline?asOf=2025-07-01")).Items();

        Assert.DoesNotContain(dayBefore, e => e.Text("type") == "agreement-event");
        Assert.Contains(onTheDay, e => e.Text("type") == "agreement-event");
    }

    [Fact]
    public async Task AStatusMovedByEventsIsNotRewrittenByAnEditOfTheAgreement()
    {
        var (_, agreement) = await PostAgreementAsync();
        await _client.CreateAsync($"/api/v1/agreements/{agreement}/events", Event("2025-07-01", 20, "implemented"));

        using var response = await _client.PatchCurrentAsync($"/api/v1/agreements/{agreement}", """{ "status": "collapsed" }""");

        var problem = await response.ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("event", problem.Text("detail"));
        Assert.Equal("implemented", (await _client.GetJsonAsync($"/api/v1/agreements/{agreement}")).Text("status"));
    }

    [Fact]
    public async Task AnEventRecordedAfterALaterDatedOneLeavesTheStatusTheLatestByDateGave()
    {
        var (talk, agreement) = await PostAgreementAsync();
        var events = $"/api/v1/agreements/{agreement}/events";
        await _client.CreateAsync(events, Event("2025-06-10", null, "stalled"));

        await _client.CreateAsync(events, Event("2025-06-01", 5, "in-implementation"));

        Assert.Equal("stalled", (await _client.GetJsonAsync($"/api/v1/agreements/{agreement}")).Text("status"));
        var timeline = (await _client.GetJsonAsync($"/api/v1/talks/{talk}/timeline")).Items().Where(e => e.Text("type") == "agreement-event");
        Assert.Equal([("2025-06-01", "in-implementation"), ("2025-06-10", "stalled")], timeline.Select(e => (e.Text("date"), e.Text("agreementStatus"))));
    }

    [Fact]
    public async Task AnEarlierEventThatALaterOneCouldNotFollowIsRefusedAndNothingIsRecorded()
    {
        var (_, agreement) = await PostAgreementAsync();
        var events = $"/api/v1/agreements/{agreement}/events";
        await _client.CreateAsync(events, Event("2025-06-10", 5, "in-implementation"));

        using var response = await _client.PostJsonAsync(events, Event("2025-06-01", 20, "implemented"));

        var problem = await response.ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("2025-06-10", problem.Text("detail"));
        Assert.Single((await _client.GetJsonAsync(events)).Items());
        Assert.Equal("in-implementation", (await _client.GetJsonAsync($"/api/v1/agreements/{agreement}")).Text("status"));
    }

    [Fact]
    public async Task TheMatrixAsOfADayCountsTheRoundsOfThatDayAndNotTheNext()
    {
        var talk = (await _client.CreateAsync("/api/v1/talks", Talk(Unique("Matrix talks")))).Text("id")!;
        var first = (await _client.CreateAsync($"/api/v1/talks/{talk}/rounds", Round(Unique("Geneva"), "2025-05-16"))).Text("id")!;
        var second = (await _client.CreateAsync($"/api/v1/talks/{talk}/rounds", Round(Unique("Geneva"), "2025-06-02"))).Text("id")!;
        await _client.CreateAsync("/api/v1/positions", Position(first, "ukraine", "ceasefire", "demand"));
        await _client.CreateAsync("/api/v1/positions", Position(second, "russia", "ceasefire", "demand"));

        async Task<List<string?>> PartiesAsOf(string day) =>
            (await _client.GetJsonAsync($"/api/v1/talks/{talk}/positions/matrix?asOf={day}")).Items().Select(c => c.Text("partyId")).ToList();

        Assert.Equal(["ukraine"], await PartiesAsOf("2025-06-01"));
        Assert.Equal(["russia", "ukraine"], await PartiesAsOf("2025-06-02"));
    }

    private async Task<List<string?>> OverdueAsync(string talk, string day) =>
        (await _client.GetJsonAsync($"/api/v1/obligations?overdue=true&talkId={talk}&asOf={day}")).Items().Select(o => o.Text("partyId")).ToList();

    private async Task<string> ReadAllAsOfAsync(string talk, string day)
    {
        var obligations = await _client.GetJsonAsync($"/api/v1/obligations?talkId={talk}&asOf={day}");
        var timeline = await _client.GetJsonAsync($"/api/v1/talks/{talk}/timeline?asOf={day}");
        return JsonSerializer.Serialize(new[] { obligations, timeline });
    }

    /// <summary>A talk of its own with one round on 2025-05-16 and an agreement whose two obligations fall due on 2025-06-01.</summary>
    private async Task<(string Talk, string Agreement)> PostAgreementAsync()
    {
        var talk = (await _client.CreateAsync("/api/v1/talks", Talk(Unique("Dated talks")))).Text("id")!;
        var agreement = Agreement(Unique("Dated deal"), "");
        agreement.Remove("roundId");
        foreach (var obligation in agreement["obligations"]!.AsArray())
        {
            obligation!["deadline"] = "2025-06-01";
        }

        var round = Round(Unique("Geneva"), "2025-05-16");
        round["agreements"] = new JsonArray(agreement);
        var created = await _client.CreateAsync($"/api/v1/talks/{talk}/rounds", round);
        return (talk, created.GetProperty("agreements")[0].Text("id")!);
    }
}
