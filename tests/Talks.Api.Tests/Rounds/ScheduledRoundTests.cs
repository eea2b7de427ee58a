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

    /// <summary>
    /// A round is dated by its venue's day, while the rule reads today in UTC and allows one day more: a venue ahead of
    /// UTC is already on the next day during the last hours of the UTC day — at UTC+3 from 21:00, at UTC+14 from 10:00.
    /// Each case starts the round in the venue's offset (the comment gives the time in UTC); <c>days</c> is how far the
    /// venue's date is from today in UTC: the day before, the same day, and the venue's day ahead of UTC's.
    /// </summary>
    [Theory]
    [InlineData("+03:00", "12:00", -1)] // yesterday 09:00 UTC
    [InlineData("+03:00", "20:59", 0)] // 17:59 UTC
    [InlineData("+03:00", "23:59", 0)] // 20:59 UTC, the last minute the venue shares UTC's day
    [InlineData("+03:00", "00:00", 1)] // 21:00 UTC
    [InlineData("+03:00", "02:59", 1)] // 23:59 UTC
    [InlineData("+14:00", "00:00", 1)] // 10:00 UTC
    [InlineData("+14:00", "13:59", 1)] // 23:59 UTC
    public async Task AHeldRoundMayBeDatedUpToTheDayAVenueAheadOfUtcHasReached(string offset, string startsAt, int days)
    {
        var (talk, date, posted) = await PostRoundOnTheVenuesDayAsync("held", offset, startsAt, days);
        using var response = posted;

        var created = await response.ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(("held", date, $"{date}T{startsAt}:00{offset}"), (created.Text("status"), created.Text("date"), created.Text("startsAt")));
        Assert.Equal([created.Text("id")!], (await _client.GetJsonAsync($"/api/v1/talks/{talk}/rounds")).Ids());
    }

    [Theory]
    [InlineData("+14:00", "00:00")] // tomorrow 10:00 UTC: no venue has reached that day yet
    [InlineData("+03:00", "00:00")] // tomorrow 21:00 UTC
    public async Task ARoundDatedTheDayAfterTheVenuesOwnTodayCannotHaveBeenHeldButCanBeScheduled(string offset, string startsAt)
    {
        var (talk, _, held) = await PostRoundOnTheVenuesDayAsync("held", offset, startsAt, days: 2);
        using (held)
        {
            await held.ReadValidationProblemAsync("status");
        }

        Assert.Empty((await _client.GetJsonAsync($"/api/v1/talks/{talk}/rounds")).Items());
        var (_, _, scheduled) = await PostRoundOnTheVenuesDayAsync("scheduled", offset, startsAt, days: 2);
        using (scheduled)
        {
            Assert.Equal("scheduled", (await scheduled.ReadJsonAsync(HttpStatusCode.Created)).Text("status"));
        }
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

    /// <summary>
    /// Posts a round to a talk of its own, dated <paramref name="days"/> after today in UTC and starting at
    /// <paramref name="startsAt"/> on that date in the venue's <paramref name="offset"/>; returns the talk and the date.
    /// The rule reads the clock, so a post that straddles midnight in UTC is sent again on a new talk.
    /// </summary>
    private async Task<(string Talk, string Date, HttpResponseMessage Response)> PostRoundOnTheVenuesDayAsync(
        string status, string offset, string startsAt, int days)
    {
        for (var attempt = 1; ; attempt++)
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var date = today.AddDays(days).ToString("yyyy-MM-dd");
            var talk = (await _client.CreateAsync("/api/v1/talks", Talk(Unique("Venue day talks")))).Text("id")!;
            var round = Round(Unique("Istanbul"), date);
            round["status"] = status;
            round["startsAt"] = $"{date}T{startsAt}:00{offset}";
            var response = await _client.PostJsonAsync($"/api/v1/talks/{talk}/rounds", round);
            if (DateOnly.FromDateTime(DateTime.UtcNow) == today || attempt == 3)
            {
                return (talk, date, response);
            }

            response.Dispose();
        }
    }
}
