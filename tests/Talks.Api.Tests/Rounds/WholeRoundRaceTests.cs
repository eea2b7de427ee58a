using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Rounds;

/// <summary>
/// Rounds posted at the same moment that each bring a position with the same id: every one passes validation, since
/// none is stored yet, and only the database sees the clash. The round that loses there must leave nothing behind —
/// not the round, nor the parties, people and sources it brought — and the winner must be whole.
/// </summary>
public sealed class WholeRoundRaceTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private const int Racers = 4;

    /// <summary>Races until some round has lost at save time; on these two cores that takes one or two tries.</summary>
    private const int Tries = 25;

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task ARoundThatLosesARaceForAPositionIdAtSaveTimeLeavesNothingBehindAndTheWinnerIsWhole()
    {
        var lostAtSave = 0;
        for (var attempt = 0; attempt < Tries && lostAtSave == 0; attempt++)
        {
            var sharedPositionId = $"contested-{Guid.NewGuid().ToString("N")[..8]}";
            // Each round in a talk of its own, so the position id is the only thing the racers share.
            var racers = new List<Racer>();
            for (var i = 0; i < Racers; i++)
            {
                var talk = (await _client.CreateAsync("/api/v1/talks", Talk(Unique("Raced talks")))).Text("id")!;
                racers.Add(new Racer(talk, sharedPositionId));
            }

            var answers = await Task.WhenAll(racers.Select(async r =>
            {
                using var response = await _client.PostJsonAsync($"/api/v1/talks/{r.TalkId}/rounds", r.Body());
                return (Status: response.StatusCode, Text: await response.Content.ReadAsStringAsync());
            }));

            var winners = racers.Zip(answers).Where(p => p.Second.Status == HttpStatusCode.Created).Select(p => p.First).ToList();
            var winner = Assert.Single(winners);
            foreach (var (racer, answer) in racers.Zip(answers).Where(p => p.First != winner))
            {
                // 400: validation already saw the winner's position; 409: the database refused the save.
                Assert.True(answer.Status is HttpStatusCode.BadRequest or HttpStatusCode.Conflict,
                    $"A losing round answered {(int)answer.Status}: {answer.Text}");
                if (answer.Status == HttpStatusCode.Conflict)
                {
                    lostAtSave++;
                }

                await AssertNothingLeftOfAsync(racer);
            }

            await AssertWholeAsync(winner);
        }

        Assert.True(lostAtSave > 0, $"In {Tries} races no round lost at save time, so the save-time rollback was never exercised.");
    }

    private async Task AssertNothingLeftOfAsync(Racer racer)
    {
        using (var read = await _client.GetAsync($"/api/v1/rounds/{racer.RoundId}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        }

        await factory.InDatabaseAsync(async db =>
        {
            Assert.False(await db.Rounds.AnyAsync(r => r.Id == racer.RoundId || r.TalkId == racer.TalkId), "The losing round was stored.");
            Assert.False(await db.Sources.AnyAsync(s => s.Id == racer.SourceId), "The losing round's source was stored.");
            Assert.False(await db.Parties.AnyAsync(p => p.Id == racer.PartyId), "The losing round's party was stored.");
            Assert.False(await db.People.AnyAsync(p => p.Id == racer.PersonId), "The losing round's person was stored.");
            Assert.False(await db.RoundParticipants.AnyAsync(p => p.RoundId == racer.RoundId), "The losing round's participants were stored.");
            Assert.False(await db.Positions.AnyAsync(p => p.RoundId == racer.RoundId), "A position of the losing round was stored.");
            Assert.False(await db.Statements.AnyAsync(s => s.RoundId == racer.RoundId), "A statement of the losing round was stored.");
            Assert.False(await db.Agreements.AnyAsync(a => a.RoundId == racer.RoundId), "An agreement of the losing round was stored.");
            Assert.False(await db.Changes.AnyAsync(c => c.RecordId == racer.RoundId), "History records the losing round.");
        });
    }

    private async Task AssertWholeAsync(Racer winner)
    {
        var round = await _client.GetJsonAsync($"/api/v1/rounds/{winner.RoundId}");
        Assert.Equal(winner.TalkId, round.GetProperty("talk").Text("id"));
        Assert.Contains(round.GetProperty("participants").EnumerateArray(), p => p.Text("partyId") == winner.PartyId);
        Assert.Contains(round.GetProperty("delegates").EnumerateArray(), d => d.Text("personId") == winner.PersonId);
        Assert.Equal([winner.PositionId, winner.OwnPositionId], round.GetProperty("positions").Ids().Order());
        Assert.Equal(winner.RoundId, round.GetProperty("positions").WithId(winner.PositionId).Text("roundId"));
        Assert.Single(round.GetProperty("statements").EnumerateArray());
        Assert.Single(round.GetProperty("agreements").EnumerateArray());
        Assert.Equal(winner.PartyId, (await _client.GetJsonAsync($"/api/v1/people/{winner.PersonId}")).Text("partyId"));
        await _client.GetJsonAsync($"/api/v1/sources/{winner.SourceId}");
    }

    /// <summary>One racing round: everything it brings is its own, except the position id all racers send.</summary>
    private sealed class Racer(string talkId, string positionId)
    {
        private readonly string _tag = Guid.NewGuid().ToString("N")[..8];

        public string TalkId => talkId;
        public string PositionId => positionId;
        public string RoundId => $"raced-{_tag}";
        public string SourceId => $"raced-report-{_tag}";
        public string PartyId => $"raced-mediator-{_tag}";
        public string PersonId => $"raced-envoy-{_tag}";
        public string OwnPositionId => $"raced-offer-{_tag}";

        public JsonObject Body()
        {
            var body = Round("Geneva", "2025-08-01",
                new JsonArray(Participant("ukraine", "negotiating-party"), Participant("russia", "negotiating-party"), Participant(PartyId, "mediator")),
                new JsonArray(Delegate(PersonId, PartyId, "head")));
            body["id"] = RoundId;

            var source = Source($"Raced report {_tag}", "report");
            source["id"] = SourceId;
            body["sources"] = new JsonArray(source);

            var party = Party($"Raced Mediator {_tag}", id: PartyId);
            party["sourceIds"] = new JsonArray(SourceId);
            body["parties"] = new JsonArray(party);

            var person = Person($"Raced Envoy {_tag}", PartyId, "Special Envoy");
            person["id"] = PersonId;
            body["people"] = new JsonArray(person);

            // The own position comes first, so a save that stops at the shared one has something of the round to keep.
            var own = Position(RoundId, PartyId, "humanitarian-access", "offer");
            own["id"] = OwnPositionId;
            own.Remove("roundId");
            var contested = Position(RoundId, "ukraine", "ceasefire", "proposal");
            contested["id"] = PositionId;
            contested.Remove("roundId");
            body["positions"] = new JsonArray(own, contested);

            body["statements"] = new JsonArray(Statement("We keep the door open.", PersonId, PartyId));
            var agreement = Agreement($"Raced exchange {_tag}", RoundId);
            agreement.Remove("roundId");
            body["agreements"] = new JsonArray(agreement);
            return body;
        }
    }
}
