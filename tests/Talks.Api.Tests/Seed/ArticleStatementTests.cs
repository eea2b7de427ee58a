using Talks.Api.Tests.Infrastructure;

namespace Talks.Api.Tests.Seed;

/// <summary>Each quote in the article, with who said it.</summary>
public sealed class ArticleStatementTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("fidan-two-paths", "hakan-fidan", "turkey", "two paths", "paraphrase")]
    [InlineData("kyslytsya-good-news-for-families", "serhiy-kyslytsya", "ukraine", "good news for 1,000 Ukrainian families", "verbatim")]
    [InlineData("umerov-exchange-soon", "rustem-umerov", "ukraine", "confidential", "paraphrase")]
    [InlineData("umerov-proposes-leaders-meeting", "rustem-umerov", "ukraine", "President Zelensky and President Putin", "paraphrase")]
    [InlineData("trump-own-involvement", "donald-trump", "united-states", "my own involvement", "paraphrase")]
    public async Task EachQuoteIsAttributedToItsSpeaker(string id, string person, string party, string words, string wording)
    {
        var statement = await _client.GetJsonAsync($"/api/v1/statements/{id}");

        Assert.Equal(person, statement.Text("speakerPersonId"));
        Assert.Equal(party, statement.Text("speakerPartyId"));
        Assert.Contains(words, statement.Text("quote"));
        Assert.Equal(wording, statement.Text("wording"));
        Assert.Equal("istanbul-2025-05-16", statement.Text("roundId"));
    }

    [Fact]
    public async Task UkrainesDelegationCalledTheDemandsNewAndUnacceptable()
    {
        var statement = await _client.GetJsonAsync("/api/v1/statements/ukraine-new-and-unacceptable");

        Assert.Equal("new and unacceptable", statement.Text("quote"));
        Assert.Equal("verbatim", statement.Text("wording"));
        Assert.Equal("ukraine", statement.Text("speakerPartyId"));
        Assert.True(statement.IsNull("speakerPersonId"), "The article names no single speaker.");
        Assert.Equal("2025-05-16", statement.Text("saidOn"));
    }

    [Fact]
    public async Task TheRussianForeignMinistryHadCalledZelenskyAClownAndALoser()
    {
        var statement = await _client.GetJsonAsync("/api/v1/statements/russian-foreign-ministry-clown-and-loser");

        Assert.Equal("a clown and a loser", statement.Text("quote"));
        Assert.Equal("verbatim", statement.Text("wording"));
        Assert.Equal("russia", statement.Text("speakerPartyId"));
        Assert.Equal("Ministry of Foreign Affairs", statement.Text("speakerBody"));
        Assert.True(statement.IsNull("speakerPersonId"));
        Assert.True(statement.IsNull("saidOn"), "The article does not date the insult.");
    }

    [Fact]
    public async Task AListOfWhatUmerovSaidHoldsBothOfHisStatements()
    {
        var page = await _client.GetJsonAsync("/api/v1/statements?speakerPersonId=rustem-umerov");

        Assert.Equal(["umerov-exchange-soon", "umerov-proposes-leaders-meeting"], page.Ids().Order());
    }

    [Theory]
    [InlineData("rustem-umerov", "Rustem Umerov", "Minister of Defence of Ukraine", "ukraine")]
    [InlineData("serhiy-kyslytsya", "Serhiy Kyslytsya", "First Deputy Minister of Foreign Affairs of Ukraine", "ukraine")]
    [InlineData("vladimir-medinsky", "Vladimir Medinsky", "Aide to the President of Russia", "russia")]
    [InlineData("hakan-fidan", "Hakan Fidan", "Minister of Foreign Affairs of Turkey", "turkey")]
    [InlineData("volodymyr-zelensky", "Volodymyr Zelensky", "President of Ukraine", "ukraine")]
    [InlineData("vladimir-putin", "Vladimir Putin", "President of Russia", "russia")]
    [InlineData("donald-trump", "Donald Trump", "President of the United States", "united-states")]
    public async Task EachNamedOfficialIsRecordedWithTheOfficeHeldAtTheTime(string id, string name, string office, string party)
    {
        var person = await _client.GetJsonAsync($"/api/v1/people/{id}");

        Assert.Equal(name, person.Text("name"));
        var heldThen = person.GetProperty("offices").EnumerateArray()
            .Where(o => string.CompareOrdinal(o.Text("from") ?? "", "2025-05-16") <= 0 && string.CompareOrdinal(o.Text("to") ?? "9999", "2025-05-16") >= 0);
        Assert.Equal(office, Assert.Single(heldThen).Text("title"));
        Assert.Equal(party, person.Text("partyId"));
    }

    [Fact]
    public async Task TheArticleIsASourceAndThePublicRecordEntriesCiteTheirOwnFacts()
    {
        var article = await _client.GetJsonAsync("/api/v1/sources/article-istanbul-talks-2025");
        var record = await _client.GetJsonAsync("/api/v1/sources/public-record-istanbul-2025-05-16");

        Assert.Equal("article", article.Text("kind"));
        Assert.Equal("Ukrainian and Russian Delegations Meet Amid Hostilities, Agree on Prisoner Swap", article.Text("title"));
        Assert.Equal("public-record", record.Text("kind"));
        Assert.Contains("16 May 2025", record.Text("notes"));
    }
}
