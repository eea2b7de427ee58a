using System.Net;
using System.Text.Json;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Positions;

/// <summary>GET /talks/{id}/positions/matrix: where each party stands on each topic, and how it got there.</summary>
public sealed class PositionMatrixTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task TheSeededMatrixHasACellPerPartyAndTopicWithTheAnswersLinkedBothWays()
    {
        var cells = (await _client.GetJsonAsync("/api/v1/talks/russia-ukraine-direct-talks/positions/matrix?limit=200")).Items();

        Assert.Equal(9, cells.Count);
        var demand = Cell(cells, "russia", "territory");
        Assert.Equal(("russia-demands-withdrawal-for-ceasefire", "demand", "Russia", "istanbul-2025-05-16", "2025-05-16"),
            (demand.Text("positionId"), demand.Text("kind"), demand.Text("partyName"), demand.Text("roundId"), demand.Text("date")));
        Assert.Equal(["ukraine-rejects-withdrawal-demand"], Strings(demand, "answeredBy"));
        var rejection = Cell(cells, "ukraine", "territory");
        Assert.Equal("russia-demands-withdrawal-for-ceasefire", rejection.Text("answersId"));
        Assert.Empty(rejection.GetProperty("earlier").EnumerateArray());
    }

    [Fact]
    public async Task ACellShowsTheLatestPositionWithTheEarlierOnesOldestFirstAndAsOfShowsAnEarlierDay()
    {
        var talk = (await _client.CreateAsync("/api/v1/talks", Talk(Unique("Matrix talks")))).Text("id");
        var may = (await _client.CreateAsync($"/api/v1/talks/{talk}/rounds", Round(Unique("Istanbul"), "2025-05-16"))).Text("id")!;
        var july = (await _client.CreateAsync($"/api/v1/talks/{talk}/rounds", Round(Unique("Istanbul"), "2025-07-23"))).Text("id")!;
        // Posted out of order: the chain follows the rounds' dates, not the order of recording.
        var proposal = (await _client.CreateAsync("/api/v1/positions", Position(july, "russia", "territory", "proposal"))).Text("id");
        var demand = (await _client.CreateAsync("/api/v1/positions", Position(may, "russia", "territory", "demand"))).Text("id");
        var rejection = (await _client.CreateAsync("/api/v1/positions", Position(may, "ukraine", "territory", "rejection", answersId: demand))).Text("id");

        var now = (await _client.GetJsonAsync($"/api/v1/talks/{talk}/positions/matrix")).Items();
        var then = (await _client.GetJsonAsync($"/api/v1/talks/{talk}/positions/matrix?asOf=2025-06-01")).Items();

        var russia = Cell(now, "russia", "territory");
        Assert.Equal((proposal, "proposal", "2025-07-23"), (russia.Text("positionId"), russia.Text("kind"), russia.Text("date")));
        var earlier = Assert.Single(russia.GetProperty("earlier").EnumerateArray());
        Assert.Equal((demand, "demand", "2025-05-16"), (earlier.Text("positionId"), earlier.Text("kind"), earlier.Text("date")));
        Assert.Equal([rejection!], Strings(earlier, "answeredBy"));
        Assert.Equal(["russia", "ukraine"], now.Select(c => c.Text("partyId")));
        var russiaThen = Cell(then, "russia", "territory");
        Assert.Equal(demand, russiaThen.Text("positionId"));
        Assert.Empty(russiaThen.GetProperty("earlier").EnumerateArray());
    }

    /// <summary>
    /// Six cells, so that a page ends both inside a party's cells and between two parties'; one cell holds two
    /// positions. Each page's cursor points at its last cell, which the next page must start after.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task PagingThroughTheMatrixGivesEveryCellOnceInOrder(int limit)
    {
        var talk = (await _client.CreateAsync("/api/v1/talks", Talk(Unique("Paged matrix talks")))).Text("id");
        var may = (await _client.CreateAsync($"/api/v1/talks/{talk}/rounds", Round(Unique("Istanbul"), "2025-05-16"))).Text("id")!;
        var june = (await _client.CreateAsync($"/api/v1/talks/{talk}/rounds", Round(Unique("Istanbul"), "2025-06-02"))).Text("id")!;
        foreach (var (round, party, topic) in new[]
        {
            (may, "ukraine", "territory"), (may, "russia", "prisoners"), (may, "turkey", "prisoners"), (may, "russia", "territory"),
            (june, "russia", "territory"), (may, "ukraine", "ceasefire"), (may, "russia", "ceasefire"),
        })
        {
            await _client.CreateAsync("/api/v1/positions", Position(round, party, topic, "proposal"));
        }

        var seen = new List<string>();
        string? next = $"/api/v1/talks/{talk}/positions/matrix?limit={limit}";
        for (var pages = 0; next is not null && pages < 10; pages++)
        {
            using var response = await _client.GetAsync(next);
            var cells = (await response.ReadJsonAsync(HttpStatusCode.OK)).Items();
            Assert.InRange(cells.Count, 1, limit);
            seen.AddRange(cells.Select(c => $"{c.Text("partyId")} {c.Text("topic")}"));
            next = response.Link("next");
        }

        Assert.Equal(
            ["russia ceasefire", "russia prisoners", "russia territory", "turkey prisoners", "ukraine ceasefire", "ukraine territory"],
            seen);
    }

    [Fact]
    public async Task TopicNarrowsTheMatrixAndCsvGivesARowPerCell()
    {
        var cells = (await _client.GetJsonAsync("/api/v1/talks/russia-ukraine-direct-talks/positions/matrix?topic=leaders-meeting")).Items();
        using var csv = await _client.GetAsync("/api/v1/talks/russia-ukraine-direct-talks/positions/matrix?topic=leaders-meeting&format=csv");

        Assert.Equal(["russia", "ukraine", "united-states"], cells.Select(c => c.Text("partyId")));
        Assert.All(cells, c => Assert.Equal("leaders-meeting", c.Text("topic")));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("partyId,partyName,topic,topicLabel,positionId,kind", lines[0]);
    }

    [Fact]
    public async Task AMatrixChangesWhenAPositionIsRecorded()
    {
        var talk = (await _client.CreateAsync("/api/v1/talks", Talk(Unique("Cached matrix talks")))).Text("id");
        var round = (await _client.CreateAsync($"/api/v1/talks/{talk}/rounds", Round(Unique("Geneva"), "2025-05-16"))).Text("id")!;
        Assert.Empty((await _client.GetJsonAsync($"/api/v1/talks/{talk}/positions/matrix")).Items());

        await _client.CreateAsync("/api/v1/positions", Position(round, "ukraine", "ceasefire", "proposal"));

        Assert.Equal("ceasefire", Assert.Single((await _client.GetJsonAsync($"/api/v1/talks/{talk}/positions/matrix")).Items()).Text("topic"));
    }

    [Theory]
    [InlineData("/api/v1/talks/russia-ukraine-direct-talks/positions/matrix?asOf=16-05-2025", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/talks/russia-ukraine-direct-talks/positions/matrix?party=russia", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/talks/no-such-talk/positions/matrix", HttpStatusCode.NotFound)]
    public async Task AskingWronglyIsAProblemNamingWhat(string url, HttpStatusCode status)
    {
        using var response = await _client.GetAsync(url);

        await response.ReadProblemAsync(status);
    }

    private static JsonElement Cell(IEnumerable<JsonElement> cells, string party, string topic) =>
        Assert.Single(cells, c => c.Text("partyId") == party && c.Text("topic") == topic);

    private static string[] Strings(JsonElement element, string property) =>
        element.GetProperty(property).EnumerateArray().Select(e => e.GetString()!).ToArray();
}
