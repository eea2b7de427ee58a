using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Answers.Caching;

/// <summary>
/// What the read cache holds on to after a write: answers a write made stale can never be served again (their key
/// names the change numbers they were made under), and they are let go of too, so memory goes to answers that can
/// still be served — those of one talk after a write to it, every talk's after a change to a shared record, every
/// list's after any write. Another talk's answers stay.
/// </summary>
public sealed class ReadCacheMemoryTests : IDisposable
{
    private readonly KeptAnswers _kept = new();
    private readonly TalksApiFactory _api;
    private readonly HttpClient _reader;
    private readonly HttpClient _analyst;

    public ReadCacheMemoryTests()
    {
        _api = TalksApiFactory.WithServices(services => services.AddSingleton<IOutputCacheStore>(_kept));
        _reader = _api.CreateAnonymousClient();
        _analyst = _api.CreateClient();
    }

    [Fact]
    public async Task AWriteToOneTalkLetsGoOfThatTalksAnswersAndOfEveryListButKeepsAnotherTalks()
    {
        var written = await NewTalkAsync();
        var untouched = await NewTalkAsync();
        var list = $"/api/v1/positions?roundId={written.Round}";
        await ReadAsync($"/api/v1/talks/{written.Talk}", $"/api/v1/rounds/{written.Round}", $"/api/v1/talks/{untouched.Talk}", list);
        Assert.Equal(1, _kept.Holding($"/api/v1/talks/{written.Talk}"));
        Assert.Equal(1, _kept.Holding(list));

        await _analyst.CreateAsync("/api/v1/positions", Position(written.Round, "ukraine", "territory", "rejection"));
        await ReadAsync($"/api/v1/rounds/{written.Round}");

        Assert.Equal(0, _kept.Holding($"/api/v1/talks/{written.Talk}"));
        Assert.Equal(1, _kept.Holding($"/api/v1/rounds/{written.Round}"));
        Assert.Equal(1, _kept.Holding($"/api/v1/talks/{untouched.Talk}"));

        await ReadAsync("/api/v1/positions?limit=1");
        Assert.Equal(0, _kept.Holding(list));
        Assert.Equal(1, _kept.Holding($"/api/v1/talks/{untouched.Talk}"));
    }

    [Fact]
    public async Task AChangeToASharedRecordLetsGoOfEveryTalksAnswers()
    {
        var first = await NewTalkAsync();
        var second = await NewTalkAsync();
        await ReadAsync($"/api/v1/talks/{first.Talk}", $"/api/v1/talks/{second.Talk}");

        await _analyst.CreateAsync("/api/v1/parties", Party(Unique("Shared Change State")));
        await ReadAsync($"/api/v1/rounds/{first.Round}");

        Assert.Equal(0, _kept.Holding($"/api/v1/talks/{first.Talk}"));
        Assert.Equal(0, _kept.Holding($"/api/v1/talks/{second.Talk}"));
        Assert.Equal(1, _kept.Holding($"/api/v1/rounds/{first.Round}"));
    }

    [Fact]
    public async Task AListAskedForAsCsvIsStreamedAndNeverKept()
    {
        var talk = await NewTalkAsync();
        var list = $"/api/v1/positions?roundId={talk.Round}";

        using var request = new HttpRequestMessage(HttpMethod.Get, list);
        request.Headers.Accept.Add(new System.Net.Http.Headers.MediaTypeWithQualityHeaderValue("text/csv"));
        using var csv = await _reader.SendAsync(request);

        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, _kept.Holding(list));
        await ReadAsync(list);
        Assert.Equal(1, _kept.Holding(list));
    }

    public void Dispose()
    {
        _reader.Dispose();
        _analyst.Dispose();
        _api.Dispose();
    }

    private async Task ReadAsync(params string[] urls)
    {
        foreach (var url in urls)
        {
            using var answer = await _reader.GetAsync(url);
            answer.EnsureSuccessStatusCode();
        }
    }

    private async Task<(string Talk, string Round)> NewTalkAsync()
    {
        var talk = (await _analyst.CreateAsync("/api/v1/talks", Talk(Unique("Kept in memory")))).Text("id")!;
        var round = (await _analyst.CreateAsync(
            $"/api/v1/talks/{talk}/rounds",
            Round(Unique("Riga"), "2025-04-04", participants: [Participant("ukraine", "negotiating-party")]))).Text("id")!;
        return (talk, round);
    }

    /// <summary>An output cache store that can be looked into: which answers it holds, by path and query.</summary>
    private sealed class KeptAnswers : IOutputCacheStore
    {
        private readonly ConcurrentDictionary<string, (byte[] Value, string[] Tags)> _entries = new(StringComparer.Ordinal);

        /// <summary>How many kept answers are for exactly this path (and query, when given).</summary>
        public int Holding(string pathAndQuery)
        {
            var (path, query) = pathAndQuery.Split('?') is [var p, var q] ? (p, q) : (pathAndQuery, null);
            var exactPath = new Regex(Regex.Escape(path) + "(?![A-Za-z0-9/_-])");
            return _entries.Keys.Count(key => exactPath.IsMatch(key) && (query is null || key.Contains(query, StringComparison.OrdinalIgnoreCase)));
        }

        public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
        {
            foreach (var (key, entry) in _entries)
            {
                if (entry.Tags.Contains(tag))
                {
                    _entries.TryRemove(key, out _);
                }
            }

            return ValueTask.CompletedTask;
        }

        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) =>
            ValueTask.FromResult(_entries.TryGetValue(key, out var entry) ? entry.Value : null);

        public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
        {
            _entries[key] = (value, tags ?? []);
            return ValueTask.CompletedTask;
        }
    }
}
