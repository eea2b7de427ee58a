using System.Net;
using System.Text.Json;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Platform;

/// <summary>
/// The document says what the API does: a value the API sends as null is documented as nullable, and a request
/// property is required exactly when the API refuses a body without it. A validating proxy or a generated client
/// otherwise rejects real traffic, or makes callers send what the API does not need.
/// </summary>
public sealed class OpenApiSchemaTruthTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task ARoundWithoutADurationBoundAnswersNullAndTheDocumentAllowsIt()
    {
        var talk = (await _client.CreateAsync("/api/v1/talks", Talk(Unique("Bound talk")))).Text("id");
        var created = await _client.CreateAsync($"/api/v1/talks/{talk}/rounds", Round(Unique("Geneva"), "2025-06-02"));
        var listed = await _client.GetJsonAsync($"/api/v1/talks/{talk}/rounds");

        Assert.Equal(JsonValueKind.Null, created.GetProperty("durationBound").ValueKind);
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("items")[0].GetProperty("durationBound").ValueKind);
        var schemas = await SchemasAsync();
        foreach (var (schema, property) in new[]
        {
            ("RoundDetailResponse", "durationBound"), ("RoundResponse", "durationBound"), ("RoundRequest", "durationBound"),
            ("AgreementEventResponse", "statusAfter"), ("AgreementEventRequest", "statusAfter"),
        })
        {
            var documented = schemas.GetProperty(schema).GetProperty("properties").GetProperty(property);
            Assert.True(documented.TryGetProperty("nullable", out var nullable) && nullable.GetBoolean(), $"{schema}.{property} is not nullable: {documented}");
            Assert.Equal("string", documented.GetProperty("type").GetString());
            Assert.NotEmpty(documented.GetProperty("enum").EnumerateArray());
        }
    }

    [Fact]
    public async Task TheWholeRoundRequestRequiresOnlyWhatTheApiRequires()
    {
        var talk = (await _client.CreateAsync("/api/v1/talks", Talk(Unique("Bare talk")))).Text("id");
        var bare = Round(Unique("Ankara"), "2025-07-23");

        using var response = await _client.PostJsonAsync($"/api/v1/talks/{talk}/rounds", bare);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var required = (await SchemasAsync()).GetProperty("NewRoundRequest").GetProperty("required").EnumerateArray().Select(r => r.GetString()).Order();
        Assert.Equal(["city", "date", "delegates", "participants", "sourceIds"], required);
    }

    [Fact]
    public async Task WhatIncludeEmbedsIsDocumentedOnTheRecordsItEmbedsInto()
    {
        var document = OpenApiReading.WithSharedPartsInlined(await _client.GetJsonAsync("/swagger/v1/swagger.json"));
        var agreement = await _client.GetJsonAsync("/api/v1/agreements/istanbul-2025-prisoner-exchange?include=round,parties");

        Assert.Equal("istanbul-2025-05-16", agreement.GetProperty("round").Text("id"));
        var properties = document.GetProperty("components").GetProperty("schemas").GetProperty("AgreementResponse").GetProperty("properties");
        Assert.True(properties.TryGetProperty("round", out _), "AgreementResponse does not document the embedded round.");
        Assert.Equal("array", properties.GetProperty("parties").GetProperty("type").GetString());
        var get = document.GetProperty("paths").GetProperty("/api/v1/agreements/{id}").GetProperty("get");
        Assert.Contains(get.GetProperty("parameters").EnumerateArray(), p => p.Text("name") == "include" && p.Text("in") == "query");
    }

    private async Task<JsonElement> SchemasAsync() =>
        (await _client.GetJsonAsync("/swagger/v1/swagger.json")).GetProperty("components").GetProperty("schemas");
}
