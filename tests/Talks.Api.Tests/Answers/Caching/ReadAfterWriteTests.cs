using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Answers.Caching;

/// <summary>
/// A read that was under way during an edit may show either version; one sent after the edit was acknowledged must
/// show it — also when a read begun before the edit finishes late and its answer reaches the cache after the edit.
/// </summary>
public sealed partial class ReadAfterWriteTests
{
    private const int Edits = 30;

    [Fact]
    public async Task AnAnswerReadBeforeAnEditButFinishedAfterItIsNeverServedAgain()
    {
        await using var factory = new TalksApiFactory();
        var analyst = factory.CreateClient();
        var url = await CreateLargeRoundAsync(analyst);
        using var slowReader = ReaderFrom(factory, "https://slow.example");

        // The answer is far larger than the test host's response pipe holds, so the app has read the round and is
        // still writing (and not yet keeping) it while this client leaves the body unread.
        using var early = await slowReader.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        using (var edit = await analyst.PatchCurrentAsync(url, """{ "summary": "Edit 1" }"""))
        {
            Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        }

        // Another reader sees the edit first, as one would on a busy service.
        using var other = ReaderFrom(factory, "https://other.example");
        Assert.Equal("Edit 1", (await other.GetJsonAsync(url)).Text("summary"));
        using (var body = JsonDocument.Parse(await early.Content.ReadAsStringAsync()))
        {
            Assert.Equal("Edit 0", body.RootElement.Text("summary"));
        }

        using var later = ReaderFrom(factory, "https://slow.example");
        Assert.Equal("Edit 1", (await later.GetJsonAsync(url)).Text("summary"));
    }

    [Fact]
    public async Task EveryReadSentAfterAnEditIsAcknowledgedShowsTheEdit()
    {
        // The readers send thousands of requests; the abuse limit is not what this is about.
        await using var factory = TalksApiFactory.WithSettings(new Dictionary<string, string> { ["RateLimits:Enabled"] = "false" });
        var analyst = factory.CreateClient();
        var url = $"/api/v1/parties/{(await analyst.CreateAsync("/api/v1/parties", Party(Unique("Hammered State")))).Text("id")}";
        using (var edit = await analyst.PatchCurrentAsync(url, """{ "notes": "Edit 0" }"""))
        {
            Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        }

        var acknowledged = 0;
        var reads = 0;
        var stale = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();
        // One way of asking per reader, so each has an answer of its own in the cache: readers asking alike wait on
        // one another's answer and seldom have a read of their own under way when an edit lands.
        var readers = new[] { "", "?fields=notes", "?fields=id,notes", "?fields=name,notes" }.Select(query => Task.Run(async () =>
        {
            using var reader = factory.CreateAnonymousClient();
            while (!stop.IsCancellationRequested)
            {
                var expected = Volatile.Read(ref acknowledged);
                var body = await reader.GetJsonAsync(url + query);
                var seen = EditNumber(body.Text("notes"));
                Interlocked.Increment(ref reads);
                if (seen < expected)
                {
                    stale.Add($"sent after edit {expected} was acknowledged, showed edit {seen}");
                }
            }
        })).ToList();

        for (var i = 1; i <= Edits; i++)
        {
            using var edit = await analyst.PatchCurrentAsync(url, $$"""{ "notes": "Edit {{i}}" }""");
            Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
            Volatile.Write(ref acknowledged, i);
            await Task.Delay(30);
        }

        // Time for answers begun before the last edit to finish and be kept, and for later reads to find them.
        await Task.Delay(300);
        await stop.CancelAsync();
        await Task.WhenAll(readers);

        Assert.True(reads > Edits * 4, $"Only {reads} reads were made: the readers did not overlap the edits.");
        Assert.Empty(stale);
        Assert.Equal($"Edit {Edits}", (await factory.CreateAnonymousClient().GetJsonAsync(url)).Text("notes"));
    }

    /// <summary>Readers from different origins are kept apart in the cache (it varies by Origin, for CORS).</summary>
    private static HttpClient ReaderFrom(TalksApiFactory factory, string origin)
    {
        var reader = factory.CreateAnonymousClient();
        reader.DefaultRequestHeaders.Add("Origin", origin);
        return reader;
    }

    /// <summary>A round with the most positions one post may bring: an answer of a few hundred kilobytes.</summary>
    private static async Task<string> CreateLargeRoundAsync(HttpClient analyst)
    {
        var talk = (await analyst.CreateAsync("/api/v1/talks", Talk(Unique("Hammered talks")))).Text("id");
        var round = Round(Unique("Ankara"), "2025-09-01");
        round["summary"] = "Edit 0";
        var positions = new JsonArray();
        for (var i = 0; i < 500; i++)
        {
            var position = Position(null!, i % 2 == 0 ? "ukraine" : "russia", "prisoners", "offer");
            position.Remove("roundId");
            position["summary"] = $"Offer number {i} on prisoners, with enough words to make the answer long. " + new string('x', 400);
            positions.Add(position);
        }

        round["positions"] = positions;
        var created = await analyst.CreateAsync($"/api/v1/talks/{talk}/rounds", round);
        return $"/api/v1/rounds/{created.Text("id")}";
    }

    private static int EditNumber(string? notes) => int.Parse(EditPattern().Match(notes ?? "").Groups[1].Value);

    [GeneratedRegex(@"^Edit (\d+)$")]
    private static partial Regex EditPattern();
}
