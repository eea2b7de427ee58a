using System.Net;
using System.Text.Json;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.TalkTracks;

/// <summary>
/// Talks and rounds in schema.org JSON-LD, as search engines and knowledge graphs read them: a talk is an EventSeries,
/// a round an Event within it, with its place, duration, status, organisers, attendees and sources.
/// </summary>
public sealed class LinkedDataTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private const string LinkedData = "application/ld+json";
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task TheMay2025RoundIsAnEventAtDolmabahceLastingUnderTwoHoursWithItsDelegatesInTheirOfficesThen()
    {
        var (round, type) = await GetLinkedAsync("/api/v1/rounds/istanbul-2025-05-16");

        Assert.Equal(LinkedData, type);
        Assert.Equal(("https://schema.org", "Event"), (round.Text("@context"), round.Text("@type")));
        Assert.EndsWith("/api/v1/rounds/istanbul-2025-05-16", round.Text("@id"));
        Assert.Equal(("2025-05-16", "PT2H"), (round.Text("startDate"), round.Text("duration")));
        Assert.Equal("https://schema.org/EventScheduled", round.Text("eventStatus"));
        var place = round.GetProperty("location");
        Assert.Equal(("Place", "Dolmabahçe Palace"), (place.Text("@type"), place.Text("name")));
        Assert.Equal(("Istanbul", "TR"), (place.GetProperty("address").Text("addressLocality"), place.GetProperty("address").Text("addressCountry")));
        var geo = place.GetProperty("geo");
        Assert.Equal(("GeoCoordinates", 41.0392, 29.0003),
            (geo.Text("@type"), geo.GetProperty("latitude").GetDouble(), geo.GetProperty("longitude").GetDouble()));
        var series = round.GetProperty("superEvent");
        Assert.Equal("EventSeries", series.Text("@type"));
        Assert.EndsWith("/api/v1/talks/russia-ukraine-direct-talks", series.Text("@id"));
        Assert.Contains("Turkey", round.GetProperty("organizer").EnumerateArray().Select(o => o.Text("name")));
        var umerov = round.GetProperty("attendee").EnumerateArray().Single(a => a.Text("@id")!.EndsWith("/people/rustem-umerov", StringComparison.Ordinal));
        Assert.Equal(("Person", "Minister of Defence of Ukraine", "Ukraine"),
            (umerov.Text("@type"), umerov.Text("jobTitle"), umerov.GetProperty("affiliation").Text("name")));
        Assert.Contains(round.GetProperty("attendee").EnumerateArray(), a => a.Text("@type") == "Organization" && a.Text("name") == "Russia");
        Assert.Contains(round.GetProperty("citation").EnumerateArray(),
            c => c.Text("@id")!.EndsWith("/sources/article-istanbul-talks-2025", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ATalkIsAnEventSeriesWithItsRoundsAsEventsInDateOrder()
    {
        var (talk, _) = await GetLinkedAsync("/api/v1/talks/russia-ukraine-direct-talks");

        Assert.Equal("EventSeries", talk.Text("@type"));
        Assert.Equal("2022-03-29", talk.Text("startDate"));
        var rounds = talk.GetProperty("subEvent").EnumerateArray().ToList();
        Assert.Equal(["istanbul-2022-03-29", "istanbul-2025-05-16"], rounds.Select(r => r.Text("@id")!.Split('/')[^1]).Take(2));
        Assert.All(rounds, r => Assert.Equal("Event", r.Text("@type")));
        Assert.Contains(talk.GetProperty("attendee").EnumerateArray(), a => a.Text("name") == "Ukraine");
    }

    [Theory]
    [InlineData("cancelled", "https://schema.org/EventCancelled")]
    [InlineData("postponed", "https://schema.org/EventPostponed")]
    [InlineData("scheduled", "https://schema.org/EventScheduled")]
    public async Task ARoundsStatusIsTheEventsStatus(string status, string eventStatus)
    {
        var talk = (await _client.CreateAsync("/api/v1/talks", Talk(Unique("Linked status talks")))).Text("id");
        var body = Round(Unique("Muscat"),
            DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        body["status"] = status;
        var round = (await _client.CreateAsync($"/api/v1/talks/{talk}/rounds", body)).Text("id");

        var (linked, _) = await GetLinkedAsync($"/api/v1/rounds/{round}");

        Assert.Equal(eventStatus, linked.Text("eventStatus"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("application/json")]
    [InlineData("application/ld+json;q=0.5, application/json")]
    [InlineData("*/*")]
    public async Task PlainJsonStaysTheAnswerUnlessJsonLdIsPreferred(string? accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/rounds/istanbul-2025-05-16");
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        using var response = await _client.SendAsync(request);

        var body = await response.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("istanbul-2025-05-16", body.Text("id"));
    }

    [Fact]
    public async Task EachRepresentationHasItsOwnETagAndRevalidates()
    {
        var (_, jsonTag) = await _client.GetWithETagAsync("/api/v1/rounds/istanbul-2025-05-16");
        using var first = await SendLinkedAsync("/api/v1/rounds/istanbul-2025-05-16");
        var linkedTag = first.Headers.ETag?.ToString();

        using var again = await SendLinkedAsync("/api/v1/rounds/istanbul-2025-05-16", linkedTag);

        Assert.NotEqual(jsonTag, linkedTag);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }

    [Fact]
    public async Task AMissingRoundAskedForAsJsonLdIsStillA404Problem()
    {
        using var response = await SendLinkedAsync("/api/v1/rounds/no-such-round");

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    private async Task<(JsonElement Body, string? ContentType)> GetLinkedAsync(string url)
    {
        using var response = await SendLinkedAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {text}");
        using var document = JsonDocument.Parse(text);
        return (document.RootElement.Clone(), response.Content.Headers.ContentType?.MediaType);
    }

    private Task<HttpResponseMessage> SendLinkedAsync(string url, string? ifNoneMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept", LinkedData);
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        return _client.SendAsync(request);
    }
}
