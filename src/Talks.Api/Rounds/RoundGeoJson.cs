using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Talks.Data.Entities;
using Talks.Api.Answers.Formats;
using Talks.Api.Lists;

namespace Talks.Api.Rounds;

/// <summary>
/// A page of rounds as a GeoJSON FeatureCollection (RFC 7946), which a map library draws as it comes: one Point
/// feature per round at its venue, longitude first. A round whose venue position is not recorded keeps its place in
/// the page with a null geometry, which the format allows and map libraries skip. Paged like the JSON list: the next
/// page is in the Link header and in <c>nextCursor</c>.
/// </summary>
public sealed record RoundFeatureCollection(
    [property: JsonPropertyName("type")] string Type,
    IReadOnlyList<RoundFeature> Features,
    string? NextCursor);

/// <summary>A round on the map: its id, its venue as a Point, and what a map's popup shows.</summary>
public sealed record RoundFeature(
    [property: JsonPropertyName("type")] string Type,
    string Id,
    PointGeometry? Geometry,
    RoundFeatureProperties Properties);

/// <summary>A GeoJSON Point: <c>[longitude, latitude]</c> in WGS 84 degrees.</summary>
public sealed record PointGeometry(
    [property: JsonPropertyName("type")] string Type,
    IReadOnlyList<double> Coordinates);

public sealed record RoundFeatureProperties(
    string TalkId,
    int Sequence,
    RoundStatus Status,
    DateOnly Date,
    DatePrecision DatePrecision,
    string City,
    string? CountryCode,
    string? Venue,
    string? Summary);

internal static class RoundGeoJson
{
    /// <summary><c>format=geojson</c>, or <c>Accept: application/geo+json</c>.</summary>
    public static readonly ListFormat Format = new("geojson", "application/geo+json");

    /// <summary>
    /// The list's answer as GeoJSON when <c>format=geojson</c> or <c>Accept: application/geo+json</c> asked for it;
    /// any other answer as it is.
    /// </summary>
    public static Results<Ok<Page<RoundResponse>>, JsonHttpResult<RoundFeatureCollection>, ValidationProblem> Answer(
        Results<Ok<Page<RoundResponse>>, ValidationProblem> listed, HttpRequest request) =>
        listed.Result switch
        {
            Ok<Page<RoundResponse>> { Value: { } page } when AlternateAnswers.Asks(request, Format) =>
                TypedResults.Json(Describe(page), contentType: Format.MediaType),
            Ok<Page<RoundResponse>> ok => ok,
            ValidationProblem problem => problem,
            _ => throw new InvalidOperationException("A list answers a page or a validation problem."),
        };

    /// <summary>The seeded round on the map, as the OpenAPI document shows the format.</summary>
    public static readonly RoundFeatureCollection Example = new("FeatureCollection",
    [
        new RoundFeature("Feature", "istanbul-2025-05-16", new PointGeometry("Point", [29.0003, 41.0392]),
            new RoundFeatureProperties("russia-ukraine-direct-talks", 2, RoundStatus.Held, new DateOnly(2025, 5, 16), DatePrecision.Day,
                "Istanbul", "TR", "Dolmabahçe Palace", "The first direct talks between the Ukrainian and Russian delegations in over three years.")),
    ], null);

    public static RoundFeatureCollection Describe(Page<RoundResponse> page) =>
        new("FeatureCollection", [.. page.Items.Select(Feature)], page.NextCursor);

    private static RoundFeature Feature(RoundResponse round) => new(
        "Feature",
        round.Id,
        round is { Latitude: { } latitude, Longitude: { } longitude } ? new PointGeometry("Point", [longitude, latitude]) : null,
        new RoundFeatureProperties(
            round.TalkId, round.Sequence, round.Status, round.Date, round.DatePrecision, round.City, round.CountryCode, round.Venue, round.Summary));
}
