using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Parties;

public sealed class PartyCreateTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private const string Url = "/api/v1/parties";
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task CreatingAPartyAnswers201WithLocationETagAndTheStoredRecord()
    {
        var name = Unique("Republic of Testing");
        var expectedId = IdFrom(name);

        using var response = await _client.PostJsonAsync(Url, Party(name, countryCode: "RT", notes: "Made up for a test."));

        var created = await response.ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/parties/{expectedId}", response.Headers.Location?.OriginalString);
        Http.AssertETagOfVersion(1, response.Headers.ETag?.ToString());
        Assert.Equal(expectedId, created.GetProperty("id").GetString());
        Assert.Equal(name, created.GetProperty("name").GetString());
        Assert.Equal("state", created.GetProperty("kind").GetString());
        Assert.Equal("RT", created.GetProperty("countryCode").GetString());
        Assert.Equal("Made up for a test.", created.GetProperty("notes").GetString());
        Assert.Equal([ArticleSource], created.GetProperty("sourceIds").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(1, created.GetProperty("version").GetInt64());

        var stored = await _client.GetJsonAsync($"/api/v1/parties/{expectedId}");
        Assert.Equal(created.ToString(), stored.ToString());
        var row = await factory.InDatabaseAsync(db => db.Parties.AsNoTracking().SingleAsync(p => p.Id == expectedId));
        Assert.Equal(name, row.Name);
        Assert.Equal("RT", row.CountryCode);
    }

    [Fact]
    public async Task AnIdIsMadeFromTheNameWhenNoneIsSent()
    {
        var created = await _client.CreateAsync(Url, Party("Free State of Ünïcode Çase 7c1d"));

        Assert.Equal("free-state-of-unicode-case-7c1d", created.GetProperty("id").GetString());
    }

    [Fact]
    public async Task ANameWhoseIdIsTakenGetsTheNextNumberedId()
    {
        var name = Unique("Twin Republic");
        var first = await _client.CreateAsync(Url, Party(name));
        var second = await _client.CreateAsync(Url, Party(name));
        var third = await _client.CreateAsync(Url, Party(name));

        Assert.Equal(IdFrom(name), first.GetProperty("id").GetString());
        Assert.Equal(IdFrom(name) + "-2", second.GetProperty("id").GetString());
        Assert.Equal(IdFrom(name) + "-3", third.GetProperty("id").GetString());
    }

    [Fact]
    public async Task ANameMatchingASeededPartyDoesNotTakeItsId()
    {
        var created = await _client.CreateAsync(Url, Party("Russia", notes: Unique("another")));

        Assert.StartsWith("russia-", created.GetProperty("id").GetString());
        var russia = await _client.GetJsonAsync("/api/v1/parties/russia");
        Assert.Null(russia.GetProperty("notes").GetString());
    }

    [Fact]
    public async Task AnExplicitIdIsKept()
    {
        var id = IdFrom(Unique("chosen id"));

        var created = await _client.CreateAsync(Url, Party(Unique("Some Name"), id: id));

        Assert.Equal(id, created.GetProperty("id").GetString());
    }

    [Fact]
    public async Task CreatingWithAnIdThatIsTakenAnswersConflictAndLeavesTheOwnerAlone()
    {
        using var response = await _client.PostJsonAsync(Url, Party("Not Ukraine", id: "ukraine"));

        var problem = await response.ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("ukraine", problem.GetProperty("detail").GetString());
        var ukraine = await _client.GetJsonAsync("/api/v1/parties/ukraine");
        Assert.Equal("Ukraine", ukraine.GetProperty("name").GetString());
    }

    [Fact]
    public async Task AnInvalidBodyIsRejectedListingEveryFieldAtFault()
    {
        var id = "Bad Id!";
        var body = new JsonObject
        {
            ["id"] = id,
            ["name"] = "",
            ["kind"] = "state",
            ["countryCode"] = "ukr",
            ["sourceIds"] = new JsonArray("no-such-source"),
        };

        using var response = await _client.PostJsonAsync(Url, body);

        var errors = await response.ReadValidationProblemAsync("id", "name", "countryCode", "sourceIds");
        Assert.Contains("no-such-source", errors["sourceIds"][0]);
        Assert.Equal(0, await factory.InDatabaseAsync(db => db.Parties.CountAsync(p => p.Id == id)));
    }

    [Fact]
    public async Task AMissingNameIsRejectedNamingName()
    {
        var body = Party(Unique("Nameless"));
        body.Remove("name");

        using var response = await _client.PostJsonAsync(Url, body);

        await response.ReadValidationProblemAsync("name");
    }

    [Fact]
    public async Task AMissingKindIsRejectedNamingKind()
    {
        var body = Party(Unique("Kindless"));
        body.Remove("kind");

        using var response = await _client.PostJsonAsync(Url, body);

        await response.ReadValidationProblemAsync("kind");
    }

    [Fact]
    public async Task ANullNameIsRejectedNamingName()
    {
        var body = Party(Unique("Null Name"));
        body["name"] = null;

        using var response = await _client.PostJsonAsync(Url, body);

        await response.ReadValidationProblemAsync("name");
    }

    [Theory]
    [InlineData("ua")]
    [InlineData("UKR")]
    [InlineData("U1")]
    [InlineData("")]
    public async Task ACountryCodeThatIsNotTwoCapitalLettersIsRejected(string countryCode)
    {
        var name = Unique("Badly Coded");

        using var response = await _client.PostJsonAsync(Url, Party(name, countryCode: countryCode));

        await response.ReadValidationProblemAsync("countryCode");
        await AssertNotStoredAsync(IdFrom(name));
    }

    [Fact]
    public async Task AnEmptySourceListIsRejectedBecauseEveryFactNeedsASource()
    {
        var name = Unique("Unsourced");
        var body = Party(name);
        body["sourceIds"] = new JsonArray();

        using var response = await _client.PostJsonAsync(Url, body);

        await response.ReadValidationProblemAsync("sourceIds");
        await AssertNotStoredAsync(IdFrom(name));
    }

    [Fact]
    public async Task AMissingSourceListIsRejectedNamingSourceIds()
    {
        var name = Unique("Unsourced");
        var body = Party(name);
        body.Remove("sourceIds");

        using var response = await _client.PostJsonAsync(Url, body);

        await response.ReadValidationProblemAsync("sourceIds");
        await AssertNotStoredAsync(IdFrom(name));
    }

    [Fact]
    public async Task UnknownSourcesAreRejectedNamingEachOne()
    {
        var name = Unique("Badly Sourced");
        var body = Party(name);
        body["sourceIds"] = new JsonArray(ArticleSource, "rumour-one", "rumour-two");

        using var response = await _client.PostJsonAsync(Url, body);

        var errors = await response.ReadValidationProblemAsync("sourceIds");
        Assert.Contains("rumour-one", errors["sourceIds"][0]);
        Assert.Contains("rumour-two", errors["sourceIds"][0]);
        Assert.DoesNotContain(ArticleSource, errors["sourceIds"][0]);
        await AssertNotStoredAsync(IdFrom(name));
    }

    [Theory]
    [InlineData("Андрій Сибіга", "andrii-sybiha")]
    [InlineData("Андрій Єрмак", "andrii-yermak")]
    [InlineData("Сергей Лавров", "sergei-lavrov")]
    [InlineData("Kemal Kılıçdaroğlu", "kemal-kilicdaroglu")]
    [InlineData("Lech Wałęsa", "lech-walesa")]
    public async Task ANameInCyrillicOrWithLettersBeyondAccentsGetsAReadableId(string name, string expected)
    {
        var unique = Guid.NewGuid().ToString("N")[..6];

        var created = await _client.CreateAsync("/api/v1/people", Person($"{name} {unique}", "ukraine"));

        Assert.Equal($"{expected}-{unique}", created.Text("id"));
    }

    [Theory]
    [InlineData("Upper-Case")]
    [InlineData("double--hyphen")]
    [InlineData("-leading")]
    [InlineData("trailing-")]
    [InlineData("with space")]
    [InlineData("slash/in/it")]
    [InlineData("")]
    public async Task AnIdThatIsNotAKebabCaseSlugIsRejectedNamingId(string id)
    {
        using var response = await _client.PostJsonAsync(Url, Party(Unique("Badly Named"), id: id));

        await response.ReadValidationProblemAsync("id");
    }

    [Fact]
    public async Task AnIdLongerThan100CharactersIsRejected()
    {
        using var response = await _client.PostJsonAsync(Url, Party(Unique("Long"), id: new string('a', 101)));

        await response.ReadValidationProblemAsync("id");
    }

    [Fact]
    public async Task ANameLongerThan200CharactersIsRejected()
    {
        using var response = await _client.PostJsonAsync(Url, Party(new string('N', 201)));

        await response.ReadValidationProblemAsync("name");
    }

    [Fact]
    public async Task AnUnknownKindInTheBodyIsRejectedNamingKind()
    {
        using var response = await _client.PostJsonAsync(Url, Party(Unique("Empire"), kind: "empire"));

        await response.ReadValidationProblemAsync("kind");
    }

    private async Task AssertNotStoredAsync(string id)
    {
        using var response = await _client.GetAsync($"/api/v1/parties/{id}");
        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }
}
