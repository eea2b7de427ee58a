using System.Net;
using System.Text;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Errors;

/// <summary>Bodies that are valid-looking JSON but push the parser's limits: still the client's 400, never a 500.</summary>
public sealed class UnusualBodyTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task ALoneSurrogateInAStringIsRejectedNamingTheField()
    {
        var name = Unique("Surrogate");
        var json = $$"""{ "name": "{{name}} \ud800", "kind": "state", "sourceIds": ["{{ArticleSource}}"] }""";

        using var response = await _client.PostAsync("/api/v1/parties", Http.Json(json));

        await response.ReadValidationProblemAsync("name");
    }

    [Fact]
    public async Task ANulCharacterInAStringIsRejectedNamingTheFieldAndStoresNothing()
    {
        var name = Unique("Nul");
        var json = $$"""{ "name": "{{name}}", "notes": "before\u0000after", "kind": "state", "sourceIds": ["{{ArticleSource}}"] }""";

        using var response = await _client.PostAsync("/api/v1/parties", Http.Json(json));

        var errors = await response.ReadValidationProblemAsync("notes");
        Assert.Contains("NUL", errors["notes"][0], StringComparison.Ordinal);
        Assert.False(await factory.InDatabaseAsync(db =>
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Parties, p => p.Name == name)));
    }

    [Fact]
    public async Task ANulCharacterInAQueryParameterIsRejectedNamingIt()
    {
        using var response = await _client.GetAsync("/api/v1/statements?speakerPersonId=%00&q=a%00b");

        await response.ReadValidationProblemAsync("speakerPersonId", "q");
    }

    [Fact]
    public async Task ANumberTooBigForItsFieldIsRejectedNamingIt()
    {
        var talk = (await _client.CreateAsync("/api/v1/talks", Talk(Unique("Overflow talks")))).Text("id");
        var body = Round(Unique("Bigtown"), "2025-01-01");
        body["sequence"] = 2147483648L;

        using var response = await _client.PostJsonAsync($"/api/v1/talks/{talk}/rounds", body);

        await response.ReadValidationProblemAsync("sequence");
    }

    [Fact]
    public async Task AFractionWhereAWholeNumberBelongsIsRejectedNamingIt()
    {
        var talk = (await _client.CreateAsync("/api/v1/talks", Talk(Unique("Fraction talks")))).Text("id");
        var body = Round(Unique("Halftown"), "2025-01-01");
        body["durationMinutes"] = 90.5;

        using var response = await _client.PostJsonAsync($"/api/v1/talks/{talk}/rounds", body);

        await response.ReadValidationProblemAsync("durationMinutes");
    }

    [Fact]
    public async Task DeeplyNestedJsonIsRejectedAsABadBody()
    {
        var created = await _client.CreateAsync("/api/v1/parties", Party(Unique("Nested")));
        var url = $"/api/v1/parties/{created.Text("id")}";
        var deep = new StringBuilder("{ \"notes\": ");
        deep.Append(string.Concat(Enumerable.Repeat("[", 200))).Append(string.Concat(Enumerable.Repeat("]", 200))).Append(" }");

        using var response = await _client.PatchCurrentAsync(url, deep.ToString());

        await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(1, (await _client.GetJsonAsync(url)).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task AHugeIdInTheUrlAnswersNotFound()
    {
        using var response = await _client.GetAsync($"/api/v1/parties/{new string('a', 5000)}");

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }
}
