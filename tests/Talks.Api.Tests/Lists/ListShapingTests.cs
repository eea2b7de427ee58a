using System.Net;
using System.Net.Http.Headers;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Lists;

/// <summary>Sorting, text search, fetching by ids, choosing fields and CSV: what dashboards ask of every list.</summary>
public sealed class ListShapingTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task SeveralRecordsCanBeFetchedInOneCallByTheirIds()
    {
        var page = await _client.GetJsonAsync("/api/v1/parties?ids=russia,ukraine,no-such-party");

        Assert.Equal(["russia", "ukraine"], page.Ids());
    }

    [Theory]
    [InlineData("ids=Not%20An%20Id")]
    [InlineData("ids=,")]
    public async Task BadIdsAreRejectedNamingIds(string query)
    {
        using var response = await _client.GetAsync($"/api/v1/parties?{query}");

        await response.ReadValidationProblemAsync("ids");
    }

    [Fact]
    public async Task ASortCanBeReversedAndPagedWithoutRepeats()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        foreach (var name in new[] { "Alpha", "Charlie", "Bravo", "Delta" })
        {
            await _client.CreateAsync("/api/v1/parties", Party($"{name} {tag}"));
        }

        var names = new List<string>();
        string? next = $"/api/v1/parties?q={tag}&sort=-name&limit=3";
        while (next is not null)
        {
            using var response = await _client.GetAsync(next);
            var page = await response.ReadJsonAsync(HttpStatusCode.OK);
            names.AddRange(page.Items().Select(p => p.Text("name")!));
            next = response.Link("next");
            Assert.True(names.Count <= 4, "Paging went past the end.");
        }

        Assert.Equal([$"Delta {tag}", $"Charlie {tag}", $"Bravo {tag}", $"Alpha {tag}"], names);
    }

    [Fact]
    public async Task AnUnknownSortIsRejectedListingTheSorts()
    {
        using var response = await _client.GetAsync("/api/v1/parties?sort=population");

        var errors = await response.ReadValidationProblemAsync("sort");
        Assert.Contains("name", errors["sort"][0]);
    }

    [Fact]
    public async Task ACursorFromOneSortIsRefusedUnderAnother()
    {
        using var first = await _client.GetAsync("/api/v1/parties?sort=name&limit=1");
        var cursor = (await first.ReadJsonAsync(HttpStatusCode.OK)).Text("nextCursor");

        using var response = await _client.GetAsync($"/api/v1/parties?sort=-name&limit=1&cursor={cursor}");

        await response.ReadValidationProblemAsync("cursor");
    }

    [Fact]
    public async Task TextSearchIgnoresCase()
    {
        var page = await _client.GetJsonAsync("/api/v1/rounds?q=DOLMABAH");

        Assert.Contains("istanbul-2025-05-16", page.Ids());
        Assert.Contains("istanbul-2022-03-29", page.Ids());
    }

    [Fact]
    public async Task TextSearchIgnoresCaseBeyondAsciiToo()
    {
        var talk = (await _client.CreateAsync("/api/v1/talks", Talk(Unique("Dardanelles talks")))).Text("id");
        var city = $"Çanakkale {Guid.NewGuid().ToString("N")[..8]}";
        var round = (await _client.CreateAsync($"/api/v1/talks/{talk}/rounds", Round(city, "2025-04-20"))).Text("id")!;

        var lower = await _client.GetJsonAsync($"/api/v1/rounds?talkId={talk}&q=çanakkale");

        Assert.Equal([round], lower.Ids());
    }

    [Fact]
    public async Task ATooLongSearchIsRejectedNamingQ()
    {
        using var response = await _client.GetAsync($"/api/v1/parties?q={new string('x', 201)}");

        await response.ReadValidationProblemAsync("q");
    }

    [Fact]
    public async Task FieldsNarrowEachItemToWhatWasAskedForAndTheId()
    {
        var page = await _client.GetJsonAsync("/api/v1/parties?ids=ukraine&fields=name");

        var ukraine = Assert.Single(page.Items());
        Assert.Equal(["id", "name"], ukraine.EnumerateObject().Select(p => p.Name).Order());
        var single = await _client.GetJsonAsync("/api/v1/parties/ukraine?fields=countryCode");
        Assert.Equal(["countryCode", "id"], single.EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task AnUnknownFieldIsRejectedNamingFields()
    {
        using var response = await _client.GetAsync("/api/v1/parties/ukraine?fields=flag");

        var errors = await response.ReadValidationProblemAsync("fields");
        Assert.Contains("flag", errors["fields"][0]);
    }

    [Fact]
    public async Task AListComesAsCsvWithAHeaderRowAndTheSameFilters()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/parties?kind=international-organisation");
        request.Headers.Accept.ParseAdd("text/csv");

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        Assert.Equal("id", header[0]);
        Assert.Contains("name", header);
        Assert.Contains(lines, l => l.StartsWith("european-union,", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("ukraine,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CsvQuotesCommasAndDefusesFormulas()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var body = Party($"Comma, Quote \" State {tag}");
        body["notes"] = "=HYPERLINK(\"http://example.org\")";
        var created = await _client.CreateAsync("/api/v1/parties", body);

        var csv = await _client.GetStringAsync($"/api/v1/parties?format=csv&ids={created.Text("id")}");

        var row = csv.Split("\r\n")[1];
        Assert.Contains($"\"Comma, Quote \"\" State {tag}\"", row);
        Assert.Contains("'=HYPERLINK", row);
    }

    [Fact]
    public async Task AnInvalidCsvRequestAnswersTheListsOwnProblem()
    {
        using var response = await _client.GetAsync("/api/v1/parties?format=csv&kind=empire");

        await response.ReadValidationProblemAsync("kind");
    }

    [Fact]
    public async Task FollowingNextUnderADescendingSortNeverSkipsOrRepeatsWhileOthersWrite()
    {
        var prefix = Unique("Paged State");
        for (var i = 0; i < 6; i++)
        {
            await _client.CreateAsync("/api/v1/parties", Party($"{prefix} {i}"));
        }

        var seen = new List<string>();
        var url = $"/api/v1/parties?sort=-name&limit=2&q={Uri.EscapeDataString(prefix.ToLowerInvariant())}";
        var writes = 0;
        while (url is not null)
        {
            using var response = await _client.GetAsync(url);
            var page = await response.ReadJsonAsync(HttpStatusCode.OK);
            seen.AddRange(page.Ids());
            url = response.Link("next");

            // Another analyst adds a record that sorts before the page just read: the cursor must not be thrown by it.
            if (writes++ < 2)
            {
                await _client.CreateAsync("/api/v1/parties", Party($"{prefix} 0{writes}"));
            }
        }

        var expected = Enumerable.Range(0, 6).Select(i => IdFrom($"{prefix} {i}")).OrderByDescending(id => id, StringComparer.Ordinal).ToList();
        Assert.Equal(expected, seen.Where(expected.Contains).ToList());
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task AnUnknownSortIsRefusedListingTheAllowedOnes()
    {
        using var response = await _client.GetAsync("/api/v1/rounds?sort=venue");
        var errors = await response.ReadValidationProblemAsync("sort");
        Assert.Contains("-date", errors["sort"][0]);
    }

    [Fact]
    public async Task ACursorFromAnotherSortIsRefused()
    {
        using var first = await _client.GetAsync("/api/v1/parties?sort=name&limit=1");
        var cursor = (await first.ReadJsonAsync(HttpStatusCode.OK)).Text("nextCursor");
        using var response = await _client.GetAsync($"/api/v1/parties?sort=-name&limit=1&cursor={cursor}");
        await response.ReadValidationProblemAsync("cursor");
    }

    [Fact]
    public async Task FieldsSelectsPropertiesAndRefusesUnknownOnes()
    {
        var page = await _client.GetJsonAsync("/api/v1/parties?ids=ukraine,russia&fields=name");
        Assert.Equal(["russia", "ukraine"], page.Ids());
        Assert.All(page.Items(), p => Assert.Equal(["id", "name"], p.EnumerateObject().Select(x => x.Name)));

        using var response = await _client.GetAsync("/api/v1/parties?fields=flag");
        await response.ReadValidationProblemAsync("fields");
    }

    [Fact]
    public async Task AListAnswersCsvWithTheSameFiltersAcrossEveryPage()
    {
        var prefix = Unique("Csv State");
        for (var i = 0; i < 3; i++)
        {
            await _client.CreateAsync("/api/v1/parties", Party($"{prefix} {i}", notes: i == 0 ? "=HYPERLINK(\"x\"), with \"quotes\"" : null));
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/parties?q={Uri.EscapeDataString(prefix.ToLowerInvariant())}&limit=1&sort=name");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,name,kind", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.Contains("\"'=HYPERLINK(\"\"x\"\"), with \"\"quotes\"\"\"", lines[1]);

        using var viaQuery = await _client.GetAsync($"/api/v1/parties?format=csv&q={Uri.EscapeDataString(prefix.ToLowerInvariant())}");
        Assert.Equal(4, (await viaQuery.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task ABadFilterStillAnswersAProblemWhenCsvIsAskedFor()
    {
        using var response = await _client.GetAsync("/api/v1/parties?format=csv&kind=planet");
        await response.ReadValidationProblemAsync("kind");
    }
}
