using System.Net;
using System.Text.Json.Nodes;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Analysts;

/// <summary>
/// What a create or an update answers is the record as stored: a client that keeps the answer instead of reading the
/// record again holds exactly what every later read returns (times, version, nulls and lists included).
/// </summary>
public sealed class WriteAnswerTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    public static TheoryData<string, string, string> Kinds => new()
    {
        { "/api/v1/parties", "party", """{ "notes": "Edited." }""" },
        { "/api/v1/people", "person", """{ "office": "Edited office" }""" },
        { "/api/v1/sources", "source", """{ "notes": "Edited.", "publisher": null }""" },
        { "/api/v1/positions", "position", """{ "summary": "Edited.", "quote": "A quote." }""" },
        { "/api/v1/statements", "statement", """{ "context": "Edited.", "saidOn": "2025-05-16" }""" },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task TheAnswerToACreateAndToAnUpdateIsWhatAReadReturns(string collection, string kind, string mergePatch)
    {
        var created = await _client.CreateAsync(collection, Body(kind));
        var url = $"{collection}/{created.Text("id")}";
        var (stored, _) = await _client.GetWithETagAsync(url);
        Assert.Equal(stored.GetRawText(), created.GetRawText());

        using var edit = await _client.PatchCurrentAsync(url, mergePatch);
        var edited = await edit.ReadJsonAsync(HttpStatusCode.OK);
        var (storedAfterEdit, _) = await _client.GetWithETagAsync(url);

        Assert.Equal(storedAfterEdit.GetRawText(), edited.GetRawText());
        Assert.Equal(2, edited.GetProperty("version").GetInt64());
        Assert.Matches("^\"2[-\"]", edit.Headers.ETag?.ToString());
    }

    private static JsonObject Body(string kind) => kind switch
    {
        "party" => Party(Unique("Answering State")),
        "person" => Person(Unique("Answering Person"), "ukraine", "Negotiator"),
        "source" => Source(Unique("Answering Source"), url: "https://example.org/answer"),
        "position" => AnsweringPosition(),
        "statement" => Statement(Unique("We answer with what is stored"), "rustem-umerov", "ukraine", "istanbul-2025-05-16"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static JsonObject AnsweringPosition()
    {
        var position = Position("istanbul-2025-05-16", "ukraine", "ceasefire", "proposal", voicedById: "rustem-umerov");
        position["id"] = IdFrom(Unique("answering position"));
        return position;
    }
}
