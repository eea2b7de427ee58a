using System.Net;
using System.Text.Json;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Parties;

public sealed class PartyListTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private const string Url = "/api/v1/parties";
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task ListingPartiesAnswersItemsAndANullCursorWhenEverythingFitsOnOnePage()
    {
        var page = await _client.GetJsonAsync($"{Url}?limit=200");

        var ids = page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetString()).ToList();
        Assert.Contains("ukraine", ids);
        Assert.Contains("european-union", ids);
        Assert.Equal(JsonValueKind.Null, page.GetProperty("nextCursor").ValueKind);
    }

    [Fact]
    public async Task ListedPartiesCarryEveryFieldOfTheContract()
    {
        var page = await _client.GetJsonAsync($"{Url}?limit=200");

        var ukraine = page.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "ukraine");
        Assert.Equal("Ukraine", ukraine.GetProperty("name").GetString());
        Assert.Equal("state", ukraine.GetProperty("kind").GetString());
        Assert.Equal("UA", ukraine.GetProperty("countryCode").GetString());
        Assert.Equal(JsonValueKind.Null, ukraine.GetProperty("notes").ValueKind);
        Assert.Equal([ArticleSource], ukraine.GetProperty("sourceIds").EnumerateArray().Select(s => s.GetString()));
        Assert.True(ukraine.GetProperty("version").GetInt64() >= 1);
        Assert.EndsWith("Z", ukraine.GetProperty("createdAt").GetString());
        Assert.EndsWith("Z", ukraine.GetProperty("updatedAt").GetString());
    }

    [Fact]
    public async Task PagingOneAtATimeFollowsTheCursorToTheEndWithoutRepeatsOrGaps()
    {
        await _client.CreateAsync(Url, Party(Unique("Paged Republic")));
        var everything = await Ids($"{Url}?limit=200");

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            using var response = await _client.GetAsync(cursor is null ? $"{Url}?limit=1" : $"{Url}?limit=1&cursor={Uri.EscapeDataString(cursor)}");
            var page = await response.ReadJsonAsync(HttpStatusCode.OK);
            var items = page.GetProperty("items").EnumerateArray().ToList();
            Assert.Single(items);
            seen.Add(items[0].GetProperty("id").GetString()!);

            cursor = page.GetProperty("nextCursor").GetString();
            Assert.Equal(cursor is null, response.Link("next") is null);
            Assert.True(seen.Count <= everything.Count, "Paging went on past the end of the list.");
        }
        while (cursor is not null);

        Assert.Equal(everything, seen);
    }

    [Fact]
    public async Task TheLinkHeaderLeadsToTheNextPageAndKeepsTheFilter()
    {
        await _client.CreateAsync(Url, Party(Unique("Linked Union"), kind: "international-organisation"));
        await _client.CreateAsync(Url, Party(Unique("Linked Union"), kind: "international-organisation"));
        var everything = await Ids($"{Url}?kind=international-organisation&limit=200");
        Assert.True(everything.Count >= 3);

        var seen = new List<string>();
        string? next = $"{Url}?kind=international-organisation&limit=1";
        while (next is not null)
        {
            using var response = await _client.GetAsync(next);
            var page = await response.ReadJsonAsync(HttpStatusCode.OK);
            var items = page.GetProperty("items").EnumerateArray().ToList();
            Assert.All(items, p => Assert.Equal("international-organisation", p.GetProperty("kind").GetString()));
            seen.AddRange(items.Select(p => p.GetProperty("id").GetString()!));
            next = response.Link("next");
            Assert.True(seen.Count <= everything.Count, "The Link header kept pointing past the end of the list.");
        }

        Assert.Equal(everything, seen);
    }

    [Fact]
    public async Task FilteringByKindAnswersOnlyPartiesOfThatKind()
    {
        var created = await _client.CreateAsync(Url, Party(Unique("Rebel Front"), kind: "non-state-actor"));

        var ids = await Ids($"{Url}?kind=non-state-actor&limit=200");

        Assert.Contains(created.GetProperty("id").GetString(), ids);
        Assert.DoesNotContain("ukraine", ids);
        var states = await Ids($"{Url}?kind=state&limit=200");
        Assert.Contains("ukraine", states);
        Assert.DoesNotContain(created.GetProperty("id").GetString(), states);
    }

    [Fact]
    public async Task AnUnknownKindIsRejectedListingTheAllowedKinds()
    {
        using var response = await _client.GetAsync($"{Url}?kind=empire");

        var errors = await response.ReadValidationProblemAsync("kind");
        var message = Assert.Single(errors["kind"]);
        Assert.Contains("state", message);
        Assert.Contains("international-organisation", message);
        Assert.Contains("non-state-actor", message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("201")]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData("99999999999")]
    public async Task ALimitOutsideOneTo200IsRejectedNamingLimit(string limit)
    {
        using var response = await _client.GetAsync($"{Url}?limit={limit}");

        await response.ReadValidationProblemAsync("limit");
    }

    [Theory]
    [InlineData("1")]
    [InlineData("200")]
    public async Task TheLimitsAtEitherEndOfTheRangeAreAccepted(string limit)
    {
        var page = await _client.GetJsonAsync($"{Url}?limit={limit}");

        Assert.InRange(page.GetProperty("items").GetArrayLength(), 1, int.Parse(limit));
    }

    [Theory]
    [InlineData("not-a-cursor")]
    [InlineData("%%%")]
    [InlineData("WyJhIiwiYiJd")] // ["a","b"]: well-formed, but not a key this list issues
    [InlineData("e30")] // {}
    public async Task ACursorTheListDidNotIssueIsRejectedNamingCursor(string cursor)
    {
        using var response = await _client.GetAsync($"{Url}?cursor={Uri.EscapeDataString(cursor)}");

        await response.ReadValidationProblemAsync("cursor");
    }

    [Fact]
    public async Task AnUnknownQueryParameterIsRejectedNamingIt()
    {
        using var response = await _client.GetAsync($"{Url}?type=state");

        var errors = await response.ReadValidationProblemAsync("type");
        Assert.Contains("kind", errors["type"][0]);
    }

    private async Task<List<string>> Ids(string url)
    {
        var page = await _client.GetJsonAsync(url);
        return page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetString()!).ToList();
    }
}
