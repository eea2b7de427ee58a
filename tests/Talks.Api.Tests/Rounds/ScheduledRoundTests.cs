using System.Net;
using Ical.Net;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Rounds;

/// <summary>Rounds announced before they happen, their status, and the iCalendar feeds calendar apps subscribe to.</summary>
public sealed class ScheduledRoundTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static string InDays(int days) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(days).ToString("yyyy-MM-dd");

    [Fact]
    public async Task AnAnnouncedRoundIsScheduledAndListedAmongWhatIsComing()
    {
        var talk = (await _client.CreateAsync("/api/v1/talks", Talk(Unique("Coming talks")))).Text("id");
        var held = await _client.CreateAsync($"/api/v1/talks/{talk}/rounds", Round(Unique("Istanbul"), "2025-05-16"));
        var announced = Round(Unique("Istanbul"), InDays(30));
        announced["status"] = "scheduled";
        var coming = await _client.CreateAsync($"/api/v1/talks/{talk}/rounds", announced);

        var listed = await _client.GetJsonAsync($"/api/v1/rounds?status=scheduled&from={InDays(0)}&talkId={talk}");

        Assert.Equal("held", held.Text("status"));
        Assert.Equal("scheduled", coming.Text("status"));
        Assert.Equal([coming.Text("id")!], listed.Ids());
    }

    [Fact]
    public async Task ARoundDatedAfterTodayCannotHaveBeenHeld()
    {
        var talk = (await _client.CreateAsync("/api/v1/talks", Talk(Unique("Future talks")))).Text("id");

        using var response = await _client.PostJsonAsync($"/api/v1/talks/{talk}/rounds", Round(Unique("Muscat"), InDays(30)));

        await response.ReadValidationProblemAsync("status");
        Assert.Empty((await _client.GetJsonAsync($"/api/v1/talks/{talk}/rounds")).Items());
    }

    [Fact]
    public async Task ATalksFeedHasAStableEventPerRoundWhoseSequenceMovesOnAndWhichCancellationMarks()
    {
        var talk = (await _client.CreateAsync("/api/v1/talks", Talk(Unique("Calendar talks")))).Text("id");
        var announced = Round(Unique("Muscat"), InDays(20));
        announced["status"] = "scheduled";
        var round = (await _client.CreateAsync($"/api/v1/talks/{talk}/rounds", announced)).Text("id")!;
        var first = Assert.Single(await FeedAsync($"/api/v1/talks/{talk}/rounds.ics"));

        using var cancelled = await _client.PatchCurrentAsync($"/api/v1/rounds/{round}", """{ "status": "cancelled" }""");
        await cancelled.ReadJsonAsync(HttpStatusCode.OK);
        var second = Assert.Single(await FeedAsync($"/api/v1/talks/{talk}/rounds.ics"));

        Assert.Equal($"{round}@talks", first.Uid);
        Assert.Equal(first.Uid, second.Uid);
        Assert.Equal("CONFIRMED", first.Status);
        Assert.Equal("CANCELLED", second.Status);
        Assert.True(second.Sequence > first.Sequence, $"SEQUENCE {first.Sequence} then {second.Sequence}");
        Assert.Equal(DateOnly.Parse(InDays(20)), DateOnly.FromDateTime(first.DtStart!.Value));
    }

    [Fact]
    public async Task TheFeedOfEveryTalkHoldsTheSeededRoundAndRevalidatesWithItsETag()
    {
        using var response = await _client.GetAsync("/api/v1/rounds.ics?from=2025-01-01");
        var etag = response.Headers.ETag;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var calendar = Calendar.Load(await response.Content.ReadAsStringAsync())!;
        Assert.Contains(calendar.Events, e => e.Uid == "istanbul-2025-05-16@talks");
        Assert.NotNull(etag);
        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/v1/rounds.ics?from=2025-01-01");
        again.Headers.IfNoneMatch.Add(etag);
        using var revalidated = await _client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
    }

    [Fact]
    public async Task TheFeedOfATalkThatDoesNotExistAnswers404()
    {
        using var response = await _client.GetAsync("/api/v1/talks/no-such-talk/rounds.ics");

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    private async Task<IReadOnlyList<Ical.Net.CalendarComponents.CalendarEvent>> FeedAsync(string url)
    {
        using var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Calendar.Load(await response.Content.ReadAsStringAsync())!.Events.ToList();
    }
}
