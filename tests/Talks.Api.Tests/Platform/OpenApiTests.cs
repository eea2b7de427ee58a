using System.Text.Json;
using Talks.Api.Tests.Infrastructure;

namespace Talks.Api.Tests.Platform;

/// <summary>The OpenAPI document is what typed clients are generated from; these check it can serve that purpose.</summary>
public sealed class OpenApiTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options"];
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task TheDocumentIsJsonDescribingTheV1Api()
    {
        var document = await _client.GetJsonAsync("/swagger/v1/swagger.json");

        Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
        Assert.Equal("v1", document.GetProperty("info").GetProperty("version").GetString());
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/v1/parties", out _));
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/v1/parties/{id}", out _));
    }

    [Fact]
    public async Task EveryOperationHasAUniqueOperationIdAndASummary()
    {
        var operations = await OperationsAsync();

        Assert.NotEmpty(operations);
        foreach (var (name, operation) in operations)
        {
            Assert.True(operation.TryGetProperty("operationId", out var id) && !string.IsNullOrWhiteSpace(id.GetString()), $"{name} has no operationId.");
            Assert.True(operation.TryGetProperty("summary", out var summary) && !string.IsNullOrWhiteSpace(summary.GetString()), $"{name} has no summary.");
        }

        var ids = operations.Select(o => o.Operation.GetProperty("operationId").GetString()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task ThePartyOperationsHaveTheirAgreedOperationIds()
    {
        var ids = (await OperationsAsync()).ToDictionary(o => o.Name, o => o.Operation.GetProperty("operationId").GetString());

        Assert.Equal("ListParties", ids["GET /api/v1/parties"]);
        Assert.Equal("CreateParty", ids["POST /api/v1/parties"]);
        Assert.Equal("GetParty", ids["GET /api/v1/parties/{id}"]);
        Assert.Equal("ReplaceParty", ids["PUT /api/v1/parties/{id}"]);
        Assert.Equal("PatchParty", ids["PATCH /api/v1/parties/{id}"]);
        Assert.Equal("DeleteParty", ids["DELETE /api/v1/parties/{id}"]);
    }

    [Fact]
    public async Task EveryEnumIsDescribedAsKebabCaseStrings()
    {
        var document = await _client.GetJsonAsync("/swagger/v1/swagger.json");
        var schemas = document.GetProperty("components").GetProperty("schemas");

        var enums = schemas.EnumerateObject().Where(s => s.Value.TryGetProperty("enum", out _)).ToList();
        Assert.NotEmpty(enums);
        foreach (var schema in enums)
        {
            Assert.Equal("string", schema.Value.GetProperty("type").GetString());
            foreach (var value in schema.Value.GetProperty("enum").EnumerateArray())
            {
                Assert.Equal(JsonValueKind.String, value.ValueKind);
                Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", value.GetString());
            }
        }

        var partyKind = schemas.GetProperty("PartyKind").GetProperty("enum").EnumerateArray().Select(v => v.GetString());
        Assert.Equal(
            ["state", "international-organisation", "non-state-actor", "state-group", "armed-group", "political-movement", "civil-society"],
            partyKind);
    }

    [Fact]
    public async Task ThePatchOperationsAcceptMergePatchBodies()
    {
        var operations = await OperationsAsync();

        var patches = operations.Where(o => o.Name.StartsWith("PATCH ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(patches);
        foreach (var (name, operation) in patches)
        {
            var content = operation.GetProperty("requestBody").GetProperty("content");
            Assert.True(content.TryGetProperty(Http.MergePatch, out _), $"{name} does not accept {Http.MergePatch}.");
        }
    }

    [Fact]
    public async Task EveryWriteSaysItNeedsAKeyAndHowItCanBeRefused()
    {
        var operations = await OperationsAsync();

        var writes = operations.Where(o => o.Name.Split(' ')[0] is "POST" or "PUT" or "PATCH" or "DELETE").ToList();
        Assert.NotEmpty(writes);
        foreach (var (name, operation) in writes)
        {
            var responses = operation.GetProperty("responses");
            Assert.True(responses.TryGetProperty("401", out _), $"{name} does not document 401.");
            Assert.True(responses.TryGetProperty("403", out _), $"{name} does not document 403.");
        }
    }

    [Fact]
    public async Task EveryOperationThatNeedsAKeyIsRefusedWithTheSame401And403()
    {
        var operations = await OperationsAsync();

        foreach (var status in new[] { "401", "403" })
        {
            var descriptions = operations
                .Where(o => o.Operation.GetProperty("responses").TryGetProperty(status, out _))
                .Select(o => o.Operation.GetProperty("responses").GetProperty(status).GetProperty("description").GetString())
                .Distinct()
                .ToList();
            Assert.True(descriptions.Count == 1, $"{status} is described {descriptions.Count} ways: {string.Join(" | ", descriptions)}");
            Assert.NotEqual(status == "401" ? "Unauthorized" : "Forbidden", descriptions[0]);
        }
    }

    [Fact]
    public async Task UpdatesAndDeletesDocumentThePreconditionAnswers()
    {
        var operations = await OperationsAsync();

        var guarded = operations.Where(o => o.Name.Split(' ')[0] is "PUT" or "PATCH" or "DELETE" && o.Name.Contains("{id}", StringComparison.Ordinal)
            && !o.Name.Contains("/keys/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(guarded);
        foreach (var (name, operation) in guarded)
        {
            var responses = operation.GetProperty("responses");
            Assert.True(responses.TryGetProperty("412", out _), $"{name} does not document 412.");
            Assert.True(responses.TryGetProperty("428", out _), $"{name} does not document 428.");
        }
    }

    [Fact]
    public async Task EveryReadDocumentsETagAndRevalidationAndEveryJsonReadFields()
    {
        var reads = (await OperationsAsync())
            .Where(o => o.Name.StartsWith("GET /api/v1/", StringComparison.Ordinal) && o.Name != "GET /api/v1/changes/stream").ToList();

        Assert.NotEmpty(reads);
        foreach (var (name, operation) in reads)
        {
            var responses = operation.GetProperty("responses");
            // fields= selects from JSON: a read answering only another format (an iCalendar feed) must not offer it.
            // A release download is a file, served byte for byte: its JSON form is not an answer to select from.
            var answersJson = responses.GetProperty("200").TryGetProperty("content", out var content)
                && content.EnumerateObject().Any(m => m.Name.Contains("json", StringComparison.Ordinal))
                && !name.EndsWith("/download", StringComparison.Ordinal);
            Assert.True(answersJson == HasParameter(operation, "query", "fields"),
                $"{name} {(answersJson ? "does not document" : "answers no JSON but documents")} fields=.");
            Assert.True(HasParameter(operation, "header", "If-None-Match"), $"{name} does not document If-None-Match.");
            Assert.True(responses.TryGetProperty("304", out _), $"{name} does not document 304.");
            Assert.True(responses.GetProperty("200").TryGetProperty("headers", out var headers) && headers.TryGetProperty("ETag", out _),
                $"{name} does not document its ETag.");
        }
    }

    [Fact]
    public async Task EveryListDocumentsCsvAndItsLinkHeader()
    {
        var lists = (await OperationsAsync())
            .Where(o => o.Name.StartsWith("GET /api/v1/", StringComparison.Ordinal)
                && o.Operation.GetProperty("responses").TryGetProperty("200", out var ok)
                && ok.TryGetProperty("content", out var content) && content.TryGetProperty("application/json", out var json)
                && json.GetProperty("schema").TryGetProperty("$ref", out var schema)
                && schema.GetString()!.StartsWith("#/components/schemas/PageOf", StringComparison.Ordinal))
            .ToList();

        Assert.Contains(lists, l => l.Name == "GET /api/v1/parties");
        Assert.Contains(lists, l => l.Name == "GET /api/v1/talks/{talkId}/rounds");
        foreach (var (name, operation) in lists)
        {
            var format = operation.GetProperty("parameters").EnumerateArray().SingleOrDefault(p => p.GetProperty("name").GetString() == "format");
            Assert.True(format.ValueKind == JsonValueKind.Object, $"{name} does not document format=.");
            var formats = format.GetProperty("schema").GetProperty("enum").EnumerateArray().Select(v => v.GetString()).ToList();
            Assert.Equal(name.EndsWith("/rounds", StringComparison.Ordinal) ? ["csv", "geojson"] : ["csv"], formats);
            var ok = operation.GetProperty("responses").GetProperty("200");
            Assert.True(ok.GetProperty("content").TryGetProperty("text/csv", out _), $"{name} does not document its CSV answer.");
            Assert.Equal(formats.Contains("geojson"), ok.GetProperty("content").TryGetProperty("application/geo+json", out _));
            Assert.True(ok.GetProperty("headers").TryGetProperty("Link", out _), $"{name} does not document its Link header.");
        }
    }

    [Fact]
    public async Task TheChangeStreamIsNotDescribedAsRevalidatable()
    {
        var stream = (await OperationsAsync()).Single(o => o.Name == "GET /api/v1/changes/stream").Operation;

        Assert.False(stream.GetProperty("responses").TryGetProperty("304", out _));
        Assert.False(HasParameter(stream, "header", "If-None-Match"));
    }

    [Fact]
    public async Task GuardedUpdatesAndDeletesRequireIfMatch()
    {
        var guarded = (await OperationsAsync()).Where(o => o.Operation.GetProperty("responses").TryGetProperty("428", out _)).ToList();

        Assert.Contains(guarded, g => g.Name == "PATCH /api/v1/rounds/{id}");
        foreach (var (name, operation) in guarded)
        {
            var ifMatch = operation.GetProperty("parameters").EnumerateArray()
                .SingleOrDefault(p => p.GetProperty("in").GetString() == "header" && p.GetProperty("name").GetString() == "If-Match");
            Assert.True(ifMatch.ValueKind == JsonValueKind.Object, $"{name} does not document If-Match.");
            Assert.True(ifMatch.GetProperty("required").GetBoolean(), $"{name} does not say If-Match is required.");
        }
    }

    [Fact]
    public async Task TheChangeKindsIncludeReset()
    {
        var document = await _client.GetJsonAsync("/swagger/v1/swagger.json");

        var kinds = document.GetProperty("components").GetProperty("schemas").GetProperty("ChangeKind").GetProperty("enum")
            .EnumerateArray().Select(v => v.GetString());
        Assert.Contains("reset", kinds);
    }

    [Fact]
    public async Task TheSwaggerUiIsServedWhenSwitchedOn()
    {
        using var withUi = factory.WithWebHostBuilder(b => b.UseSetting("OpenApi:Ui", "true"));
        using var client = withUi.CreateClient();
        using var response = await client.GetAsync("/swagger/index.html");

        response.EnsureSuccessStatusCode();
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TheSwaggerUiIsOffInProductionByDefaultWhileTheDocumentIsServed()
    {
        using var ui = await _client.GetAsync("/swagger/index.html");
        using var document = await _client.GetAsync("/swagger/v1/swagger.json");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, ui.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, document.StatusCode);
    }

    private static bool HasParameter(JsonElement operation, string location, string name) =>
        operation.TryGetProperty("parameters", out var parameters)
        && parameters.EnumerateArray().Any(p => p.GetProperty("in").GetString() == location && p.GetProperty("name").GetString() == name);

    private async Task<List<(string Name, JsonElement Operation)>> OperationsAsync()
    {
        var document = OpenApiReading.WithSharedPartsInlined(await _client.GetJsonAsync("/swagger/v1/swagger.json"));
        return document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(op => Methods.Contains(op.Name))
                .Select(op => ($"{op.Name.ToUpperInvariant()} {path.Name}", op.Value)))
            .ToList();
    }
}
