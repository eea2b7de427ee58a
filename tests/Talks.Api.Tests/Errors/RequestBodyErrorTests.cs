using System.Net;
using System.Text;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Errors;

/// <summary>
/// What a client sees when the body cannot be read at all. The factory runs as Production, where nothing from inside
/// the server may show; each case also checks that nothing was written.
/// </summary>
public sealed class RequestBodyErrorTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private const string Url = "/api/v1/parties";
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task MalformedJsonAnswersAProblemAboutTheBody()
    {
        var id = NewId();

        using var response = await PostAsync($$"""{ "id": "{{id}}", "name": "Broken", "kind": "state", sourceIds: [] }""");

        await response.ReadValidationProblemAsync("body");
        await AssertNotStoredAsync(id);
    }

    [Fact]
    public async Task TruncatedJsonAnswersAProblemAboutTheBody()
    {
        var id = NewId();

        using var response = await PostAsync($$"""{ "id": "{{id}}", "name": "Cut off", "kind": "sta""");

        await response.ReadValidationProblemAsync("body");
        await AssertNotStoredAsync(id);
    }

    [Fact]
    public async Task AValueOfTheWrongTypeAnswersAProblemNamingTheField()
    {
        var id = NewId();

        using var response = await PostAsync($$"""{ "id": "{{id}}", "name": "Numbered", "kind": 5, "sourceIds": ["{{ArticleSource}}"] }""");

        var errors = await response.ReadValidationProblemAsync("kind");
        Assert.Single(errors);
        await AssertNotStoredAsync(id);
    }

    [Fact]
    public async Task AStringWhereAListBelongsAnswersAProblemNamingTheField()
    {
        var id = NewId();

        using var response = await PostAsync($$"""{ "id": "{{id}}", "name": "Listless", "kind": "state", "sourceIds": "{{ArticleSource}}" }""");

        await response.ReadValidationProblemAsync("sourceIds");
        await AssertNotStoredAsync(id);
    }

    [Fact]
    public async Task AnUnknownPropertyAnswersAProblemNamingIt()
    {
        var id = NewId();

        using var response = await PostAsync(
            $$"""{ "id": "{{id}}", "name": "Flagged", "kind": "state", "flag": "blue", "sourceIds": ["{{ArticleSource}}"] }""");

        var errors = await response.ReadValidationProblemAsync("flag");
        Assert.Single(errors);
        await AssertNotStoredAsync(id);
    }

    [Fact]
    public async Task AMisspeltPropertyIsNotSilentlyDropped()
    {
        var id = NewId();

        using var response = await PostAsync(
            $$"""{ "id": "{{id}}", "name": "Misspelt", "kind": "state", "note": "lost?", "sourceIds": ["{{ArticleSource}}"] }""");

        await response.ReadValidationProblemAsync("note");
        await AssertNotStoredAsync(id);
    }

    [Fact]
    public async Task ADuplicatePropertyAnswersAProblemNamingIt()
    {
        var id = NewId();

        using var response = await PostAsync(
            $$"""{ "id": "{{id}}", "name": "First", "name": "Second", "kind": "state", "sourceIds": ["{{ArticleSource}}"] }""");

        await response.ReadValidationProblemAsync("name");
        await AssertNotStoredAsync(id);
    }

    [Fact]
    public async Task AnEmptyBodyAnswersAProblemAboutTheBody()
    {
        using var response = await PostAsync("");

        await response.ReadValidationProblemAsync("body");
    }

    [Fact]
    public async Task AJsonNullBodyAnswersAProblemAboutTheBody()
    {
        using var response = await PostAsync("null");

        await response.ReadValidationProblemAsync("body");
    }

    [Fact]
    public async Task AJsonArrayBodyAnswersAProblemAboutTheBody()
    {
        using var response = await PostAsync("[]");

        await response.ReadProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task APlainTextBodyAnswers415()
    {
        var id = NewId();

        using var response = await _client.PostAsync(Url, new StringContent(
            $$"""{ "id": "{{id}}", "name": "Plain", "kind": "state", "sourceIds": ["{{ArticleSource}}"] }""", Encoding.UTF8, "text/plain"));

        await response.ReadProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await AssertNotStoredAsync(id);
    }

    [Fact]
    public async Task ABodyWithoutAContentTypeAnswers415()
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes($$"""{ "name": "Untyped", "kind": "state", "sourceIds": ["{{ArticleSource}}"] }"""));

        using var response = await _client.PostAsync(Url, content);

        await response.ReadProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task APlainTextPutAnswers415AndChangesNothing()
    {
        var created = await _client.CreateAsync(Url, Party(Unique("Text Target")));
        var url = $"{Url}/{created.GetProperty("id").GetString()}";
        var content = new StringContent(created.ToString(), Encoding.UTF8, "text/plain");

        using var response = await _client.SendAsync(HttpMethod.Put, url, content, ifMatch: "\"1\"");

        await response.ReadProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(1, (await _client.GetJsonAsync(url)).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task AMalformedPutAnswersAProblemAndChangesNothing()
    {
        var created = await _client.CreateAsync(Url, Party(Unique("Malformed Target")));
        var url = $"{Url}/{created.GetProperty("id").GetString()}";

        using var response = await _client.SendAsync(HttpMethod.Put, url, Http.Json("{ \"name\": "), ifMatch: "\"1\"");

        await response.ReadValidationProblemAsync("body");
        Assert.Equal(1, (await _client.GetJsonAsync(url)).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task AMalformedMergePatchAnswersAProblemAndChangesNothing()
    {
        var created = await _client.CreateAsync(Url, Party(Unique("Patch Target")));
        var url = $"{Url}/{created.GetProperty("id").GetString()}";

        using var response = await _client.PatchAsync(url, "{ \"notes\": ", "\"1\"");

        await response.ReadValidationProblemAsync("body");
        Assert.Equal(1, (await _client.GetJsonAsync(url)).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task ABadlyFormedIfMatchDoesNotLeakInternals()
    {
        var created = await _client.CreateAsync(Url, Party(Unique("Header Target")));
        var url = $"{Url}/{created.GetProperty("id").GetString()}";

        using var response = await _client.PatchAsync(url, """{ "notes": "x" }""", "not an etag");

        await response.ReadProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    private Task<HttpResponseMessage> PostAsync(string json) => _client.PostAsync(Url, Http.Json(json));

    private static string NewId() => IdFrom(Unique("error case"));

    private async Task AssertNotStoredAsync(string id)
    {
        using var response = await _client.GetAsync($"{Url}/{id}");
        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }
}
