using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.FrontEnds;

/// <summary>What a front end reads with: sorting, stable pages, search, the timeline, 304s, fields, CSV, CORS.</summary>
public sealed class ReadingTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

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
    public async Task SearchFindsTheExchangeWithAHighlightedEscapedSnippetAndFiltersByType()
    {
        var page = await _client.GetJsonAsync("/api/v1/search?q=prisoners%20war&type=agreement");
        var hit = page.Items().Single(h => h.Text("id") == "istanbul-2025-prisoner-exchange");
        Assert.Equal("agreement", hit.Text("type"));
        Assert.Contains("<mark>prisoners</mark>", hit.Text("snippet"));
        Assert.All(page.Items(), h => Assert.Equal("agreement", h.Text("type")));

        var created = await _client.CreateAsync("/api/v1/positions", Position("istanbul-2025-05-16", "turkey", "humanitarian-access", "offer"));
        using (var patched = await _client.PatchCurrentAsync($"/api/v1/positions/{created.Text("id")}", """{ "summary": "Offers <b>zanzibarian</b> mediation." }"""))
        {
            Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        }

        var found = (await _client.GetJsonAsync("/api/v1/search?q=zanzibar")).Items().Single();
        Assert.Equal(created.Text("id"), found.Text("id"));
        Assert.Contains("&lt;b&gt;<mark>zanzibarian</mark>&lt;/b&gt;", found.Text("snippet"));

        using (var deleted = await _client.DeleteCurrentAsync($"/api/v1/positions/{created.Text("id")}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        Assert.Empty((await _client.GetJsonAsync("/api/v1/search?q=zanzibar")).Items());
    }

    [Theory]
    [InlineData("\"OR*")]
    [InlineData("NEAR(a b)")]
    [InlineData("title:war")]
    public async Task SearchReadsOperatorsAsPlainWords(string q)
    {
        using var response = await _client.GetAsync($"/api/v1/search?q={Uri.EscapeDataString(q)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SearchWithoutWordsIsRefused()
    {
        using var response = await _client.GetAsync("/api/v1/search?q=%20%2B%2B");
        await response.ReadValidationProblemAsync("q");
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

    [Fact]
    public async Task ARepeatedReadWithTheETagAnswers304UntilSomethingItShowsChanges()
    {
        const string url = "/api/v1/rounds/istanbul-2025-05-16";
        using var first = await _client.GetAsync(url);
        var etag = first.Headers.ETag!.Tag;
        Assert.Contains("no-cache", first.Headers.CacheControl!.ToString());

        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag));
        using var notModified = await _client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        // A new position changes the full round without changing the round's own version.
        await _client.CreateAsync("/api/v1/positions", Position("istanbul-2025-05-16", "turkey", "further-talks", "offer"));
        using var afterWrite = new HttpRequestMessage(HttpMethod.Get, url);
        afterWrite.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag));
        using var changed = await _client.SendAsync(afterWrite);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task ListsHaveETagsAndAnswer304Too()
    {
        using var first = await _client.GetAsync("/api/v1/talks");
        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/v1/talks");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await _client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
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

    [Fact]
    public async Task CorsAllowsOnlyConfiguredOriginsAndExposesPagingAndCachingHeaders()
    {
        using var configured = factory.WithWebHostBuilder(b => b.UseSetting("Cors:AllowedOrigins:0", "https://dashboard.example"));
        var client = configured.CreateClient();

        using var allowed = new HttpRequestMessage(HttpMethod.Get, "/api/v1/parties?limit=1");
        allowed.Headers.Add("Origin", "https://dashboard.example");
        using var answer = await client.SendAsync(allowed);
        Assert.Equal("https://dashboard.example", answer.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var exposed = answer.Headers.GetValues("Access-Control-Expose-Headers").Single();
        Assert.Contains("ETag", exposed);
        Assert.Contains("Link", exposed);

        using var stranger = new HttpRequestMessage(HttpMethod.Get, "/api/v1/parties?limit=1");
        stranger.Headers.Add("Origin", "https://elsewhere.example");
        using var refused = await client.SendAsync(stranger);
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task TheChangeStreamSendsANewPositionAsItIsPosted()
    {
        using var stream = await _client.GetAsync("/api/v1/changes/stream", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", stream.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync());

        var created = await _client.CreateAsync("/api/v1/positions", Position("istanbul-2025-05-16", "ukraine", "ceasefire", "demand"));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        string? id = null;
        while (!timeout.IsCancellationRequested)
        {
            var line = await reader.ReadLineAsync(timeout.Token);
            if (line is null)
            {
                break;
            }

            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                using var data = JsonDocument.Parse(line["data: ".Length..]);
                if (data.RootElement.GetProperty("id").GetString() == created.Text("id"))
                {
                    id = data.RootElement.GetProperty("id").GetString();
                    Assert.Equal("positions", data.RootElement.GetProperty("collection").GetString());
                    Assert.Equal("created", data.RootElement.GetProperty("kind").GetString());
                    break;
                }
            }
        }

        Assert.Equal(created.Text("id"), id);
    }
}

/// <summary><c>include=</c> saves a front end its second and third requests.</summary>
public sealed class IncludeTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task ATalkEmbedsItsRoundsInDateOrder()
    {
        var talk = await _client.GetJsonAsync("/api/v1/talks/russia-ukraine-direct-talks?include=rounds");
        var rounds = talk.GetProperty("rounds").Ids();
        Assert.Equal(["istanbul-2022-03-29", "istanbul-2025-05-16"], rounds.Take(2));
    }

    [Fact]
    public async Task RoundsEmbedTheirTalkAndAgreementsAndAgreementsTheirRoundAndParties()
    {
        var rounds = await _client.GetJsonAsync("/api/v1/rounds?ids=istanbul-2025-05-16&include=talk,agreements,positions");
        var round = rounds.Items().Single();
        Assert.Equal("russia-ukraine-direct-talks", round.GetProperty("talk").Text("id"));
        Assert.Equal(["istanbul-2025-prisoner-exchange"], round.GetProperty("agreements").Ids());
        Assert.Contains("ukraine-rejects-withdrawal-demand", round.GetProperty("positions").Ids());

        var agreement = await _client.GetJsonAsync("/api/v1/agreements/istanbul-2025-prisoner-exchange?include=round,parties");
        Assert.Equal("istanbul-2025-05-16", agreement.GetProperty("round").Text("id"));
        Assert.Equal(["russia", "ukraine"], agreement.GetProperty("parties").Ids().Order());
    }

    [Fact]
    public async Task AnUnknownIncludeIsRefusedListingTheAllowedOnes()
    {
        using var response = await _client.GetAsync("/api/v1/talks?include=parties");
        var errors = await response.ReadValidationProblemAsync("include");
        Assert.Contains("rounds", errors["include"][0]);
    }
}
