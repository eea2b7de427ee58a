using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Agreements.AgreementTests;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Agreements;

/// <summary>
/// An obligation may fall due on a date or within days of the agreement; analysts see which ones are overdue and
/// events say which obligations they complete.
/// </summary>
public sealed class ObligationDeadlineTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private const string Agreements = "/api/v1/agreements";
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task ADeadlineOrAPeriodFromAgreedOnGivesTheDateAnObligationFallsDue()
    {
        var body = Agreement(Unique("Timed exchange"), "istanbul-2025-05-16");
        body["obligations"] = new JsonArray(
            Due(Obligation("ukraine", 10, "russia"), deadline: "2025-06-01", condition: "once the lists are exchanged"),
            Due(Obligation("russia", 10, "ukraine"), days: 135),
            Obligation("turkey", null, null));

        var created = await _client.CreateAsync(Agreements, body);

        var obligations = created.GetProperty("obligations").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3], obligations.Select(o => o.GetProperty("number").GetInt32()));
        Assert.Equal(("2025-06-01", "once the lists are exchanged", "2025-06-01"),
            (obligations[0].Text("deadline"), obligations[0].Text("condition"), obligations[0].Text("dueOn")));
        Assert.True(obligations[0].IsNull("deadlineDays"));
        Assert.Equal(135, obligations[1].GetProperty("deadlineDays").GetInt32());
        Assert.True(obligations[1].IsNull("deadline"));
        Assert.Equal("2025-09-28", obligations[1].Text("dueOn"));
        Assert.True(obligations[2].IsNull("dueOn"));
        Assert.Equal(created.ToString(), (await _client.GetJsonAsync($"{Agreements}/{created.Text("id")}")).ToString());

        using var moved = await _client.PatchCurrentAsync($"{Agreements}/{created.Text("id")}", """{ "agreedOn": "2025-05-26" }""");
        var patched = await moved.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["2025-06-01", "2025-10-08", null], patched.GetProperty("obligations").EnumerateArray().Select(o => o.Text("dueOn")));

        using var unknown = await _client.PatchCurrentAsync($"{Agreements}/{created.Text("id")}", """{ "agreedOn": null }""");
        var undated = await unknown.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["2025-06-01", null, null], undated.GetProperty("obligations").EnumerateArray().Select(o => o.Text("dueOn")));
    }

    [Fact]
    public async Task ADeadlineGivenTwiceOrAPeriodThatIsNotPositiveIsRejectedNamingTheField()
    {
        var title = Unique("Impossible timing");
        var body = Agreement(title, "istanbul-2025-05-16");
        body["obligations"] = new JsonArray(
            Due(Obligation("ukraine", 10, "russia"), deadline: "2025-06-01", days: 30),
            Due(Obligation("russia", 10, "ukraine"), days: 0),
            Due(Obligation("turkey", null, null), days: -5),
            Due(Obligation("turkey", null, null), days: 1_000_000));

        using var response = await _client.PostJsonAsync(Agreements, body);

        var errors = await response.ReadValidationProblemAsync(
            "obligations[0].deadlineDays", "obligations[1].deadlineDays", "obligations[2].deadlineDays", "obligations[3].deadlineDays");
        Assert.Contains("not both", errors["obligations[0].deadlineDays"][0]);
        Assert.False(await factory.InDatabaseAsync(db => db.Agreements.AnyAsync(a => a.Title == title)));
    }

    [Fact]
    public async Task AWholeRoundCarriesItsAgreementsDeadlines()
    {
        var (talk, round) = await PostRoundAsync(Due(Obligation("ukraine", 10, "russia"), days: 10, condition: "after the ceasefire holds"));

        var agreement = Assert.Single(round.GetProperty("agreements").EnumerateArray());
        var obligation = agreement.GetProperty("obligations")[0];
        Assert.Equal((10, "after the ceasefire holds", "2025-05-26"),
            (obligation.GetProperty("deadlineDays").GetInt32(), obligation.Text("condition"), obligation.Text("dueOn")));
        var listed = Assert.Single((await _client.GetJsonAsync($"/api/v1/obligations?talkId={talk}")).Items());
        Assert.Equal(("2025-05-26", "after the ceasefire holds"), (listed.Text("dueOn"), listed.Text("condition")));
    }

    [Fact]
    public async Task OverdueObligationsAreThoseDueBeforeTheDateThatNoEventCompletes()
    {
        var (talk, round) = await PostRoundAsync(
            Due(Obligation("ukraine", 10, "russia"), deadline: "2025-06-01"),
            Due(Obligation("russia", 10, "ukraine"), deadline: "2025-06-20"));
        var agreement = round.GetProperty("agreements")[0];
        var id = agreement.Text("id")!;
        var overdue = $"/api/v1/obligations?overdue=true&talkId={talk}";

        var june = (await _client.GetJsonAsync($"{overdue}&asOf=2025-06-11")).Items();
        var first = Assert.Single(june);
        Assert.Equal((id, agreement.Text("title"), 1, "ukraine", "2025-06-01", 10),
            (first.Text("agreementId"), first.Text("agreementTitle"), first.GetProperty("number").GetInt32(), first.Text("partyId"),
                first.Text("dueOn"), first.GetProperty("daysOverdue").GetInt32()));
        Assert.Equal("Ukraine", first.Text("partyName"));
        Assert.Equal(["ukraine", "russia"], (await _client.GetJsonAsync($"{overdue}&asOf=2025-06-30")).Items().Select(o => o.Text("partyId")));
        Assert.Empty((await _client.GetJsonAsync($"{overdue}&asOf=2025-06-01")).Items());
        Assert.Equal(["russia"],
            (await _client.GetJsonAsync($"/api/v1/obligations?overdue=false&talkId={talk}&asOf=2025-06-11")).Items().Select(o => o.Text("partyId")));
        Assert.Equal(["russia"], (await _client.GetJsonAsync($"{overdue}&asOf=2025-06-30&partyId=russia")).Items().Select(o => o.Text("partyId")));

        var stage = Event("2025-06-05", 10);
        stage["completes"] = new JsonArray(1);
        var recorded = await _client.CreateAsync($"{Agreements}/{id}/events", stage);
        Assert.Equal([1], recorded.GetProperty("completes").EnumerateArray().Select(n => n.GetInt32()));
        Assert.Equal(["russia"], (await _client.GetJsonAsync($"{overdue}&asOf=2025-06-30")).Items().Select(o => o.Text("partyId")));

        await _client.CreateAsync($"{Agreements}/{id}/events", Event("2025-06-06", 10, "implemented"));
        Assert.Empty((await _client.GetJsonAsync($"{overdue}&asOf=2025-06-30")).Items());
    }

    [Fact]
    public async Task AnObligationDueOnTheAsOfDayIsNotYetOverdueAndIsListedAmongThoseStillDue()
    {
        var (talk, _) = await PostRoundAsync(
            Due(Obligation("ukraine", 10, "russia"), deadline: "2025-06-10"),
            Due(Obligation("russia", 10, "ukraine"), deadline: "2025-06-11"),
            Due(Obligation("turkey", null, null), deadline: "2025-06-12"));
        var list = $"/api/v1/obligations?talkId={talk}&asOf=2025-06-11";

        var overdue = (await _client.GetJsonAsync($"{list}&overdue=true")).Items();
        var due = (await _client.GetJsonAsync($"{list}&overdue=false")).Items();
        var all = (await _client.GetJsonAsync(list)).Items();

        Assert.Equal([("2025-06-10", 1)], overdue.Select(o => (o.Text("dueOn"), o.GetProperty("daysOverdue").GetInt32())));
        Assert.Equal([("2025-06-11", 0), ("2025-06-12", -1)], due.Select(o => (o.Text("dueOn"), o.GetProperty("daysOverdue").GetInt32())));
        Assert.Equal(["2025-06-10", "2025-06-11", "2025-06-12"], all.Select(o => o.Text("dueOn")));
    }

    [Fact]
    public async Task TheOverdueListPagesByDueDateWithACursor()
    {
        var (talk, _) = await PostRoundAsync(
            Due(Obligation("ukraine", 10, "russia"), deadline: "2025-05-20"),
            Due(Obligation("russia", 10, "ukraine"), deadline: "2025-05-20"),
            Due(Obligation("turkey", null, null), days: 2));

        var seen = new List<string>();
        string? next = $"/api/v1/obligations?overdue=true&talkId={talk}&asOf=2025-07-01&limit=1";
        while (next is not null)
        {
            using var response = await _client.GetAsync(next);
            var page = await response.ReadJsonAsync(HttpStatusCode.OK);
            seen.AddRange(page.Items().Select(o => $"{o.Text("dueOn")} {o.GetProperty("number").GetInt32()}"));
            next = response.Link("next");
        }

        Assert.Equal(["2025-05-18 3", "2025-05-20 1", "2025-05-20 2"], seen);
    }

    [Theory]
    [InlineData("asOf=2025-13-01", "asOf")]
    [InlineData("overdue=maybe", "overdue")]
    [InlineData("cursor=nonsense", "cursor")]
    [InlineData("limit=0", "limit")]
    [InlineData("late=true", "late")]
    public async Task ABadObligationListQueryIsRejectedNamingTheParameter(string query, string field)
    {
        using var response = await _client.GetAsync($"/api/v1/obligations?{query}");

        await response.ReadValidationProblemAsync(field);
    }

    [Fact]
    public async Task AnEventCompletingAnObligationTheAgreementLacksIsRejectedNamingIt()
    {
        var (url, _) = await CreateAgreementAsync();
        var stage = Event("2025-06-05", 10);
        stage["completes"] = new JsonArray(2, 3);

        using var response = await _client.PostJsonAsync($"{url}/events", stage);

        var errors = await response.ReadValidationProblemAsync("completes[1]");
        Assert.Contains("3", errors["completes[1]"][0]);
        Assert.False(errors.ContainsKey("completes[0]"));
        Assert.Empty((await _client.GetJsonAsync($"{url}/events")).Items());
    }

    [Fact]
    public async Task AnEditThatDropsAnObligationAnEventCompletedIsRefused()
    {
        var (url, _) = await CreateAgreementAsync();
        var stage = Event("2025-06-05", 10);
        stage["completes"] = new JsonArray(2);
        await _client.CreateAsync($"{url}/events", stage);
        using var response = await _client.PatchCurrentAsync(url, $$"""{ "obligations": [{{Obligation("ukraine", 10, "russia").ToJsonString()}}] }""");

        var problem = await response.ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("2", problem.Text("detail"));
        Assert.Equal(2, (await _client.GetJsonAsync(url)).GetProperty("obligations").GetArrayLength());
    }

    private async Task<(string Url, string Id)> CreateAgreementAsync()
    {
        var created = await _client.CreateAsync(Agreements, Agreement(Unique("Staged exchange"), "istanbul-2025-05-16"));
        var id = created.Text("id")!;
        return ($"{Agreements}/{id}", id);
    }

    private static JsonObject Due(JsonObject obligation, string? deadline = null, int? days = null, string? condition = null)
    {
        obligation["deadline"] = deadline;
        obligation["deadlineDays"] = days;
        obligation["condition"] = condition;
        return obligation;
    }

    /// <summary>A round of a talk of its own, with one agreement reached on 2025-05-16, so lists filtered by the talk see only it.</summary>
    private async Task<(string Talk, JsonElement Round)> PostRoundAsync(params JsonObject[] obligations)
    {
        var talk = (await _client.CreateAsync("/api/v1/talks", Talk(Unique("Deadline talks")))).Text("id")!;
        var agreement = Agreement(Unique("Timed deal"), "");
        agreement.Remove("roundId");
        if (obligations.Length == 1)
        {
            agreement["obligations"]![0] = obligations[0];
        }
        else
        {
            agreement["obligations"] = new JsonArray([.. obligations]);
        }

        var round = Round(Unique("Geneva"), "2025-05-16");
        round["agreements"] = new JsonArray(agreement);
        return (talk, await _client.CreateAsync($"/api/v1/talks/{talk}/rounds", round));
    }
}
