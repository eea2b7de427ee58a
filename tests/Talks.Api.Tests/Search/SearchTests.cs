using System.Net;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Search;

public sealed class SearchTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task SearchingForThePrisonerSwapFindsTheAgreementWithAHighlightedSnippet()
    {
        var page = await _client.GetJsonAsync("/api/v1/search?q=prisoners&type=agreement");

        var hit = Assert.Single(page.Items(), h => h.Text("id") == "istanbul-2025-prisoner-exchange");
        Assert.Equal("agreement", hit.Text("type"));
        Assert.Equal("russia-ukraine-direct-talks", hit.Text("talkId"));
        Assert.Equal("/api/v1/agreements/istanbul-2025-prisoner-exchange", hit.Text("url"));
        Assert.Contains("<mark>", hit.Text("snippet"));
        Assert.All(page.Items(), h => Assert.Equal("agreement", h.Text("type")));
    }

    [Fact]
    public async Task SearchIgnoresAccentsSoAVenueIsFoundAsTyped()
    {
        var page = await _client.GetJsonAsync("/api/v1/search?q=dolmabahce&type=round");

        Assert.Contains("istanbul-2025-05-16", page.Ids());
    }

    [Theory]
    [InlineData("ciragan")]
    [InlineData("CIRAGAN")]
    [InlineData("çırağan")]
    [InlineData("Çıra")]
    public async Task TurkishLettersAreFoldedSoAPlaceIsFoundHoweverItIsTyped(string typed)
    {
        var word = "zq" + Guid.NewGuid().ToString("N")[..10];
        var turkish = await _client.CreateAsync("/api/v1/statements", Statement($"Met at Çırağan Palace {word}.", "hakan-fidan", "turkey"));
        var plain = await _client.CreateAsync("/api/v1/statements", Statement($"Met at Ciragan Palace {word}.", "hakan-fidan", "turkey"));

        var page = await _client.GetJsonAsync($"/api/v1/search?q={word}+{Uri.EscapeDataString(typed)}");

        Assert.Equal(new[] { plain.Text("id"), turkish.Text("id") }.Order(StringComparer.Ordinal), page.Ids().Order(StringComparer.Ordinal));
        var snippet = Assert.Single(page.Items(), h => h.Text("id") == turkish.Text("id")).Text("snippet");
        Assert.Contains("<mark>&#199;", snippet);
    }

    [Fact]
    public async Task ARoundFoundOnlyByItsVenueShowsItsVenueInTheSnippet()
    {
        var talk = (await _client.CreateAsync("/api/v1/talks", Talk(Unique("Venue talks")))).Text("id");
        var venue = "Zq" + Guid.NewGuid().ToString("N")[..10];
        var round = Round(Unique("Geneva"), "2025-02-01");
        round["venue"] = $"{venue} Palace";
        round["summary"] = "The delegations met for two hours and agreed to meet again.";
        var created = await _client.CreateAsync($"/api/v1/talks/{talk}/rounds", round);

        var hit = Assert.Single((await _client.GetJsonAsync($"/api/v1/search?q={venue}&type=round")).Items());

        Assert.Equal(created.Text("id"), hit.Text("id"));
        Assert.Contains($"<mark>{venue}</mark> Palace", hit.Text("snippet"));
    }

    [Fact]
    public async Task APositionIsTitledByThePartyThatTookItNotByIds()
    {
        var page = await _client.GetJsonAsync("/api/v1/search?q=unacceptable&type=position");

        var hit = Assert.Single(page.Items(), h => h.Text("id") == "ukraine-rejects-withdrawal-demand");
        Assert.Equal("Ukraine: rejection on territory", hit.Text("title"));
    }

    [Fact]
    public async Task TheLastWordMatchesAsAPrefixForSearchAsYouType()
    {
        var page = await _client.GetJsonAsync("/api/v1/search?q=unaccept");

        Assert.Contains("ukraine-rejects-withdrawal-demand", page.Ids());
    }

    [Theory]
    [InlineData(10)]
    [InlineData(12)]
    [InlineData(15)]
    public async Task ALongWordIsFoundFromItsFirstLetters(int typed)
    {
        var word = "zq" + Guid.NewGuid().ToString("N")[..16];
        var created = await _client.CreateAsync("/api/v1/statements", Statement($"The {word} clause holds.", "hakan-fidan", "turkey"));

        var hit = Assert.Single((await _client.GetJsonAsync($"/api/v1/search?q=clause+{word[..typed]}")).Items());

        Assert.Equal(created.Text("id"), hit.Text("id"));
        Assert.Equal($"The <mark>{word}</mark> <mark>clause</mark> holds.", hit.Text("snippet"));
    }

    [Fact]
    public async Task AWordTypedWithoutItsAccentsIsMarkedInTheSnippet()
    {
        var word = "zq" + Guid.NewGuid().ToString("N")[..10];
        await _client.CreateAsync("/api/v1/statements", Statement($"Met at Çanakkale {word}.", "hakan-fidan", "turkey"));

        var hit = Assert.Single((await _client.GetJsonAsync($"/api/v1/search?q={word}+canakkale")).Items());

        Assert.Equal($"Met at <mark>&#199;anakkale</mark> <mark>{word}</mark>.", hit.Text("snippet"));
    }

    [Fact]
    public async Task AWordInsideALongerWordDoesNotCountAsTheWord()
    {
        var word = "zq" + Guid.NewGuid().ToString("N")[..10];
        var twice = await _client.CreateAsync("/api/v1/statements", Statement($"{word} ceasefire, {word}.", "hakan-fidan", "turkey"));
        var insideAfter = await _client.CreateAsync("/api/v1/statements", Statement($"{word} ceasefire, a{word}", "hakan-fidan", "turkey"));
        var insideBefore = await _client.CreateAsync("/api/v1/statements", Statement($"{word} ceasefire, {word}a", "hakan-fidan", "turkey"));

        // Same lengths: only counting the word where it stands alone puts the record holding it twice first.
        var page = await _client.GetJsonAsync($"/api/v1/search?q={word}+cease");

        Assert.Equal(twice.Text("id"), page.Ids()[0]);
        var scores = page.Items().ToDictionary(h => h.Text("id")!, h => h.GetProperty("score").GetDouble());
        Assert.True(scores[twice.Text("id")!] > scores[insideAfter.Text("id")!], string.Join(", ", scores));
        Assert.True(scores[twice.Text("id")!] > scores[insideBefore.Text("id")!], string.Join(", ", scores));
    }

    [Fact]
    public async Task AccentsInARecordNeitherRaiseNorLowerItsRank()
    {
        var word = "zq" + Guid.NewGuid().ToString("N")[..10];
        await _client.CreateAsync("/api/v1/statements", Statement($"Met at Canakkale: {word}, {word} and canakkale.", "hakan-fidan", "turkey"));
        await _client.CreateAsync("/api/v1/statements", Statement($"Met at Çanakkale: {word}, {word} and çanakkale.", "hakan-fidan", "turkey"));

        var scores = (await _client.GetJsonAsync($"/api/v1/search?q={word}+canak")).Items().Select(h => h.GetProperty("score").GetDouble()).ToList();

        Assert.Equal(2, scores.Count);
        Assert.True(scores[0] > 0);
        Assert.Equal(scores[0], scores[1], 9);
    }

    [Fact]
    public async Task AWordInAnotherAlphabetIsFoundByItsFirstLettersInAnyCase()
    {
        var word = "zq" + Guid.NewGuid().ToString("N")[..10];
        await _client.CreateAsync("/api/v1/statements", Statement($"Переговори в Стамбулі {word}.", "hakan-fidan", "turkey"));

        var hit = Assert.Single((await _client.GetJsonAsync($"/api/v1/search?q={word}+{Uri.EscapeDataString("СТАМБУЛ")}")).Items());

        // Both words marked: the one typed in capitals and cut short as well (HTML escapes the Cyrillic letters).
        Assert.Equal(2, hit.Text("snippet")!.Split("<mark>").Length - 1);
    }

    [Fact]
    public async Task ACyrillicWordWithItsShortIIsFoundAsTyped()
    {
        var word = "zq" + Guid.NewGuid().ToString("N")[..10];
        await _client.CreateAsync("/api/v1/statements", Statement($"Мирный процесс {word}.", "hakan-fidan", "turkey"));

        var hit = Assert.Single((await _client.GetJsonAsync($"/api/v1/search?q={Uri.EscapeDataString("Мирный")}+{word}")).Items());

        Assert.Equal(2, hit.Text("snippet")!.Split("<mark>").Length - 1);
    }

    [Fact]
    public async Task ASnippetOfALongTextIsCutAroundTheMatch()
    {
        var word = "zq" + Guid.NewGuid().ToString("N")[..10];
        var before = string.Join(' ', Enumerable.Range(1, 40).Select(i => $"early{i}"));
        var after = string.Join(' ', Enumerable.Range(1, 40).Select(i => $"late{i}"));
        await _client.CreateAsync("/api/v1/statements", Statement($"{before} {word} {after}", "hakan-fidan", "turkey"));

        var hit = Assert.Single((await _client.GetJsonAsync($"/api/v1/search?q={word}")).Items());

        Assert.Equal(
            $"…early38 early39 early40 <mark>{word}</mark> late1 late2 late3 late4 late5 late6 late7 late8 " +
            "late9 late10 late11 late12 late13 late14 late15 late16…",
            hit.Text("snippet"));
    }

    [Fact]
    public async Task TheRecordThatIsMostAboutTheWordsComesFirst()
    {
        var word = "zq" + Guid.NewGuid().ToString("N")[..10];
        var filler = string.Join(' ', Enumerable.Range(1, 60).Select(i => $"filler{i}"));
        var inPassing = await _client.CreateAsync("/api/v1/statements", Statement($"{filler} {word}.", "hakan-fidan", "turkey"));
        var aboutIt = await _client.CreateAsync("/api/v1/statements", Statement($"{word}, and again {word}.", "hakan-fidan", "turkey"));
        var topic = (await _client.CreateAsync("/api/v1/topics", Topic($"{word} {word}"))).Text("id")!;
        var inTitle = await _client.CreateAsync("/api/v1/positions", Position("istanbul-2025-05-16", "ukraine", topic, "demand"));
        var sameButNewer = await _client.CreateAsync("/api/v1/statements", Statement($"{word}, and again {word}.", "hakan-fidan", "turkey"));

        // The topic, titled by the word, is a match of its own; the ranking compared here is of the records naming it.
        var hits = (await _client.GetJsonAsync($"/api/v1/search?q={word}")).Items().Where(h => h.Text("type") != "topic").ToList();

        Assert.Equal([inTitle.Text("id")!, sameButNewer.Text("id")!, aboutIt.Text("id")!, inPassing.Text("id")!], hits.Select(h => h.Text("id")!));
        var scores = hits.Select(h => h.GetProperty("score").GetDouble()).ToList();
        Assert.True(scores[0] > scores[1] && scores[1] == scores[2] && scores[2] > scores[3], string.Join(", ", scores));
    }

    [Fact]
    public async Task ANewRecordIsFoundAtOnceAndAnEditedOneByItsNewWords()
    {
        var word = "zq" + Guid.NewGuid().ToString("N")[..10];
        var created = await _client.CreateAsync("/api/v1/statements",
            Statement($"The {word} proposal stands.", "hakan-fidan", "turkey", "istanbul-2025-05-16"));
        Assert.Equal([created.Text("id")!], (await _client.GetJsonAsync($"/api/v1/search?q={word}")).Ids());

        var other = "zq" + Guid.NewGuid().ToString("N")[..10];
        using (var edit = await _client.PatchCurrentAsync($"/api/v1/statements/{created.Text("id")}", $$"""{ "quote": "The {{other}} proposal stands." }"""))
        {
            Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        }

        Assert.Empty((await _client.GetJsonAsync($"/api/v1/search?q={word}")).Items());
        Assert.Equal([created.Text("id")!], (await _client.GetJsonAsync($"/api/v1/search?q={other}")).Ids());
    }

    [Fact]
    public async Task ADeletedRecordIsNoLongerFound()
    {
        var word = "zq" + Guid.NewGuid().ToString("N")[..10];
        var created = await _client.CreateAsync("/api/v1/statements", Statement($"Gone {word}.", "hakan-fidan", "turkey"));

        using (var delete = await _client.DeleteCurrentAsync($"/api/v1/statements/{created.Text("id")}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }

        Assert.Empty((await _client.GetJsonAsync($"/api/v1/search?q={word}")).Items());
    }

    [Fact]
    public async Task MarkupInRecordsIsEscapedInSnippets()
    {
        var word = "zq" + Guid.NewGuid().ToString("N")[..10];
        await _client.CreateAsync("/api/v1/statements", Statement($"<script>alert(1)</script> {word}", "hakan-fidan", "turkey"));

        var hit = Assert.Single((await _client.GetJsonAsync($"/api/v1/search?q={word}")).Items());

        Assert.DoesNotContain("<script>", hit.Text("snippet"));
        Assert.Contains("&lt;script&gt;", hit.Text("snippet"));
    }

    [Fact]
    public async Task AStatementHitIsTitledWithItsSpeakerAndRound()
    {
        var page = await _client.GetJsonAsync("/api/v1/search?q=two+paths&type=statement");
        var fidan = Assert.Single(page.Items(), h => h.Text("id") == "fidan-two-paths");
        Assert.Equal("Hakan Fidan — Istanbul, 2025-05-16", fidan.Text("title"));

        var byBody = await _client.GetJsonAsync("/api/v1/search?q=unacceptable&type=statement");
        var ukraine = Assert.Single(byBody.Items(), h => h.Text("id") == "ukraine-new-and-unacceptable");
        Assert.Equal("Ukraine, Delegation of Ukraine — Istanbul, 2025-05-16", ukraine.Text("title"));
    }

    [Fact]
    public async Task AStatementOutsideAnyRoundIsTitledWithItsSpeakerAlone()
    {
        var word = "zq" + Guid.NewGuid().ToString("N")[..10];
        await _client.CreateAsync("/api/v1/statements", Statement($"Said {word} between rounds.", null, "turkey"));

        var hit = Assert.Single((await _client.GetJsonAsync($"/api/v1/search?q={word}")).Items());

        Assert.Equal("Turkey", hit.Text("title"));
    }

    [Fact]
    public async Task RenamingTheSpeakerRenamesTheirStatementHits()
    {
        var name = Unique("Speaker");
        var person = await _client.CreateAsync("/api/v1/people", Person(name, "turkey"));
        var word = "zq" + Guid.NewGuid().ToString("N")[..10];
        var statement = await _client.CreateAsync("/api/v1/statements", Statement($"Said {word}.", person.Text("id"), "turkey", "istanbul-2025-05-16"));
        Assert.Equal($"{name} — Istanbul, 2025-05-16", Assert.Single((await _client.GetJsonAsync($"/api/v1/search?q={word}")).Items()).Text("title"));

        var renamed = Unique("Renamed");
        using (var edit = await _client.PatchCurrentAsync($"/api/v1/people/{person.Text("id")}", $$"""{ "name": "{{renamed}}" }"""))
        {
            Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        }

        Assert.Equal($"{renamed} — Istanbul, 2025-05-16", Assert.Single((await _client.GetJsonAsync($"/api/v1/search?q={word}")).Items()).Text("title"));
        Assert.Equal([statement.Text("id")!], (await _client.GetJsonAsync($"/api/v1/search?q={renamed.Split(' ')[1]}&type=statement")).Ids());
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("NEAR(ukraine russia)")]
    [InlineData("title:ukraine")]
    [InlineData("ukraine AND OR NOT")]
    [InlineData("*")]
    [InlineData("ukraine\"*")]
    public async Task SearchSyntaxInTheQueryIsReadAsPlainWords(string q)
    {
        using var response = await _client.GetAsync($"/api/v1/search?q={Uri.EscapeDataString(q)}");

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"Answered {(int)response.StatusCode}.");
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            await response.ReadValidationProblemAsync("q");
        }
    }

    [Theory]
    [InlineData("", "q")]
    [InlineData("q=", "q")]
    [InlineData("q=!!!", "q")]
    [InlineData("q=ukraine&type=speaker", "type")]
    [InlineData("q=ukraine&limit=0", "limit")]
    [InlineData("q=ukraine&cursor=abc", "cursor")]
    [InlineData("q=ukraine&sort=score", "sort")]
    public async Task ABadSearchIsRejectedNamingTheParameter(string query, string parameter)
    {
        using var response = await _client.GetAsync($"/api/v1/search?{query}");

        await response.ReadValidationProblemAsync(parameter);
    }

    [Fact]
    public async Task SearchResultsPageWithoutRepeats()
    {
        var all = (await _client.GetJsonAsync("/api/v1/search?q=ukraine&limit=200")).Ids();
        Assert.True(all.Count > 3);

        var seen = new List<string>();
        string? next = "/api/v1/search?q=ukraine&limit=2";
        while (next is not null)
        {
            using var response = await _client.GetAsync(next);
            var page = await response.ReadJsonAsync(HttpStatusCode.OK);
            seen.AddRange(page.Ids());
            next = response.Link("next");
            Assert.True(seen.Count <= all.Count, "Paging went past the end.");
        }

        Assert.Equal(all, seen);
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
        using (var patched = await _client.PatchCurrentAsync($"/api/v1/positions/{created.Text("id")}",
            """{ "summary": "Offers <b>zanzibarian</b> mediation." }"""))
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
}
