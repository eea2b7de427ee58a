using System.Net;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.TalkTracks;

/// <summary>A talk's timeline: rounds, positions, statements, agreements and their events, by date.</summary>
public sealed class TimelineTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task TheSeededTimelineRunsFromMarch2022ToMay2025()
    {
        var page = await _client.GetJsonAsync("/api/v1/talks/russia-ukraine-direct-talks/timeline?limit=200");

        var entries = page.Items();
        Assert.Equal("istanbul-2022-03-29", entries[0].Text("id"));
        Assert.Equal("round", entries[0].Text("type"));
        var dates = entries.Select(e => e.Text("date")!).ToList();
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
        Assert.Contains(entries, e => e.Text("type") == "agreement" && e.Text("id") == "istanbul-2025-prisoner-exchange" && e.Text("date") == "2025-05-16");
        Assert.Contains(entries, e => e.Text("type") == "position" && e.Text("id") == "ukraine-rejects-withdrawal-demand");
        Assert.Contains(entries, e => e.Text("type") == "statement" && e.Text("id") == "kyslytsya-good-news-for-families");
    }

    [Fact]
    public async Task TheTimelineNamesWhoSpokeAndWhoTookAPositionRatherThanGivingTheirIds()
    {
        var entries = (await _client.GetJsonAsync("/api/v1/talks/russia-ukraine-direct-talks/timeline?limit=200")).Items();

        var position = Assert.Single(entries, e => e.Text("id") == "ukraine-rejects-withdrawal-demand");
        Assert.Equal("Ukraine: rejection on territory", position.Text("title"));
        var statement = Assert.Single(entries, e => e.Text("id") == "fidan-two-paths");
        Assert.Equal("Hakan Fidan: “There are two paths: a pathway towards peace, or a route leading to further…”", statement.Text("title"));
        Assert.Equal("There are two paths: a pathway towards peace, or a route leading to further chaos and destruction.", statement.Text("detail"));
    }

    [Fact]
    public async Task AnImplementationEventJoinsTheTimelineOnItsOwnDate()
    {
        var talk = (await _client.CreateAsync("/api/v1/talks", Talk(Unique("Timeline talks")))).Text("id");
        var round = (await _client.CreateAsync($"/api/v1/talks/{talk}/rounds", Round(Unique("Gdansk"), "2025-02-01"))).Text("id")!;
        var deal = Agreement(Unique("Timeline deal"), round);
        deal["agreedOn"] = "2025-02-01";
        var agreement = (await _client.CreateAsync("/api/v1/agreements", deal)).Text("id");
        await _client.CreateAsync($"/api/v1/agreements/{agreement}/events", Agreements.AgreementTests.Event("2025-03-01", 5));

        var page = await _client.GetJsonAsync($"/api/v1/talks/{talk}/timeline");

        Assert.Equal(["round", "agreement", "agreement-event"], page.Items().Select(e => e.Text("type")));
        Assert.Equal(["2025-02-01", "2025-02-01", "2025-03-01"], page.Items().Select(e => e.Text("date")));
    }

    [Fact]
    public async Task TheTimelinePagesWithoutRepeats()
    {
        var all = (await _client.GetJsonAsync("/api/v1/talks/russia-ukraine-direct-talks/timeline?limit=200")).Items()
            .Select(e => $"{e.Text("type")}:{e.Text("id")}").ToList();

        var seen = new List<string>();
        string? next = "/api/v1/talks/russia-ukraine-direct-talks/timeline?limit=5";
        while (next is not null)
        {
            using var response = await _client.GetAsync(next);
            var page = await response.ReadJsonAsync(HttpStatusCode.OK);
            seen.AddRange(page.Items().Select(e => $"{e.Text("type")}:{e.Text("id")}"));
            next = response.Link("next");
            Assert.True(seen.Count <= all.Count, "Paging went past the end.");
        }

        Assert.Equal(all, seen);
    }

    [Fact]
    public async Task TheTimelineOfATalkThatDoesNotExistAnswers404()
    {
        using var response = await _client.GetAsync("/api/v1/talks/no-such-talk/timeline");

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheTimelineRunsFromTheFirstRoundThroughTheIstanbulEventsInDateOrder()
    {
        var entries = (await _client.GetJsonAsync("/api/v1/talks/russia-ukraine-direct-talks/timeline?limit=200")).Items();
        var dates = entries.Select(e => e.Text("date")!).ToList();
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
        Assert.Equal(("2022-03-29", "round"), (entries[0].Text("date"), entries[0].Text("type")));
        var istanbul = entries.FindIndex(e => e.Text("id") == "istanbul-2025-05-16");
        Assert.True(istanbul > 0);
        Assert.True(entries.FindIndex(e => e.Text("id") == "istanbul-2025-prisoner-exchange") > istanbul, "The round comes before what happened at it.");
        Assert.Contains(entries, e => e.Text("type") == "statement" && e.Text("id") == "kyslytsya-good-news-for-families");
    }

    [Fact]
    public async Task TheTimelinesNextPageNeitherRepeatsNorSkipsWhenAnEventIsAddedBehindIt()
    {
        using var first = await _client.GetAsync("/api/v1/talks/russia-ukraine-direct-talks/timeline?limit=12");
        var firstPage = (await first.ReadJsonAsync(HttpStatusCode.OK)).Ids();
        await _client.CreateAsync("/api/v1/positions", Position("istanbul-2025-05-16", "ukraine", "ceasefire", "proposal"));
        var before = (await _client.GetJsonAsync("/api/v1/talks/russia-ukraine-direct-talks/timeline?limit=200")).Ids();

        var secondPage = (await _client.GetJsonAsync(first.Link("next")!)).Ids();

        Assert.Empty(secondPage.Intersect(firstPage));
        var expectedNext = before.SkipWhile(id => id != firstPage[^1]).Skip(1).Take(secondPage.Count).ToList();
        Assert.Equal(expectedNext, secondPage);
    }
}
