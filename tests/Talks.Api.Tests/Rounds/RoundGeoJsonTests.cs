using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Rounds;

/// <summary>
/// A round's venue has a position, and a list of rounds answers as GeoJSON (RFC 7946) that a map library draws as
/// it comes: points at the venues, longitude first, with the list's filters applied.
/// </summary>
public sealed class RoundGeoJsonTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task TheSeededRoundStandsAtDolmabahcePalace()
    {
        var round = await _client.GetJsonAsync("/api/v1/rounds/istanbul-2025-05-16");

        Assert.Equal((41.0392, 29.0003), (round.GetProperty("latitude").GetDouble(), round.GetProperty("longitude").GetDouble()));
    }

    [Fact]
    public async Task ATalksRoundsAnswerAsAFeatureCollectionWithTheVenuesLongitudeFirst()
    {
        var talk = await CreateTalkAsync();
        var geneva = await CreateRoundAsync(talk, "Geneva", "2024-03-01", 46.2266, 6.1404);
        var unplaced = await CreateRoundAsync(talk, "Vienna", "2024-04-17", null, null);

        using var response = await _client.GetAsync($"/api/v1/rounds?talkId={talk}&format=geojson");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var map = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        AssertValidGeoJson(map);
        var features = map.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal([geneva, unplaced], features.Select(f => f.Text("id")));
        var point = features[0].GetProperty("geometry");
        Assert.Equal("Point", point.Text("type"));
        Assert.Equal([6.1404, 46.2266], point.GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()));
        var properties = features[0].GetProperty("properties");
        Assert.StartsWith("Geneva", properties.Text("city"), StringComparison.Ordinal);
        Assert.Equal((talk, "2024-03-01", "held"), (properties.Text("talkId"), properties.Text("date"), properties.Text("status")));
        Assert.Equal(JsonValueKind.Null, features[1].GetProperty("geometry").ValueKind);
    }

    [Fact]
    public async Task TheListsFiltersApplyToTheMap()
    {
        var talk = await CreateTalkAsync();
        await CreateRoundAsync(talk, "Geneva", "2024-03-01", 46.2266, 6.1404);
        var later = await CreateRoundAsync(talk, "Oslo", "2024-09-01", 59.9592, 10.6739);

        var fromTalk = await GetMapAsync($"/api/v1/talks/{talk}/rounds?from=2024-06-01&format=geojson");
        var limited = await GetMapAsync($"/api/v1/rounds?talkId={talk}&limit=1&format=geojson");

        Assert.Equal([later], fromTalk.GetProperty("features").EnumerateArray().Select(f => f.Text("id")));
        Assert.Single(limited.GetProperty("features").EnumerateArray());
        Assert.False(limited.IsNull("nextCursor"));
    }

    [Fact]
    public async Task AcceptingGeoJsonAsksForTheMapAsFormatDoes()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/talks/russia-ukraine-direct-talks/rounds");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/geo+json"));

        using var response = await _client.SendAsync(request);

        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var map = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("istanbul-2025-05-16", map.GetProperty("features").EnumerateArray().Select(f => f.Text("id")));
    }

    [Fact]
    public async Task TheMapHasAnETagLikeEveryRead()
    {
        var url = "/api/v1/rounds?talkId=russia-ukraine-direct-talks&format=geojson";
        using var first = await _client.GetAsync(url);
        Assert.Equal("application/geo+json", first.Content.Headers.ContentType?.MediaType);
        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(first.Headers.ETag!.ToString()));

        using var revalidated = await _client.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
    }

    [Theory]
    [InlineData(91.0, 10.0, "latitude")]
    [InlineData(45.0, -181.0, "longitude")]
    [InlineData(45.0, null, "longitude")]
    [InlineData(null, 10.0, "latitude")]
    public async Task AVenuePositionOffTheGlobeOrHalfGivenIsRefusedNamingTheField(double? latitude, double? longitude, string field)
    {
        var talk = await CreateTalkAsync();
        var body = Round(Unique("Nowhere"), "2024-03-01");
        body["latitude"] = latitude;
        body["longitude"] = longitude;

        using var response = await _client.PostJsonAsync($"/api/v1/talks/{talk}/rounds", body);

        await response.ReadValidationProblemAsync(field);
        Assert.False(await factory.InDatabaseAsync(db => db.Rounds.AnyAsync(r => r.TalkId == talk)));
    }

    [Theory]
    [InlineData("/api/v1/rounds?format=kml")]
    [InlineData("/api/v1/positions?format=geojson")]
    public async Task AFormatTheListDoesNotHaveIsRefusedListingThoseItHas(string url)
    {
        using var response = await _client.GetAsync(url);

        var errors = await response.ReadValidationProblemAsync("format");
        Assert.Contains("csv", errors["format"][0], StringComparison.Ordinal);
    }

    /// <summary>The RFC 7946 rules a map library relies on, for a collection of point features.</summary>
    private static void AssertValidGeoJson(JsonElement map)
    {
        Assert.Equal("FeatureCollection", map.Text("type"));
        foreach (var feature in map.GetProperty("features").EnumerateArray())
        {
            Assert.Equal("Feature", feature.Text("type"));
            Assert.Equal(JsonValueKind.Object, feature.GetProperty("properties").ValueKind);
            var geometry = feature.GetProperty("geometry");
            if (geometry.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            Assert.Equal("Point", geometry.Text("type"));
            var position = geometry.GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()).ToList();
            Assert.Equal(2, position.Count);
            Assert.InRange(position[0], -180, 180);
            Assert.InRange(position[1], -90, 90);
        }
    }

    private async Task<JsonElement> GetMapAsync(string url)
    {
        using var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private async Task<string> CreateTalkAsync() =>
        (await _client.CreateAsync("/api/v1/talks", Talk(Unique("Mapped talks")))).Text("id")!;

    private async Task<string> CreateRoundAsync(string talk, string city, string date, double? latitude, double? longitude)
    {
        var body = Round(Unique(city), date);
        body["latitude"] = latitude;
        body["longitude"] = longitude;
        return (await _client.CreateAsync($"/api/v1/talks/{talk}/rounds", body)).Text("id")!;
    }
}
