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

    /// <summary>The feed's cursor that starts after the change <paramref name="afterSeq"/>.</summary>
    private static string Cursor(long afterSeq) =>
        System.Buffers.Text.Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new[] { afterSeq.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
}
