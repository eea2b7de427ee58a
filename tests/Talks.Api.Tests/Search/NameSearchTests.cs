using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Search;

/// <summary>
/// People and parties are found by their name and every other name, in either script: a Cyrillic name in Latin letters
/// too, written as the common transliterations write it, and a Latin name by its Cyrillic spelling's letters.
/// </summary>
public sealed class NameSearchTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("{0}sky")]
    [InlineData("{0}skiy")]
    [InlineData("{0}skii")]
    [InlineData("{0}SKYY")]
    [InlineData("{1}ский")]
    [InlineData("{1}СКИЙ")]
    [InlineData("{1}ски")]
    public async Task APersonIsFoundByAnyOfTheirNamesInEitherScriptAndItsCommonTransliterations(string typed)
    {
        var (latin, cyrillic) = UniqueStem();
        var person = await _client.CreateAsync("/api/v1/people",
            WithOtherNames(Person($"Ivan {latin}sky", "russia"), ($"Иван {cyrillic}ский", "ru", "native")));
        var id = person.Text("id")!;

        var page = await _client.GetJsonAsync($"/api/v1/search?q={Uri.EscapeDataString(string.Format(typed, latin, cyrillic))}");

        var hit = Assert.Single(page.Items());
        Assert.Equal(("person", id, $"Ivan {latin}sky", $"/api/v1/people/{id}"), (hit.Text("type"), hit.Text("id"), hit.Text("title"), hit.Text("url")));
        Assert.True(hit.IsNull("talkId"));
        Assert.Contains("<mark>", hit.Text("snippet"));
    }

    [Fact]
    public async Task ALatinNameIsFoundByTheCyrillicSpellingOfIt()
    {
        var (latin, cyrillic) = UniqueStem();
        var person = await _client.CreateAsync("/api/v1/people", Person($"Ivan {latin}skiy", "russia"));

        var page = await _client.GetJsonAsync($"/api/v1/search?q={Uri.EscapeDataString(cyrillic + "ский")}&type=person");

        Assert.Equal([person.Text("id")!], page.Ids());
    }

    [Fact]
    public async Task APartyIsFoundByItsOtherNamesAsAPartyAndNotAsAPerson()
    {
        var (latin, cyrillic) = UniqueStem();
        var party = await _client.CreateAsync("/api/v1/parties",
            WithOtherNames(Party(Unique("Front"), "armed-group"), ($"{latin}F", null, "short"), ($"Фронт {cyrillic}", "uk", "native")));
        var id = party.Text("id")!;

        foreach (var typed in new[] { $"{latin}F", $"Фронт {cyrillic}", $"front {latin}" })
        {
            var hit = Assert.Single((await _client.GetJsonAsync($"/api/v1/search?q={Uri.EscapeDataString(typed)}&type=party")).Items());
            Assert.Equal(("party", id, $"/api/v1/parties/{id}"), (hit.Text("type"), hit.Text("id"), hit.Text("url")));
        }

        Assert.Empty((await _client.GetJsonAsync($"/api/v1/search?q={latin}F&type=person")).Items());
        Assert.Empty((await _client.GetJsonAsync($"/api/v1/search?q={latin}F&talkId=russia-ukraine-direct-talks")).Items());
    }

    [Fact]
    public async Task RenamingAPersonOrChangingTheirOtherNamesFindsTheNewNamesAndNotTheOld()
    {
        var (oldName, _) = UniqueStem();
        var (oldOther, oldOtherCyrillic) = UniqueStem();
        var person = await _client.CreateAsync("/api/v1/people",
            WithOtherNames(Person($"Petr {oldName}", "russia"), ($"Пётр {oldOtherCyrillic}", "ru", "native")));
        var id = person.Text("id")!;
        Assert.Equal([id], await FoundAsync(oldName));
        Assert.Equal([id], await FoundAsync(oldOther));

        var (newName, _) = UniqueStem();
        var (newOther, newOtherCyrillic) = UniqueStem();
        using (var edit = await _client.PatchCurrentAsync($"/api/v1/people/{id}",
            $$"""{ "name": "Petr {{newName}}", "otherNames": [{ "name": "Пётр {{newOtherCyrillic}}", "language": "ru", "kind": "native" }] }"""))
        {
            Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        }

        foreach (var old in new[] { oldName, oldOther, oldOtherCyrillic })
        {
            Assert.Empty(await FoundAsync(old));
        }

        foreach (var now in new[] { newName, newOther, newOtherCyrillic })
        {
            Assert.Equal([id], await FoundAsync(now));
        }

        var (added, addedCyrillic) = UniqueStem();
        using (var edit = await _client.PatchCurrentAsync($"/api/v1/people/{id}",
            $$"""
            { "otherNames": [{ "name": "Пётр {{newOtherCyrillic}}", "language": "ru", "kind": "native" }, { "name": "{{addedCyrillic}}", "kind": "alias" }] }
            """))
        {
            Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        }

        Assert.Equal([id], await FoundAsync(added));
        Assert.Equal([id], await FoundAsync(newOther));

        using (var edit = await _client.PatchCurrentAsync($"/api/v1/people/{id}", """{ "otherNames": [] }"""))
        {
            Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        }

        foreach (var gone in new[] { added, addedCyrillic, newOther, newOtherCyrillic })
        {
            Assert.Empty(await FoundAsync(gone));
        }

        Assert.Equal([id], await FoundAsync(newName));
    }

    [Fact]
    public async Task ACachedSearchIsAnsweredAfreshOnceAPersonIsRenamed()
    {
        var reader = factory.CreateAnonymousClient();
        var (latin, _) = UniqueStem();
        var person = await _client.CreateAsync("/api/v1/people", Person($"Anna {latin}", "russia"));
        var url = $"/api/v1/search?q={latin}&type=person";
        using (var first = await reader.GetAsync(url))
        using (var second = await reader.GetAsync(url))
        {
            Assert.NotNull(second.Headers.Age);
            Assert.Equal([person.Text("id")!], (await second.ReadJsonAsync(HttpStatusCode.OK)).Ids());
        }

        using (var edit = await _client.PatchCurrentAsync($"/api/v1/people/{person.Text("id")}", """{ "name": "Anna Renamed" }"""))
        {
            Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        }

        using var after = await reader.GetAsync(url);
        Assert.Null(after.Headers.Age);
        Assert.Empty((await after.ReadJsonAsync(HttpStatusCode.OK)).Items());
    }

    [Fact]
    public async Task ADeletedPersonIsNoLongerFound()
    {
        var (latin, cyrillic) = UniqueStem();
        var person = await _client.CreateAsync("/api/v1/people", WithOtherNames(Person($"Oleg {latin}", "russia"), ($"Олег {cyrillic}", "ru", "native")));
        Assert.Equal([person.Text("id")!], await FoundAsync(latin));

        using (var delete = await _client.DeleteCurrentAsync($"/api/v1/people/{person.Text("id")}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }

        Assert.Empty(await FoundAsync(latin));
        Assert.Empty(await FoundAsync(cyrillic));
    }

    [Fact]
    public async Task MarkupInANameIsEscapedInItsSnippet()
    {
        var (latin, _) = UniqueStem();
        var party = await _client.CreateAsync("/api/v1/parties", WithOtherNames(Party(Unique("Markup")), ($"<b>{latin}</b> & Co", "en", "alias")));

        var hit = Assert.Single((await _client.GetJsonAsync($"/api/v1/search?q={latin}")).Items());

        Assert.Equal(party.Text("id"), hit.Text("id"));
        Assert.Contains($"&lt;b&gt;<mark>{latin}</mark>&lt;/b&gt; &amp; Co", hit.Text("snippet"));
    }

    [Fact]
    public async Task TheSeededNegotiatorIsFoundAsTheAnalystTypesHim()
    {
        foreach (var typed in new[] { "Medinskiy", "Medinsky", "Мединский", "Medinskii", "мединск" })
        {
            var page = await _client.GetJsonAsync($"/api/v1/search?q={Uri.EscapeDataString(typed)}&type=person");
            Assert.Contains("vladimir-medinsky", page.Ids());
        }
    }

    [Fact]
    public async Task TheOpenApiDocumentListsPeopleAndPartiesAmongTheTypesAndSaysHowTheyAreFound()
    {
        using var document = JsonDocument.Parse(await _client.GetStringAsync("/swagger/v1/swagger.json"));
        var type = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("SearchType");
        var search = document.RootElement.GetProperty("paths").GetProperty("/api/v1/search").GetProperty("get");

        Assert.Equal(["round", "position", "statement", "agreement", "person", "party", "topic"], type.GetProperty("enum").Strings());
        Assert.Contains("Medinskiy, Medinsky, Medinskii and Мединский", search.GetProperty("description").GetString());
    }

    private async Task<List<string>> FoundAsync(string typed) =>
        (await _client.GetJsonAsync($"/api/v1/search?q={Uri.EscapeDataString(typed)}&type=person")).Ids();

    /// <summary>A name no other record holds, in Latin letters and in the Cyrillic ones they transliterate.</summary>
    private static (string Latin, string Cyrillic) UniqueStem()
    {
        var digits = Guid.NewGuid().ToString("N")[..10].Select(c => Convert.ToInt32(c.ToString(), 16)).ToArray();
        return ("Zk" + new string(digits.Select(d => "abvgdzklmnprtfou"[d]).ToArray()), "Зк" + new string(digits.Select(d => "абвгдзклмнпртфоу"[d]).ToArray()));
    }

    private static JsonObject WithOtherNames(JsonObject record, params (string Name, string? Language, string Kind)[] names)
    {
        record["otherNames"] = new JsonArray(names
            .Select(n => (JsonNode)new JsonObject { ["name"] = n.Name, ["language"] = n.Language, ["kind"] = n.Kind })
            .ToArray());
        return record;
    }
}
