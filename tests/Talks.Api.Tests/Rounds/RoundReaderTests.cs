using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Talks.Api.Records;
using Talks.Api.Rounds;
using Talks.Api.Tests.Agreements;
using Talks.Api.Tests.Infrastructure;
using Talks.Data.Entities;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Rounds;

/// <summary>
/// On SQLite a whole round is read by hand (<see cref="SqliteRoundReader"/>) instead of through the projection that
/// defines it: for every round, the seed's and one with every part a round can hold, the two answer the same JSON.
/// </summary>
public sealed class RoundReaderTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [SqliteOnlyFact]
    public async Task EveryRoundReadByHandIsTheRoundTheProjectionReads()
    {
        var full = await CreateRoundWithEveryPartAsync();
        var reader = factory.Services.GetRequiredService<IRecordReader<RoundDetailResponse>>();
        var json = factory.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        Assert.True(reader.Applies);

        var ids = await factory.InDatabaseAsync(db => db.Rounds.Select(r => r.Id).ToListAsync());
        Assert.Contains(full, ids);
        Assert.True(ids.Count >= 3, "the seed's rounds are read too");
        foreach (var id in ids)
        {
            var byProjection = await factory.InDatabaseAsync(db => RoundResource.Kind.ReadAsync(db, id, CancellationToken.None));
            Assert.Equal(JsonSerializer.Serialize(byProjection, json), JsonSerializer.Serialize(reader.Read(id), json));
        }

        var whole = JsonSerializer.SerializeToElement(reader.Read(full), json);
        foreach (var part in new[] { "participants", "delegates", "positions", "statements", "agreements" })
        {
            Assert.True(whole.GetProperty(part).GetArrayLength() >= 2, $"the round has two {part} or more");
        }

        Assert.Contains(whole.GetProperty("delegates").EnumerateArray(), d => d.Text("office") == "Senior counsellor");
        Assert.Null(reader.Read("no-such-round"));
    }

    [Fact]
    public async Task AMissingRoundIsStillA404()
    {
        using var response = await _client.GetAsync("/api/v1/rounds/no-such-round");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task TheRoundsGetAsksTheReaderWhereItApplies()
    {
        var seeded = await factory.InDatabaseAsync(db => RoundResource.Kind.ReadAsync(db, "istanbul-2025-05-16", CancellationToken.None));
        await using var api = TalksApiFactory.WithServices(services =>
            services.AddSingleton<IRecordReader<RoundDetailResponse>>(new OneRound(seeded! with { City = "Read by hand" })));

        var round = await api.CreateClient().GetJsonAsync("/api/v1/rounds/istanbul-2025-05-16");

        Assert.Equal("Read by hand", round.Text("city"));
    }

    private sealed class OneRound(RoundDetailResponse round) : IRecordReader<RoundDetailResponse>
    {
        public bool Applies => true;

        public RoundDetailResponse? Read(string id) => id == round.Id ? round : null;
    }

    /// <summary>
    /// A round with a start time in its venue's offset and coordinates; a delegate whose office is stated, one whose
    /// office comes from their history on the round's date, one with none; positions answering and voiced; statements
    /// with and without a date; two agreements, one with a term, renewals, obligations with deadlines and events.
    /// </summary>
    private async Task<string> CreateRoundWithEveryPartAsync()
    {
        var person = (await _client.CreateAsync("/api/v1/people", Person(Unique("Envoy"), "ukraine"))).Text("id")!;
        await (await _client.PatchCurrentAsync($"/api/v1/people/{person}", """
            { "offices": [
                { "title": "Member of Parliament", "from": "2019-08-29", "to": "2023-09-05" },
                { "title": "Deputy Minister", "from": "2023-09-06", "to": null } ] }
            """)).ReadJsonAsync(HttpStatusCode.OK);
        var plain = (await _client.CreateAsync("/api/v1/people", Person(Unique("Aide"), "russia"))).Text("id")!;
        var stated = Delegate(plain, "russia", "member");
        stated["office"] = "Adviser for this round";

        var talk = (await _client.CreateAsync("/api/v1/talks", Talk(Unique("Reader talks")))).Text("id")!;
        // Two offices held at once, as an import may leave them (the API refuses overlaps): the latest begun is shown.
        var clerk = (await _client.CreateAsync("/api/v1/people", Person(Unique("Clerk")))).Text("id")!;
        await factory.InDatabaseAsync(db =>
        {
            db.Set<PersonOffice>().AddRange(
                new PersonOffice { PersonId = clerk, Ordinal = 0, Title = "Senior counsellor", From = new DateOnly(2024, 1, 1) },
                new PersonOffice { PersonId = clerk, Ordinal = 1, Title = "Counsellor", From = new DateOnly(2020, 1, 1) });
            return db.SaveChangesAsync();
        });
        var round = Round(Unique("Istanbul"), "2025-06-02",
            delegates: new JsonArray(Delegate(person, "ukraine", "head"), stated, Delegate(clerk, "ukraine", "member")));
        round["startsAt"] = "2025-06-02T13:00:00+03:00";
        round["latitude"] = 41.0115;
        round["longitude"] = 28.9834;
        round["summary"] = "Second round.";
        var id = (await _client.CreateAsync($"/api/v1/talks/{talk}/rounds", round)).Text("id")!;

        var first = (await _client.CreateAsync("/api/v1/positions", Position(id, "ukraine", "ceasefire", "demand", voicedById: person))).Text("id");
        var answer = Position(id, "russia", "ceasefire", "rejection", answersId: first);
        answer["quote"] = "Not now.";
        await _client.CreateAsync("/api/v1/positions", answer);
        var dated = Statement("We are ready.", person, "ukraine", id);
        dated["saidOn"] = "2025-06-02";
        await _client.CreateAsync("/api/v1/statements", dated);
        await _client.CreateAsync("/api/v1/statements", Statement("No comment.", null, "russia", id));

        var termed = Agreement(Unique("Exchange"), id);
        termed["termDays"] = 120;
        termed["renewals"] = new JsonArray(
            new JsonObject { ["renewedOn"] = "2025-09-30", ["days"] = 60, ["note"] = "Extended." },
            new JsonObject { ["renewedOn"] = "2025-11-29", ["days"] = 30, ["note"] = null });
        var deadline = Obligation("ukraine", 1000, "russia");
        deadline["deadline"] = "2025-07-01";
        var within = Obligation("russia", 1000, "ukraine");
        within["deadlineDays"] = 30;
        termed["obligations"] = new JsonArray(deadline, within);
        var agreement = (await _client.CreateAsync("/api/v1/agreements", termed)).Text("id");
        await _client.CreateAsync($"/api/v1/agreements/{agreement}/events", AgreementTests.Event("2025-06-10", 390, "in-implementation"));
        await _client.CreateAsync($"/api/v1/agreements/{agreement}/events", AgreementTests.Event("2025-06-11", 307));
        await _client.CreateAsync("/api/v1/agreements", Agreement(Unique("Bodies returned"), id));
        return id;
    }
}
