using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Rounds;

/// <summary>An analyst posts a round with everything that happened in it; it lands whole or not at all.</summary>
public sealed class RoundCreateTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task PostingARoundWithItsParticipantsAndDelegationsCreatesItWhole()
    {
        var talk = await CreateTalkAsync();
        var city = Unique("Ankara");
        var body = Round(city, "2025-06-02",
            new JsonArray(Participant("ukraine", "negotiating-party"), Participant("russia", "negotiating-party"),
                Participant("turkey", "host", "Hosted again.")),
            new JsonArray(Delegate("rustem-umerov", "ukraine", "head"), Delegate("vladimir-medinsky", "russia", "head")));
        body["durationMinutes"] = 60;
        body["durationBound"] = "approximately";

        using var response = await _client.PostJsonAsync($"/api/v1/talks/{talk}/rounds", body);

        var round = await response.ReadJsonAsync(HttpStatusCode.Created);
        var id = round.Text("id")!;
        Assert.Equal($"{IdFrom(city)}-2025-06-02", id);
        Assert.Equal($"/api/v1/rounds/{id}", response.Headers.Location?.OriginalString);
        Http.AssertETagOfVersion(1, response.Headers.ETag?.ToString());
        Assert.Equal(talk, round.GetProperty("talk").Text("id"));
        Assert.Equal(1, round.GetProperty("sequence").GetInt32());
        Assert.Equal(60, round.GetProperty("durationMinutes").GetInt32());
        Assert.Equal("approximately", round.Text("durationBound"));
        Assert.Equal(3, round.GetProperty("participants").GetArrayLength());
        var host = Assert.Single(round.GetProperty("participants").EnumerateArray(), p => p.Text("role") == "host");
        Assert.Equal(("turkey", "Turkey", "Hosted again."), (host.Text("partyId"), host.Text("partyName"), host.Text("notes")));
        var head = Assert.Single(round.GetProperty("delegates").EnumerateArray(), d => d.Text("personId") == "rustem-umerov");
        Assert.Equal("Rustem Umerov", head.Text("personName"));
        Assert.Equal(0, round.GetProperty("positions").GetArrayLength());

        Assert.Equal(round.ToString(), (await _client.GetJsonAsync($"/api/v1/rounds/{id}")).ToString());
        Assert.Equal(3, await factory.InDatabaseAsync(db => db.RoundParticipants.CountAsync(p => p.RoundId == id)));
        Assert.Equal(2, await factory.InDatabaseAsync(db => db.RoundDelegates.CountAsync(d => d.RoundId == id)));
    }

    [Fact]
    public async Task RoundsOfATalkAreNumberedInTurnWhenNoSequenceIsSent()
    {
        var talk = await CreateTalkAsync();

        var first = await _client.CreateAsync($"/api/v1/talks/{talk}/rounds", Round(Unique("Geneva"), "2025-01-10"));
        var second = await _client.CreateAsync($"/api/v1/talks/{talk}/rounds", Round(Unique("Geneva"), "2025-02-10"));

        Assert.Equal(1, first.GetProperty("sequence").GetInt32());
        Assert.Equal(2, second.GetProperty("sequence").GetInt32());
        var talkNow = await _client.GetJsonAsync($"/api/v1/talks/{talk}");
        Assert.Equal(2, talkNow.GetProperty("roundCount").GetInt32());
        Assert.Equal("2025-01-10", talkNow.Text("firstRoundDate"));
        Assert.Equal("2025-02-10", talkNow.Text("latestRoundDate"));
        Assert.Equal(["russia", "ukraine"], talkNow.GetProperty("partyIds").Strings());
    }

    [Fact]
    public async Task ASecondRoundInTheSameCityOnTheSameDayGetsANumberedId()
    {
        var talk = await CreateTalkAsync();
        var city = Unique("Riyadh");

        var first = await _client.CreateAsync($"/api/v1/talks/{talk}/rounds", Round(city, "2025-03-24"));
        var second = await _client.CreateAsync($"/api/v1/talks/{talk}/rounds", Round(city, "2025-03-24"));

        Assert.Equal($"{IdFrom(city)}-2025-03-24", first.Text("id"));
        Assert.Equal($"{IdFrom(city)}-2025-03-24-2", second.Text("id"));
    }

    [Fact]
    public async Task ASequenceNumberTheTalkHasGivenOutAnswersConflict()
    {
        var talk = await CreateTalkAsync();
        var first = await _client.CreateAsync($"/api/v1/talks/{talk}/rounds", Round(Unique("Minsk"), "2025-01-10"));
        var body = Round(Unique("Minsk"), "2025-02-10");
        body["sequence"] = 1;

        using var response = await _client.PostJsonAsync($"/api/v1/talks/{talk}/rounds", body);

        var problem = await response.ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains(first.Text("id")!, problem.Text("detail"));
        Assert.Equal(1, await factory.InDatabaseAsync(db => db.Rounds.CountAsync(r => r.TalkId == talk)));
    }

    [Fact]
    public async Task PostingARoundToATalkThatDoesNotExistAnswers404()
    {
        var city = Unique("Nowhere");

        using var response = await _client.PostJsonAsync("/api/v1/talks/no-such-talk/rounds", Round(city, "2025-01-10"));

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.False(await factory.InDatabaseAsync(db => db.Rounds.AnyAsync(r => r.City == city)));
    }

    [Fact]
    public async Task ADelegateForAPartyThatDoesNotTakePartIsRejectedAndNothingIsWritten()
    {
        var talk = await CreateTalkAsync();
        var city = Unique("Halfway");
        var body = Round(city, "2025-04-01", delegates: new JsonArray(
            Delegate("rustem-umerov", "ukraine", "head"),
            Delegate("hakan-fidan", "turkey", "head")));

        using var response = await _client.PostJsonAsync($"/api/v1/talks/{talk}/rounds", body);

        var errors = await response.ReadValidationProblemAsync("delegates[1]");
        Assert.Contains("turkey", errors["delegates[1]"][0]);
        Assert.False(errors.ContainsKey("delegates[0]"));
        await AssertNothingWrittenAsync(city);
    }

    [Fact]
    public async Task UnknownPartiesAndPeopleAreNamedByTheirPlaceInTheLists()
    {
        var talk = await CreateTalkAsync();
        var city = Unique("Elsewhere");
        var body = Round(city, "2025-04-01",
            new JsonArray(Participant("ukraine", "negotiating-party"), Participant("atlantis", "observer")),
            new JsonArray(Delegate("rustem-umerov", "ukraine", "head"), Delegate("nobody-at-all", "ukraine", "member")));

        using var response = await _client.PostJsonAsync($"/api/v1/talks/{talk}/rounds", body);

        var errors = await response.ReadValidationProblemAsync("participants[1].partyId", "delegates[1].personId");
        Assert.Contains("atlantis", errors["participants[1].partyId"][0]);
        Assert.Contains("nobody-at-all", errors["delegates[1].personId"][0]);
        await AssertNothingWrittenAsync(city);
    }

    [Fact]
    public async Task AnUnknownRoleIsNamedByItsPlaceInTheList()
    {
        var talk = await CreateTalkAsync();
        var city = Unique("Rolecity");
        var body = Round(city, "2025-04-01", new JsonArray(Participant("ukraine", "negotiating-party"), Participant("turkey", "referee")));

        using var response = await _client.PostJsonAsync($"/api/v1/talks/{talk}/rounds", body);

        await response.ReadValidationProblemAsync("participants[1].role");
        await AssertNothingWrittenAsync(city);
    }

    [Fact]
    public async Task TheSamePartyInTheSameRoleTwiceIsRejected()
    {
        var talk = await CreateTalkAsync();
        var city = Unique("Twice");
        var body = Round(city, "2025-04-01", new JsonArray(Participant("ukraine", "negotiating-party"), Participant("ukraine", "negotiating-party")));

        using var response = await _client.PostJsonAsync($"/api/v1/talks/{talk}/rounds", body);

        var errors = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(Problem.Errors(errors).Keys, k => k.StartsWith("participants", StringComparison.Ordinal));
        await AssertNothingWrittenAsync(city);
    }

    [Fact]
    public async Task TheSamePersonInTwoDelegationsIsRejected()
    {
        var talk = await CreateTalkAsync();
        var city = Unique("Turncoat");
        var body = Round(city, "2025-04-01",
            delegates: new JsonArray(Delegate("rustem-umerov", "ukraine", "head"), Delegate("rustem-umerov", "russia", "member")));

        using var response = await _client.PostJsonAsync($"/api/v1/talks/{talk}/rounds", body);

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(Problem.Errors(problem).Keys, k => k.StartsWith("delegates", StringComparison.Ordinal));
        await AssertNothingWrittenAsync(city);
    }

    [Fact]
    public async Task MissingDateAndCityAreBothNamed()
    {
        var talk = await CreateTalkAsync();
        var body = Round("Anywhere", "2025-04-01");
        body.Remove("date");
        body.Remove("city");

        using var response = await _client.PostJsonAsync($"/api/v1/talks/{talk}/rounds", body);

        await response.ReadValidationProblemAsync("date", "city");
    }

    [Theory]
    [InlineData("2025-13-01")]
    [InlineData("16/05/2025")]
    [InlineData("2025-05-16T10:00:00Z")]
    public async Task ADateThatIsNotACalendarDateIsRejectedNamingDate(string date)
    {
        var talk = await CreateTalkAsync();
        var city = Unique("Baddate");

        using var response = await _client.PostJsonAsync($"/api/v1/talks/{talk}/rounds", Round(city, date));

        await response.ReadValidationProblemAsync("date");
        await AssertNothingWrittenAsync(city);
    }

    [Fact]
    public async Task ARoundYearsInTheFutureIsRejectedNamingDate()
    {
        var talk = await CreateTalkAsync();

        using var response = await _client.PostJsonAsync($"/api/v1/talks/{talk}/rounds", Round(Unique("Future"), "2099-01-01"));

        await response.ReadValidationProblemAsync("date");
    }

    [Fact]
    public async Task TheStartTimeIsKeptInTheVenuesOffset()
    {
        var talk = await CreateTalkAsync();
        var body = Round(Unique("Clockwise"), "2025-05-16");
        body["startsAt"] = "2025-05-16T12:30:00+03:00";

        var round = await _client.CreateAsync($"/api/v1/talks/{talk}/rounds", body);

        Assert.Equal("2025-05-16T12:30:00+03:00", round.Text("startsAt"));
        var id = round.Text("id");
        var stored = await factory.InDatabaseAsync(db => db.Rounds.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal(new DateTime(2025, 5, 16, 9, 30, 0, DateTimeKind.Utc), stored.StartsAtUtc);
        Assert.Equal(180, stored.StartsAtOffsetMinutes);
    }

    [Fact]
    public async Task AStartTimeOnAnotherDayThanTheRoundIsRejectedNamingStartsAt()
    {
        var talk = await CreateTalkAsync();
        var city = Unique("Offday");
        var body = Round(city, "2025-05-16");
        body["startsAt"] = "2025-05-17T09:00:00+03:00";

        using var response = await _client.PostJsonAsync($"/api/v1/talks/{talk}/rounds", body);

        await response.ReadValidationProblemAsync("startsAt");
        await AssertNothingWrittenAsync(city);
    }

    [Fact]
    public async Task AStartTimeWithoutAnOffsetIsRejectedRatherThanReadInTheServersZone()
    {
        var talk = await CreateTalkAsync();
        var city = Unique("Zoneless");
        var body = Round(city, "2025-05-16");
        body["startsAt"] = "2025-05-16T12:30:00";

        using var response = await _client.PostJsonAsync($"/api/v1/talks/{talk}/rounds", body);

        await response.ReadValidationProblemAsync("startsAt");
        await AssertNothingWrittenAsync(city);
    }

    [Fact]
    public async Task ADurationBoundWithoutADurationIsRejected()
    {
        var talk = await CreateTalkAsync();
        var body = Round(Unique("Boundless"), "2025-05-16");
        body["durationBound"] = "less-than";

        using var response = await _client.PostJsonAsync($"/api/v1/talks/{talk}/rounds", body);

        await response.ReadValidationProblemAsync("durationBound");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public async Task ADurationThatIsNotPositiveIsRejected(int minutes)
    {
        var talk = await CreateTalkAsync();
        var body = Round(Unique("Instant"), "2025-05-16");
        body["durationMinutes"] = minutes;

        using var response = await _client.PostJsonAsync($"/api/v1/talks/{talk}/rounds", body);

        await response.ReadValidationProblemAsync("durationMinutes");
    }

    [Fact]
    public async Task TheTalkComesFromTheUrlAndCannotBeSentInTheBody()
    {
        var talk = await CreateTalkAsync();
        var body = Round(Unique("Smuggled"), "2025-05-16");
        body["talkId"] = "russia-ukraine-direct-talks";

        using var response = await _client.PostJsonAsync($"/api/v1/talks/{talk}/rounds", body);

        await response.ReadValidationProblemAsync("talkId");
    }

    private async Task<string> CreateTalkAsync()
    {
        var talk = await _client.CreateAsync("/api/v1/talks", Talk(Unique("Test talks")));
        return talk.Text("id")!;
    }

    private async Task AssertNothingWrittenAsync(string city)
    {
        Assert.False(await factory.InDatabaseAsync(db => db.Rounds.AnyAsync(r => r.City == city)), "A refused round was written.");
    }
}
