using System.Net;
using System.Text.Json;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Changes;

/// <summary>
/// Every successful write names the change it recorded (<c>Talks-Change</c>, the change feed's seq), so a client can
/// send it back on reads (<c>Talks-Seen-Change</c>) and read its own writes through any instance.
/// </summary>
public sealed class ReadYourWritesTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task ACreateAnEditAndADeleteEachNameTheChangeTheFeedListsForThem()
    {
        using var created = await _client.PostJsonAsync("/api/v1/parties", Party(Unique("Numbered State")));
        var id = (await created.ReadJsonAsync(HttpStatusCode.Created)).Text("id")!;
        using var edited = await _client.PatchCurrentAsync($"/api/v1/parties/{id}", """{ "notes": "edited" }""");
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        using var deleted = await _client.DeleteCurrentAsync($"/api/v1/parties/{id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        var feed = await _client.GetJsonAsync($"/api/v1/changes?collection=parties&cursor={Cursor(ChangeSession.ChangeOf(created) - 1)}");

        var mine = feed.Items().Where(c => c.Text("recordId") == id).Select(c => (c.Text("kind"), c.GetProperty("seq").GetInt64())).ToList();
        Assert.Equal(
            [("created", ChangeSession.ChangeOf(created)), ("updated", ChangeSession.ChangeOf(edited)), ("deleted", ChangeSession.ChangeOf(deleted))],
            mine);
    }

    [Fact]
    public async Task AWriteRefusedNamesNoChange()
    {
        using var refused = await _client.PostJsonAsync("/api/v1/parties", Party(""));

        await refused.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.False(refused.Headers.Contains(ChangeSession.ChangeHeader));
    }

    [Fact]
    public async Task AReadNamingAChangeAlreadySeenAnswersAsUsual()
    {
        var session = new ChangeSession();
        using var client = factory.CreateDefaultClient(new Uri("http://localhost"), session.Carrier());
        client.DefaultRequestHeaders.Authorization = _client.DefaultRequestHeaders.Authorization;
        var id = (await client.CreateAsync("/api/v1/parties", Party(Unique("Seen State")))).Text("id");
        Assert.True(session.Newest > 0);

        var read = await client.GetJsonAsync($"/api/v1/parties/{id}");

        Assert.Equal(id, read.Text("id"));
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("-1")]
    [InlineData("1, 2")]
    public async Task ASeenChangeThatIsNotOneNumberIsRefusedNamingTheHeader(string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/parties/ukraine");
        request.Headers.TryAddWithoutValidation(ChangeSession.SeenChangeHeader, value);

        using var response = await _client.SendAsync(request);

        await response.ReadValidationProblemAsync(ChangeSession.SeenChangeHeader);
    }

    [Fact]
    public async Task TheDocumentNamesTheChangeOnEveryWritesAnswerAndTheSeenChangeOnEveryRead()
    {
        var document = OpenApiReading.WithSharedPartsInlined(await _client.GetJsonAsync("/swagger/v1/swagger.json"));
        var operations = document.GetProperty("paths").EnumerateObject()
            .Where(path => path.Name.StartsWith("/api/v1/", StringComparison.Ordinal))
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Name: $"{op.Name.ToUpperInvariant()} {path.Name}", Method: op.Name, op.Value)))
            .ToList();

        var reads = operations.Where(o => o.Method == "get").ToList();
        var writes = operations.Where(o => o.Method is "post" or "put" or "patch" or "delete").ToList();
        Assert.NotEmpty(reads);
        Assert.NotEmpty(writes);
        foreach (var (name, _, operation) in reads)
        {
            var parameters = operation.TryGetProperty("parameters", out var listed) ? listed.EnumerateArray().ToList() : [];
            var seen = parameters.SingleOrDefault(p => p.Text("name") == ChangeSession.SeenChangeHeader && p.Text("in") == "header");
            Assert.True(seen.ValueKind == JsonValueKind.Object, $"{name} does not say a read may send {ChangeSession.SeenChangeHeader}.");
            Assert.Equal("integer", seen.GetProperty("schema").Text("type"));
        }

        foreach (var (name, _, operation) in writes)
        {
            var successes = operation.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('2')).ToList();
            Assert.NotEmpty(successes);
            foreach (var success in successes)
            {
                Assert.True(
                    success.Value.TryGetProperty("headers", out var headers) && headers.TryGetProperty(ChangeSession.ChangeHeader, out _),
                    $"{name} {success.Name} does not say it names its change in {ChangeSession.ChangeHeader}.");
            }
        }
    }

    /// <summary>The feed's cursor that starts after the change <paramref name="afterSeq"/>.</summary>
    private static string Cursor(long afterSeq) =>
        System.Buffers.Text.Base64Url.EncodeToString(
            JsonSerializer.SerializeToUtf8Bytes(new[] { afterSeq.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
}
