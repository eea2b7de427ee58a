using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Rounds;

/// <summary>
/// An analyst posts a round with everything that happened in it — new sources, parties and people included — and it
/// is stored whole or not at all.
/// </summary>
public sealed class WholeRoundTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private const string TalkRounds = "/api/v1/talks/russia-ukraine-direct-talks/rounds";

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task ARoundPostedWithEverythingInItIsStoredAndReadBackInOneRequest()
    {
        var talk = await CreateTalkAsync();
        var part = new Parts();

        using var response = await _client.PostJsonAsync($"/api/v1/talks/{talk}/rounds", part.WholeRound());

        var round = await response.ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(part.RoundId, round.Text("id"));
        Assert.Contains(round.GetProperty("participants").EnumerateArray(), p => p.Text("partyId") == part.PartyId && p.Text("role") == "mediator");
        Assert.Contains(round.GetProperty("delegates").EnumerateArray(), d => d.Text("personId") == part.PersonId && d.Text("personName") == part.PersonName);
        Assert.Equal([part.ProposalId, part.RejectionId], round.GetProperty("positions").Ids().Order());
        var rejection = round.GetProperty("positions").WithId(part.RejectionId);
        Assert.Equal(part.ProposalId, rejection.Text("answersId"));
        Assert.Equal(part.RoundId, rejection.Text("roundId"));
        var statement = Assert.Single(round.GetProperty("statements").EnumerateArray());
        Assert.Equal(part.PersonId, statement.Text("speakerPersonId"));
        var agreement = Assert.Single(round.GetProperty("agreements").EnumerateArray());
        Assert.Equal(part.RoundId, agreement.Text("roundId"));
        Assert.Contains(agreement.GetProperty("obligations").EnumerateArray(), o => o.Text("partyId") == part.PartyId);

        Assert.Equal(part.SourceId, (await _client.GetJsonAsync($"/api/v1/sources/{part.SourceId}")).Text("id"));
        Assert.Equal(part.PartyId, (await _client.GetJsonAsync($"/api/v1/parties/{part.PartyId}")).Text("id"));
        Assert.Equal(part.PartyId, (await _client.GetJsonAsync($"/api/v1/people/{part.PersonId}")).Text("partyId"));
        Assert.Equal(round.ToString(), (await _client.GetJsonAsync($"/api/v1/rounds/{part.RoundId}")).ToString());
    }

    [Fact]
    public async Task ABadPartLeavesNoTraceOfTheRoundOrOfWhatCameWithIt()
    {
        var talk = await CreateTalkAsync();
        var part = new Parts();
        var body = part.WholeRound();
        body["positions"]![1]!["partyId"] = "atlantis";

        using var response = await _client.PostJsonAsync($"/api/v1/talks/{talk}/rounds", body);

        var errors = await response.ReadValidationProblemAsync("positions[1].partyId");
        Assert.Contains("atlantis", errors["positions[1].partyId"][0]);
        await AssertNothingOfAsync(part);
    }

    [Fact]
    public async Task EveryBadPartIsNamedByItsPlaceInTheRequest()
    {
        var talk = await CreateTalkAsync();
        var part = new Parts();
        var body = part.WholeRound();
        body["statements"]![0]!["quote"] = "";
        body["agreements"]![0]!["obligations"]![1]!["partyId"] = "nowhere-land";
        body["people"]![0]!["partyId"] = "unknown-party";
        body["sources"]![0]!["url"] = "not a url";

        using var response = await _client.PostJsonAsync($"/api/v1/talks/{talk}/rounds", body);

        await response.ReadValidationProblemAsync(
            "statements[0].quote", "agreements[0].obligations[1].partyId", "people[0].partyId", "sources[0].url");
        await AssertNothingOfAsync(part);
    }

    [Fact]
    public async Task APartClaimingAnotherRoundIsRejected()
    {
        var talk = await CreateTalkAsync();
        var part = new Parts();
        var body = part.WholeRound();
        body["positions"]![0]!["roundId"] = "istanbul-2025-05-16";

        using var response = await _client.PostJsonAsync($"/api/v1/talks/{talk}/rounds", body);

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(Problem.Errors(problem).Keys, k => k.StartsWith("positions[0]", StringComparison.Ordinal));
        await AssertNothingOfAsync(part);
    }

    [Fact]
    public async Task AnIdSentTwiceInOneListIsRejectedNamingTheSecond()
    {
        var talk = await CreateTalkAsync();
        var part = new Parts();
        var body = part.WholeRound();
        body["positions"]![1]!["id"] = part.ProposalId;
        body["positions"]![1]!["answersId"] = null;

        using var response = await _client.PostJsonAsync($"/api/v1/talks/{talk}/rounds", body);

        await response.ReadValidationProblemAsync("positions[1].id");
        await AssertNothingOfAsync(part);
    }

    [Fact]
    public async Task ANewPartyWithoutAnIdIsRejectedBecauseNothingCouldReferToIt()
    {
        var talk = await CreateTalkAsync();
        var part = new Parts();
        var body = part.WholeRound();
        body["parties"]![0]!.AsObject().Remove("id");

        using var response = await _client.PostJsonAsync($"/api/v1/talks/{talk}/rounds", body);

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(Problem.Errors(problem).Keys, k => k.StartsWith("parties[0]", StringComparison.Ordinal));
        await AssertNothingOfAsync(part);
    }

    [Fact]
    public async Task SendingAPartyThatExistsAlreadyIsRejectedRatherThanOverwritingIt()
    {
        var talk = await CreateTalkAsync();
        var part = new Parts();
        var body = part.WholeRound();
        body["parties"]!.AsArray().Add(Party("Ukraine renamed", id: "ukraine"));

        using var response = await _client.PostJsonAsync($"/api/v1/talks/{talk}/rounds", body);

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(Problem.Errors(problem).Keys, k => k.StartsWith("parties[1]", StringComparison.Ordinal));
        Assert.Equal("Ukraine", (await _client.GetJsonAsync("/api/v1/parties/ukraine")).Text("name"));
        await AssertNothingOfAsync(part);
    }

    [Fact]
    public async Task PartsWithoutIdsThatWouldShareOneGetNumberedIds()
    {
        var talk = await CreateTalkAsync();
        var city = Unique("Doha");
        var body = Round(city, "2025-07-07");
        var first = Position(null!, "ukraine", "prisoners", "offer");
        first.Remove("roundId");
        var second = first.DeepClone().AsObject();
        second["summary"] = "A second offer on prisoners.";
        body["positions"] = new JsonArray(first, second);

        var round = await _client.CreateAsync($"/api/v1/talks/{talk}/rounds", body);

        var ids = round.GetProperty("positions").Ids();
        Assert.Equal(2, ids.Distinct().Count());
        Assert.All(ids, id => Assert.StartsWith("ukraine-offer-prisoners", id));
    }

    [Fact]
    public async Task StatementsAndAgreementsKeepTheIdsSentAndThoseWithoutOneStepAroundThem()
    {
        var talk = await CreateTalkAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var body = Round(Unique("Tallinn"), "2025-07-09");
        var kept = Statement($"Kept {tag}", "rustem-umerov", "ukraine");
        kept["id"] = $"kept-statement-{tag}";
        // Sent with the very id a statement without one would get from its speaker and words.
        var named = Statement($"Agreed {tag}", "rustem-umerov", "ukraine");
        named["id"] = $"rustem-umerov-agreed-{tag}";
        body["statements"] = new JsonArray(kept, named, Statement($"Agreed {tag}", "rustem-umerov", "ukraine"));
        var keptDeal = Agreement($"Kept deal {tag}", "unused");
        keptDeal["id"] = $"kept-agreement-{tag}";
        var namedDeal = Agreement($"Deal {tag}", "unused");
        namedDeal["id"] = $"deal-{tag}";
        var bareDeal = Agreement($"Deal {tag}", "unused");
        foreach (var agreement in new[] { keptDeal, namedDeal, bareDeal })
        {
            agreement.Remove("roundId");
        }

        body["agreements"] = new JsonArray(keptDeal, namedDeal, bareDeal);

        var round = await _client.CreateAsync($"/api/v1/talks/{talk}/rounds", body);

        Assert.Equal(
            [$"kept-statement-{tag}", $"rustem-umerov-agreed-{tag}", $"rustem-umerov-agreed-{tag}-2"],
            round.GetProperty("statements").Ids().Order());
        Assert.Equal([$"deal-{tag}", $"deal-{tag}-2", $"kept-agreement-{tag}"], round.GetProperty("agreements").Ids().Order());
    }

    [Fact]
    public async Task APositionMayAnswerOneListedAfterIt()
    {
        var talk = await CreateTalkAsync();
        var part = new Parts();
        var body = part.WholeRound();
        var positions = body["positions"]!.AsArray();
        var proposal = positions[0]!;
        positions.RemoveAt(0);
        positions.Add(proposal);

        var round = await _client.CreateAsync($"/api/v1/talks/{talk}/rounds", body);

        Assert.Equal(part.ProposalId, round.GetProperty("positions").WithId(part.RejectionId).Text("answersId"));
    }

    [Fact]
    public async Task ATakenSequenceNumberAnswersConflictAndLeavesNoTrace()
    {
        var talk = await CreateTalkAsync();
        await _client.CreateAsync($"/api/v1/talks/{talk}/rounds", Round(Unique("Earlier"), "2025-01-01"));
        var part = new Parts();
        var body = part.WholeRound();
        body["sequence"] = 1;

        using var response = await _client.PostJsonAsync($"/api/v1/talks/{talk}/rounds", body);

        await response.ReadProblemAsync(HttpStatusCode.Conflict);
        await AssertNothingOfAsync(part);
    }

    [Fact]
    public async Task ARoundIdThatIsTakenAnswersConflictAndLeavesNoTrace()
    {
        var talk = await CreateTalkAsync();
        var part = new Parts();
        var body = part.WholeRound();
        body["id"] = "istanbul-2025-05-16";
        foreach (var list in new[] { "positions" })
        {
            foreach (var item in body[list]!.AsArray())
            {
                item!.AsObject().Remove("roundId");
            }
        }

        body["agreements"]![0]!.AsObject().Remove("roundId");

        using var response = await _client.PostJsonAsync($"/api/v1/talks/{talk}/rounds", body);

        var problem = await response.ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("istanbul-2025-05-16", problem.Text("detail"));
        Assert.False(await factory.InDatabaseAsync(db => db.Parties.AnyAsync(p => p.Id == part.PartyId)), "The new party was written.");
        Assert.False(await factory.InDatabaseAsync(db => db.Positions.AnyAsync(p => p.Id == part.ProposalId)), "A position was written.");
    }

    [Fact]
    public async Task RetryingAWholeRoundWithItsIdempotencyKeyStoresItOnce()
    {
        var talk = await CreateTalkAsync();
        var part = new Parts();
        var key = Guid.NewGuid().ToString("N");

        using var first = await PostWithKeyAsync($"/api/v1/talks/{talk}/rounds", part.WholeRound(), key);
        using var retry = await PostWithKeyAsync($"/api/v1/talks/{talk}/rounds", part.WholeRound(), key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(1, await factory.InDatabaseAsync(db => db.Rounds.CountAsync(r => r.TalkId == talk)));
        Assert.Equal(1, await factory.InDatabaseAsync(db => db.Parties.CountAsync(p => p.Id == part.PartyId)));
    }

    private Task<HttpResponseMessage> PostWithKeyAsync(string url, JsonObject body, string idempotencyKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = Http.Json(body) };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return _client.SendAsync(request);
    }

    [Fact]
    public async Task APlainRoundWithoutPartsIsStillAccepted()
    {
        var talk = await CreateTalkAsync();

        var round = await _client.CreateAsync($"/api/v1/talks/{talk}/rounds", Round(Unique("Baku"), "2025-07-08"));

        Assert.Equal(0, round.GetProperty("positions").GetArrayLength());
        Assert.Equal(0, round.GetProperty("agreements").GetArrayLength());
    }

    private async Task<string> CreateTalkAsync() =>
        (await _client.CreateAsync("/api/v1/talks", Talk(Unique("Whole talks")))).Text("id")!;

    private async Task AssertNothingOfAsync(Parts part)
    {
        Assert.False(await factory.InDatabaseAsync(db => db.Rounds.AnyAsync(r => r.Id == part.RoundId)), "The round was written.");
        Assert.False(await factory.InDatabaseAsync(db => db.Sources.AnyAsync(s => s.Id == part.SourceId)), "The new source was written.");
        Assert.False(await factory.InDatabaseAsync(db => db.Parties.AnyAsync(p => p.Id == part.PartyId)), "The new party was written.");
        Assert.False(await factory.InDatabaseAsync(db => db.People.AnyAsync(p => p.Id == part.PersonId)), "The new person was written.");
        Assert.False(await factory.InDatabaseAsync(db => db.Positions.AnyAsync(p => p.Id == part.ProposalId || p.Id == part.RejectionId)),
            "A position was written.");
    }

    /// <summary>One round's worth of new records whose ids refer to one another.</summary>
    private sealed class Parts
    {
        private readonly string _tag = Guid.NewGuid().ToString("N")[..8];

        public string RoundId => $"valletta-{_tag}";
        public string SourceId => $"report-{_tag}";
        public string PartyId => $"mediating-state-{_tag}";
        public string PersonId => $"envoy-{_tag}";
        public string PersonName => $"Envoy {_tag}";
        public string ProposalId => $"proposal-{_tag}";
        public string RejectionId => $"rejection-{_tag}";

        public JsonObject WholeRound()
        {
            var body = Round("Valletta", "2025-07-01",
                new JsonArray(Participant("ukraine", "negotiating-party"), Participant("russia", "negotiating-party"), Participant(PartyId, "mediator")),
                new JsonArray(Delegate("rustem-umerov", "ukraine", "head"), Delegate(PersonId, PartyId, "head")));
            body["id"] = RoundId;
            body["sourceIds"] = new JsonArray(ArticleSource, SourceId);

            var source = Source($"Report {_tag}", "report");
            source["id"] = SourceId;
            body["sources"] = new JsonArray(source);

            var party = Party($"Mediating State {_tag}", id: PartyId);
            party["sourceIds"] = new JsonArray(SourceId);
            body["parties"] = new JsonArray(party);

            var person = Person(PersonName, PartyId, "Special Envoy");
            person["id"] = PersonId;
            body["people"] = new JsonArray(person);

            var proposal = Position(RoundId, "ukraine", "ceasefire", "proposal");
            proposal["id"] = ProposalId;
            var rejection = Position(RoundId, "russia", "ceasefire", "rejection", answersId: ProposalId);
            rejection["id"] = RejectionId;
            rejection.Remove("roundId");
            body["positions"] = new JsonArray(proposal, rejection);

            var statement = Statement("Both sides must keep talking.", PersonId, PartyId);
            body["statements"] = new JsonArray(statement);

            var agreement = Agreement($"Mediated exchange {_tag}", RoundId);
            agreement.Remove("roundId");
            agreement["obligations"]!.AsArray().Add(Obligation(PartyId, null, null));
            agreement["obligations"]![2]!["description"] = "Oversee the exchange.";
            body["agreements"] = new JsonArray(agreement);
            return body;
        }
    }

    private static JsonObject WholeRound(string suffix)
    {
        var round = Round("Istanbul", "2025-06-02");
        round["id"] = $"istanbul-whole-{suffix}";
        round["sources"] = new JsonArray(new JsonObject { ["id"] = $"report-{suffix}", ["title"] = "Wire report on the second round", ["kind"] = "article" });
        round["sourceIds"] = new JsonArray($"report-{suffix}");
        round["parties"] = new JsonArray(new JsonObject
        {
            ["id"] = $"observer-{suffix}",
            ["name"] = $"Observer {suffix}",
            ["kind"] = "international-organisation",
            ["sourceIds"] = new JsonArray($"report-{suffix}"),
        });
        round["people"] = new JsonArray(new JsonObject
        {
            ["id"] = $"envoy-{suffix}",
            ["name"] = $"Envoy {suffix}",
            ["partyId"] = $"observer-{suffix}",
            ["sourceIds"] = new JsonArray($"report-{suffix}"),
        });
        round["positions"] = new JsonArray(
            new JsonObject
            {
                ["id"] = $"russia-memorandum-{suffix}",
                ["partyId"] = "russia",
                ["topic"] = "ceasefire",
                ["kind"] = "proposal",
                ["summary"] = "A memorandum setting out conditions for a ceasefire.",
                ["sourceIds"] = new JsonArray($"report-{suffix}"),
            },
            new JsonObject
            {
                ["partyId"] = "ukraine",
                ["topic"] = "ceasefire",
                ["kind"] = "rejection",
                ["summary"] = "The conditions amount to an ultimatum.",
                ["answersId"] = $"russia-memorandum-{suffix}",
                ["voicedById"] = "rustem-umerov",
                ["sourceIds"] = new JsonArray(ArticleSource),
            },
            new JsonObject
            {
                ["partyId"] = $"observer-{suffix}",
                ["topic"] = "humanitarian-access",
                ["kind"] = "offer",
                ["summary"] = "Offers to monitor exchanges.",
                ["voicedById"] = $"envoy-{suffix}",
                ["sourceIds"] = new JsonArray($"report-{suffix}"),
            });
        round["statements"] = new JsonArray(new JsonObject
        {
            ["speakerPersonId"] = $"envoy-{suffix}",
            ["quote"] = "We stand ready.",
            ["wording"] = "verbatim",
            ["sourceIds"] = new JsonArray($"report-{suffix}"),
        });
        var agreement = Agreement("Exchange of the bodies of the fallen", roundId: "ignored");
        agreement.Remove("roundId");
        agreement["obligations"] = new JsonArray(Obligation("russia", 6000, "ukraine"));
        agreement["sourceIds"] = new JsonArray($"report-{suffix}");
        round["agreements"] = new JsonArray(agreement);
        return round;
    }

    [Fact]
    public async Task EveryPartOfARoundPostedWholeIsThereAfterwardsAndPartsMayReferToEachOther()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var created = await _client.CreateAsync(TalkRounds, WholeRound(suffix));
        var id = created.Text("id")!;

        var round = await _client.GetJsonAsync($"/api/v1/rounds/{id}");
        Assert.Equal(3, round.GetProperty("positions").GetArrayLength());
        var rejection = round.GetProperty("positions").EnumerateArray().Single(p => p.Text("kind") == "rejection");
        Assert.Equal($"russia-memorandum-{suffix}", rejection.Text("answersId"));
        Assert.Equal(id, rejection.Text("roundId"));
        Assert.Equal("We stand ready.", round.GetProperty("statements")[0].Text("quote"));
        Assert.Equal(6000, round.GetProperty("agreements")[0].GetProperty("obligations")[0].GetProperty("quantity").GetInt32());

        await _client.GetJsonAsync($"/api/v1/parties/observer-{suffix}");
        var envoy = await _client.GetJsonAsync($"/api/v1/people/envoy-{suffix}");
        Assert.Equal($"observer-{suffix}", envoy.Text("partyId"));
        await _client.GetJsonAsync($"/api/v1/sources/report-{suffix}");
    }

    [Fact]
    public async Task OneBadPositionRefusesTheWholeRoundNamingItsPathAndLeavesNoTrace()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var body = WholeRound(suffix);
        body["positions"]![2]!["partyId"] = "atlantis";

        using var response = await _client.PostJsonAsync(TalkRounds, body);

        var errors = await response.ReadValidationProblemAsync("positions[2].partyId");
        Assert.Single(errors);
        await factory.InDatabaseAsync(async db =>
        {
            Assert.False(await db.Rounds.AnyAsync(r => r.Id == $"istanbul-whole-{suffix}"));
            Assert.False(await db.Sources.AnyAsync(s => s.Id == $"report-{suffix}"));
            Assert.False(await db.Parties.AnyAsync(p => p.Id == $"observer-{suffix}"));
            Assert.False(await db.People.AnyAsync(p => p.Id == $"envoy-{suffix}"));
            Assert.False(await db.Positions.AnyAsync(p => p.Id == $"russia-memorandum-{suffix}"));
            Assert.False(await db.Agreements.AnyAsync(a => a.RoundId == $"istanbul-whole-{suffix}"));
        });
    }

    [Fact]
    public async Task PartsNamingAnotherRoundOrRepeatingAnIdAreRefused()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var body = WholeRound(suffix);
        body["statements"]![0]!["roundId"] = "istanbul-2025-05-16";
        ((JsonArray)body["positions"]!).Add(new JsonObject
        {
            ["id"] = $"russia-memorandum-{suffix}",
            ["partyId"] = "russia",
            ["topic"] = "ceasefire",
            ["kind"] = "demand",
            ["summary"] = "Repeated.",
            ["sourceIds"] = new JsonArray(ArticleSource),
        });

        using var response = await _client.PostJsonAsync(TalkRounds, body);

        await response.ReadValidationProblemAsync("statements[0]", "positions[3].id");
        Assert.False(await factory.InDatabaseAsync(db => db.Rounds.AnyAsync(r => r.Id == $"istanbul-whole-{suffix}")));
    }

    [Fact]
    public async Task ANewPartyWithoutAnIdIsRefusedBecauseNothingCouldReferToIt()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var body = WholeRound(suffix);
        body["parties"]![0]!.AsObject().Remove("id");

        using var response = await _client.PostJsonAsync(TalkRounds, body);

        await response.ReadValidationProblemAsync("parties[0]");
    }
}
