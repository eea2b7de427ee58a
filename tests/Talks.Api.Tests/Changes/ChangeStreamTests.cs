using System.Net;
using System.Text.Json;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Changes;

/// <summary>A page that stays open hears of each change as it is committed, over server-sent events.</summary>
public sealed class ChangeStreamTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task AnOpenStreamReportsANewRecord()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/changes/stream?collection=parties");
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));

        var created = await _client.CreateAsync("/api/v1/parties", Party(Unique("Streamed State")));

        var change = await NextChangeAsync(reader, timeout.Token);
        Assert.Equal("parties", change.Text("collection"));
        Assert.Equal(created.Text("id"), change.Text("id"));
        Assert.Equal("created", change.Text("kind"));
        Assert.Equal(1, change.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task AStreamResumesAfterTheLastEventItDelivered()
    {
        var first = await _client.CreateAsync("/api/v1/talks", Talk(Unique("Resumed talks")));
        var feed = await _client.GetJsonAsync("/api/v1/changes?collection=talks&limit=200");
        var seq = feed.Items().Single(c => c.Text("recordId") == first.Text("id")).GetProperty("seq").GetInt64();
        var second = await _client.CreateAsync("/api/v1/talks", Talk(Unique("Resumed talks")));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/changes/stream?collection=talks");
        request.Headers.Add("Last-Event-ID", seq.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));

        var change = await NextChangeAsync(reader, timeout.Token);
        Assert.Equal(second.Text("id"), change.Text("id"));
    }

    [Theory]
    [InlineData("since=yesterday")]
    [InlineData("collection=everything")]
    public async Task ABadStreamRequestIsRefusedBeforeStreaming(string query)
    {
        using var response = await _client.GetAsync($"/api/v1/changes/stream?{query}");

        await response.ReadProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task TheChangeStreamSendsANewPositionAsItIsPosted()
    {
        using var stream = await _client.GetAsync("/api/v1/changes/stream", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", stream.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync());

        var created = await _client.CreateAsync("/api/v1/positions", Position("istanbul-2025-05-16", "ukraine", "ceasefire", "demand"));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        string? id = null;
        while (!timeout.IsCancellationRequested)
        {
            var line = await reader.ReadLineAsync(timeout.Token);
            if (line is null)
            {
                break;
            }

            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                using var data = JsonDocument.Parse(line["data: ".Length..]);
                if (data.RootElement.GetProperty("id").GetString() == created.Text("id"))
                {
                    id = data.RootElement.GetProperty("id").GetString();
                    Assert.Equal("positions", data.RootElement.GetProperty("collection").GetString());
                    Assert.Equal("created", data.RootElement.GetProperty("kind").GetString());
                    break;
                }
            }
        }

        Assert.Equal(created.Text("id"), id);
    }

    /// <summary>Reads the stream until a 'change' event and returns its data.</summary>
    internal static async Task<JsonElement> NextChangeAsync(StreamReader reader, CancellationToken ct)
    {
        string? eventName = null;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                eventName = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && eventName == "change")
            {
                using var document = JsonDocument.Parse(line["data: ".Length..]);
                return document.RootElement.Clone();
            }
        }

        throw new InvalidOperationException("The stream ended before a change arrived.");
    }
}
