using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Tests.Infrastructure;
using Talks.Data.Entities;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Topics;

/// <summary>
/// One vocabulary of topics shared by positions and agreements: a tree with PA-X codes, unknown words refused with the
/// closest ids, a filter that takes in narrower topics, and admins who add, rename, move and retire topics.
/// </summary>
public sealed class TopicTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private const string Url = "/api/v1/topics";
    private const string Round = "istanbul-2025-05-16";
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task TheSeededVocabularyIsATreeWithPaxCodesAndEverySeededRecordNamesOneOfItsTopics()
    {
        var ceasefire = await _client.GetJsonAsync($"{Url}/ceasefire");
        var underCeasefire = await _client.GetJsonAsync($"{Url}?parentId=ceasefire");
        var topLevel = await _client.GetJsonAsync($"{Url}?parentId=none&limit=200");

        Assert.Equal(("Ceasefire", "security", "Ce"), (ceasefire.Text("label"), ceasefire.Text("parentId"), ceasefire.Text("paxCode")));
        Assert.Contains("energy-ceasefire", underCeasefire.Ids());
        Assert.Contains("prisoners", topLevel.Ids());
        Assert.DoesNotContain("ceasefire", topLevel.Ids());
        Assert.Equal("TjPrire", (await _client.GetJsonAsync($"{Url}/prisoners")).Text("paxCode"));

        var topics = (await _client.GetJsonAsync($"{Url}?limit=200")).Ids();
        foreach (var position in (await _client.GetJsonAsync($"/api/v1/positions?roundId={Round}&limit=200")).Items())
        {
            Assert.Contains(position.Text("topic"), topics);
        }

        var exchange = await _client.GetJsonAsync("/api/v1/agreements/istanbul-2025-prisoner-exchange");
        Assert.Equal(["prisoners"], exchange.GetProperty("topicIds").Strings());
    }

    [Fact]
    public async Task APositionNamingAWordOutsideTheVocabularyIsRefusedWithTheClosestIdsAndNothingIsWritten()
    {
        var summary = Unique("Misspelt topic");
        var body = Position(Round, "ukraine", "prisoner", "offer");
        body["summary"] = summary;

        using var response = await _client.PostJsonAsync("/api/v1/positions", body);

        var errors = await response.ReadValidationProblemAsync("topic");
        Assert.Contains("'prisoners'", errors["topic"][0]);
        Assert.False(await factory.InDatabaseAsync(db => db.Positions.AnyAsync(p => p.Summary == summary)));
    }

    [Fact]
    public async Task AnotherNameOfATopicIsRefusedOnWritesWithTheIdToUseAndFindsTheTopicOnReads()
    {
        using var response = await _client.PostJsonAsync("/api/v1/positions", Position(Round, "ukraine", "pows", "offer"));

        var errors = await response.ReadValidationProblemAsync("topic");
        Assert.Contains("another name for the topic 'prisoners'", errors["topic"][0]);
        var byAlias = await _client.GetJsonAsync($"/api/v1/positions?topic=pows&roundId={Round}");
        var byId = await _client.GetJsonAsync($"/api/v1/positions?topic=prisoners&roundId={Round}");
        Assert.NotEmpty(byId.Items());
        Assert.Equal(byId.Ids(), byAlias.Ids());
    }

    [Fact]
    public async Task AFilterOnATopicTakesInTheTopicsBeneathItOnPositionsAgreementsAndTheMatrix()
    {
        var broad = (await _client.CreateAsync(Url, Topic(Unique("Broad")))).Text("id")!;
        var narrow = (await _client.CreateAsync(Url, Topic(Unique("Narrow"), broad))).Text("id")!;
        var talk = (await _client.CreateAsync("/api/v1/talks", Talk(Unique("Topic tree talks")))).Text("id");
        var round = (await _client.CreateAsync($"/api/v1/talks/{talk}/rounds", TestData.Round(Unique("Geneva"), "2025-06-01"))).Text("id")!;
        var onBroad = (await _client.CreateAsync("/api/v1/positions", Position(round, "russia", broad, "demand"))).Text("id")!;
        var onNarrow = (await _client.CreateAsync("/api/v1/positions", Position(round, "ukraine", narrow, "proposal"))).Text("id")!;
        var agreement = Agreement(Unique("Narrow deal"), round);
        agreement["topicIds"] = new JsonArray(narrow);
        var deal = (await _client.CreateAsync("/api/v1/agreements", agreement)).Text("id")!;

        Assert.Equal([onBroad, onNarrow], (await _client.GetJsonAsync($"/api/v1/positions?topic={broad}")).Ids().Order());
        Assert.Equal([onNarrow], (await _client.GetJsonAsync($"/api/v1/positions?topic={narrow}")).Ids());
        Assert.Equal([deal], (await _client.GetJsonAsync($"/api/v1/agreements?topic={broad}")).Ids());
        Assert.Empty((await _client.GetJsonAsync($"/api/v1/agreements?topic=ceasefire&roundId={round}")).Items());
        var cells = (await _client.GetJsonAsync($"/api/v1/talks/{talk}/positions/matrix?topic={broad}")).Items();
        Assert.Equal([broad, narrow], cells.Select(c => c.Text("topic")!).Order());
        Assert.Contains(cells, c => c.Text("topic") == narrow && c.Text("topicLabel")!.StartsWith("Narrow", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AFilterOnATopicTakesInEveryLevelBeneathItAndNothingBesideOrAboveIt()
    {
        var broad = (await _client.CreateAsync(Url, Topic(Unique("Humanitarian")))).Text("id")!;
        var middle = (await _client.CreateAsync(Url, Topic(Unique("Detainees"), broad))).Text("id")!;
        var narrow = (await _client.CreateAsync(Url, Topic(Unique("Child detainees"), middle))).Text("id")!;
        var beside = (await _client.CreateAsync(Url, Topic(Unique("Civilian corridors"), broad))).Text("id")!;
        var talk = (await _client.CreateAsync("/api/v1/talks", Talk(Unique("Three level talks")))).Text("id");
        var round = (await _client.CreateAsync($"/api/v1/talks/{talk}/rounds", TestData.Round(Unique("Geneva"), "2025-06-01"))).Text("id")!;
        var onBroad = (await _client.CreateAsync("/api/v1/positions", Position(round, "russia", broad, "demand"))).Text("id")!;
        var onMiddle = (await _client.CreateAsync("/api/v1/positions", Position(round, "ukraine", middle, "proposal"))).Text("id")!;
        var onNarrow = (await _client.CreateAsync("/api/v1/positions", Position(round, "turkey", narrow, "proposal"))).Text("id")!;
        var onBeside = (await _client.CreateAsync("/api/v1/positions", Position(round, "ukraine", beside, "demand"))).Text("id")!;
        var deal = Agreement(Unique("Child detainee return"), round);
        deal["topicIds"] = new JsonArray(narrow);
        var onNarrowDeal = (await _client.CreateAsync("/api/v1/agreements", deal)).Text("id")!;

        Assert.Equal(new[] { onBroad, onMiddle, onNarrow, onBeside }.Order(),
            (await _client.GetJsonAsync($"/api/v1/positions?topic={broad}&limit=100")).Ids().Order());
        Assert.Equal(new[] { onMiddle, onNarrow }.Order(), (await _client.GetJsonAsync($"/api/v1/positions?topic={middle}&limit=100")).Ids().Order());
        Assert.Equal([onNarrow], (await _client.GetJsonAsync($"/api/v1/positions?topic={narrow}&limit=100")).Ids());
        Assert.Equal([onNarrowDeal], (await _client.GetJsonAsync($"/api/v1/agreements?topic={broad}&limit=100")).Ids());
        Assert.Equal([onNarrowDeal], (await _client.GetJsonAsync($"/api/v1/agreements?topic={middle}&limit=100")).Ids());
        var matrix = $"/api/v1/talks/{talk}/positions/matrix?limit=100&topic=";
        Assert.Equal(new[] { broad, middle, narrow, beside }.Order(),
            (await _client.GetJsonAsync(matrix + broad)).Items().Select(c => c.Text("topic")!).Order());
        Assert.Equal(new[] { middle, narrow }.Order(), (await _client.GetJsonAsync(matrix + middle)).Items().Select(c => c.Text("topic")!).Order());
        Assert.Equal([narrow], (await _client.GetJsonAsync(matrix + narrow)).Items().Select(c => c.Text("topic")!));
    }

    [Fact]
    public async Task AListFilterOnAnUnknownTopicIsA400NamingTheClosestIds()
    {
        foreach (var url in new[]
        {
            "/api/v1/positions?topic=ceasfire",
            "/api/v1/agreements?topic=ceasfire",
            "/api/v1/talks/russia-ukraine-direct-talks/positions/matrix?topic=ceasfire",
        })
        {
            using var response = await _client.GetAsync(url);

            var errors = await response.ReadValidationProblemAsync("topic");
            Assert.Contains("'ceasefire'", errors["topic"][0]);
        }
    }

    [Fact]
    public async Task AnAgreementNamingAnUnknownTopicIsRefusedAndNothingIsWritten()
    {
        var title = Unique("Unknown topic deal");
        var body = Agreement(title, Round);
        body["topicIds"] = new JsonArray("prisoners", "grain-deals");

        using var response = await _client.PostJsonAsync("/api/v1/agreements", body);

        var errors = await response.ReadValidationProblemAsync("topicIds[1]");
        Assert.Contains("'grain-exports'", errors["topicIds[1]"][0]);
        Assert.False(await factory.InDatabaseAsync(db => db.Agreements.AnyAsync(a => a.Title == title)));
    }

    [Fact]
    public async Task AnAgreementNamingThousandsOfTopicsIsRefusedForItsLengthWithoutLookingEachOneUp()
    {
        var title = Unique("Every topic deal");
        var body = Agreement(title, Round);
        body["topicIds"] = new JsonArray([.. Enumerable.Range(0, 5000).Select(i => (JsonNode)$"no-such-topic-{i}")]);

        using var response = await _client.PostJsonAsync("/api/v1/agreements", body);

        var errors = await response.ReadValidationProblemAsync("topicIds");
        Assert.Contains("at most 20 topics", errors["topicIds"][0]);
        Assert.DoesNotContain(errors.Keys, key => key.StartsWith("topicIds[", StringComparison.Ordinal));
        Assert.False(await factory.InDatabaseAsync(db => db.Agreements.AnyAsync(a => a.Title == title)));
    }

    [Fact]
    public async Task ARoundPostedWholeWithAPositionOnAnUnknownTopicWritesNothing()
    {
        var talk = (await _client.CreateAsync("/api/v1/talks", Talk(Unique("Whole round topics")))).Text("id");
        var city = Unique("Riyadh");
        var whole = TestData.Round(city, "2025-03-24");
        var proposal = Position(Round, "ukraine", "maritime-ceasefire", "proposal");
        var demand = Position(Round, "russia", "shipping-lanes", "demand");
        proposal.Remove("roundId");
        demand.Remove("roundId");
        whole["positions"] = new JsonArray(proposal, demand);

        using var response = await _client.PostJsonAsync($"/api/v1/talks/{talk}/rounds", whole);

        var errors = await response.ReadValidationProblemAsync("positions[1].topic");
        Assert.Contains("'shipping'", errors["positions[1].topic"][0]);
        Assert.False(await factory.InDatabaseAsync(db => db.Rounds.AnyAsync(r => r.City == city)));
    }

    [Fact]
    public async Task OnlyAdminsCurateTheVocabulary()
    {
        using var analyst = factory.CreateClient(ApiKeyRole.Analyst);

        using var refused = await analyst.PostJsonAsync(Url, Topic(Unique("Analyst topic")));
        using var readable = await analyst.GetAsync($"{Url}/ceasefire");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, readable.StatusCode);
    }

    [Fact]
    public async Task AnAdminRenamesAndMovesATopicAndItsHistoryShowsBoth()
    {
        var first = (await _client.CreateAsync(Url, Topic(Unique("First home")))).Text("id")!;
        var second = (await _client.CreateAsync(Url, Topic(Unique("Second home")))).Text("id")!;
        var topic = (await _client.CreateAsync(Url, Topic(Unique("Wanderer"), first))).Text("id")!;

        using (var renamed = await _client.PatchCurrentAsync($"{Url}/{topic}", """{ "label": "Renamed wanderer" }"""))
        {
            Assert.Equal("Renamed wanderer", (await renamed.ReadJsonAsync(HttpStatusCode.OK)).Text("label"));
        }

        using (var moved = await _client.PatchCurrentAsync($"{Url}/{topic}", $$"""{ "parentId": "{{second}}" }"""))
        {
            Assert.Equal(second, (await moved.ReadJsonAsync(HttpStatusCode.OK)).Text("parentId"));
        }

        Assert.Equal([topic], (await _client.GetJsonAsync($"{Url}?parentId={second}")).Ids());
        Assert.Empty((await _client.GetJsonAsync($"{Url}?parentId={first}")).Items());
        var fields = (await _client.GetJsonAsync($"{Url}/{topic}/history")).Items()
            .SelectMany(c => c.GetProperty("changes").EnumerateObject().Select(f => f.Name)).ToList();
        Assert.Contains("label", fields);
        Assert.Contains("parentId", fields);
    }

    [Fact]
    public async Task ATopicCannotMoveBeneathItselfNorTakeANameAnotherTopicHas()
    {
        var top = (await _client.CreateAsync(Url, Topic(Unique("Top")))).Text("id")!;
        var below = (await _client.CreateAsync(Url, Topic(Unique("Below"), top))).Text("id")!;

        using var cycle = await _client.PatchCurrentAsync($"{Url}/{top}", $$"""{ "parentId": "{{below}}" }""");
        using var taken = await _client.PatchCurrentAsync($"{Url}/{top}", """{ "aliases": ["pows"] }""");
        using var self = await _client.PostJsonAsync(Url, Topic(Unique("Self"), parentId: "no-such-topic"));

        await cycle.ReadValidationProblemAsync("parentId");
        Assert.Contains("'prisoners'", (await taken.ReadValidationProblemAsync("aliases"))["aliases"][0]);
        await self.ReadValidationProblemAsync("parentId");
        Assert.Null((await _client.GetJsonAsync($"{Url}/{top}")).Text("parentId"));
    }

    [Fact]
    public async Task RetiringATopicHandsItsPositionsAgreementsNarrowerTopicsAndNamesToItsReplacement()
    {
        var replacement = (await _client.CreateAsync(Url, Topic(Unique("Replacement")))).Text("id")!;
        var oldWord = IdFrom(Unique("old-word"));
        var retired = (await _client.CreateAsync(Url, Topic(Unique("Retiring"), null, oldWord))).Text("id")!;
        var child = (await _client.CreateAsync(Url, Topic(Unique("Child"), retired))).Text("id")!;
        var position = (await _client.CreateAsync("/api/v1/positions", Position(Round, "ukraine", retired, "proposal"))).Text("id");
        var agreement = Agreement(Unique("Retiring deal"), Round);
        agreement["topicIds"] = new JsonArray(retired, replacement);
        var deal = (await _client.CreateAsync("/api/v1/agreements", agreement)).Text("id");

        using var response = await RetireAsync(retired, replacement);

        var answer = await response.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(replacement, answer.Text("replacedById"));
        Assert.False(answer.IsNull("retiredAt"));
        Assert.Equal(replacement, (await _client.GetJsonAsync($"/api/v1/positions/{position}")).Text("topic"));
        Assert.Equal([replacement], (await _client.GetJsonAsync($"/api/v1/agreements/{deal}")).GetProperty("topicIds").Strings());
        Assert.Equal(replacement, (await _client.GetJsonAsync($"{Url}/{child}")).Text("parentId"));
        Assert.Contains(oldWord, (await _client.GetJsonAsync($"{Url}/{replacement}")).GetProperty("aliases").Strings());
        Assert.Contains(position, (await _client.GetJsonAsync($"/api/v1/positions?topic={retired}")).Ids());
        Assert.DoesNotContain(retired, (await _client.GetJsonAsync($"{Url}?limit=200")).Ids());
        Assert.Contains(retired, (await _client.GetJsonAsync($"{Url}?retired=true&limit=200")).Ids());

        using var reuse = await _client.PostJsonAsync("/api/v1/positions", Position(Round, "russia", retired, "demand"));
        Assert.Contains($"use '{replacement}'", (await reuse.ReadValidationProblemAsync("topic"))["topic"][0]);
        using var again = await RetireAsync(retired, replacement);
        await again.ReadProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task ATopicCannotBeRetiredInFavourOfItselfOrOfATopicBeneathIt()
    {
        var parent = (await _client.CreateAsync(Url, Topic(Unique("Parent")))).Text("id")!;
        var child = (await _client.CreateAsync(Url, Topic(Unique("Child"), parent))).Text("id")!;

        using var toChild = await RetireAsync(parent, child);
        using var toItself = await RetireAsync(parent, parent);
        using var toNothing = await RetireAsync(parent, "no-such-topic");

        await toChild.ReadValidationProblemAsync("replacedById");
        await toItself.ReadValidationProblemAsync("replacedById");
        await toNothing.ReadValidationProblemAsync("replacedById");
        Assert.True((await _client.GetJsonAsync($"{Url}/{parent}")).IsNull("retiredAt"));
    }

    [Fact]
    public async Task ATopicInUseCannotBeDeletedButAnUnusedOneCan()
    {
        var used = (await _client.CreateAsync(Url, Topic(Unique("Used")))).Text("id")!;
        var unused = (await _client.CreateAsync(Url, Topic(Unique("Unused")))).Text("id")!;
        await _client.CreateAsync("/api/v1/positions", Position(Round, "ukraine", used, "proposal"));

        using var refused = await _client.DeleteCurrentAsync($"{Url}/{used}");
        using var deleted = await _client.DeleteCurrentAsync($"{Url}/{unused}");

        var problem = await refused.ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.True(problem.GetProperty("references").TryGetProperty("positions", out _));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.True(await factory.InDatabaseAsync(db => db.Topics.AnyAsync(t => t.Id == used)));
        Assert.False(await factory.InDatabaseAsync(db => db.Topics.AnyAsync(t => t.Id == unused)));
    }

    /// <summary>Retires <paramref name="id"/> with its current ETag, as a careful admin does.</summary>
    private async Task<HttpResponseMessage> RetireAsync(string id, string replacedById)
    {
        var (_, etag) = await _client.GetWithETagAsync($"{Url}/{id}");
        return await _client.SendAsync(HttpMethod.Post, $"{Url}/{id}/retire", Http.Json($$"""{ "replacedById": "{{replacedById}}" }"""), etag);
    }
}
