using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Topics;

/// <summary>
/// What an analyst reads when a position names a topic outside the vocabulary: the topics meant, best first, found by
/// their ids, labels and other names — never an unrelated topic ahead of the right one because the two share a word.
/// </summary>
public sealed partial class TopicSuggestionTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private const string Round = "istanbul-2025-05-16";
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("ceasfire", "ceasefire")]
    [InlineData("prisnoers", "prisoners")]
    [InlineData("cease-fir", "ceasefire")]
    [InlineData("ceasefire-mon", "ceasefire-monitoring")]
    [InlineData("pow-exchnge", "prisoners")]
    [InlineData("ceasefire-monitorng", "ceasefire-monitoring")]
    [InlineData("humanitarian-corridor", "humanitarian-corridors")]
    [InlineData("revenue-shairng", "wealth-sharing")]
    public async Task AMisspeltIdOrOtherNameIsAnsweredWithTheTopicMeantFirst(string written, string meant)
    {
        var (suggested, summary) = await RefusedAsync(written);

        Assert.Equal(meant, suggested.FirstOrDefault());
        Assert.False(await factory.InDatabaseAsync(db => db.Positions.AnyAsync(p => p.Summary == summary)));
    }

    [Fact]
    public async Task ATopicThatSharesOnlyPartOfAWordIsNotOfferedAndOneSharingAWholeWordComesAfterTheCloserMatch()
    {
        // "venue" is an other name of the talks' format and sits inside "revenue"; "ceasefire" is a word of both ids.
        var (revenue, _) = await RefusedAsync("revenue-shairng");
        var (monitoring, _) = await RefusedAsync("ceasefire-monitorng");

        Assert.DoesNotContain("talks-format", revenue);
        Assert.Equal(["ceasefire-monitoring", "ceasefire"], monitoring.Take(2));
    }

    [Theory]
    [InlineData("disarmament", "ddr")]
    [InlineData("disarmement", "ddr")]
    [InlineData("victim", "victims")]
    [InlineData("victms", "victims")]
    [InlineData("electons", "elections")]
    [InlineData("election", "elections")]
    [InlineData("land", "territory")]
    [InlineData("land-refrom", "land-and-property")]
    public async Task TheFieldsCommonWordsAreAnsweredWithTheirTopics(string written, string meant)
    {
        var (suggested, _) = await RefusedAsync(written);

        Assert.Equal(meant, suggested.FirstOrDefault());
    }

    [Fact]
    public async Task AnotherNameIsAnsweredWithItsTopicAndThenTheTopicsCloseToIt()
    {
        var (land, _) = await RefusedAsync("land");

        Assert.Equal(["territory", "land-and-property"], land.Take(2));
    }

    /// <summary>Posts a position on <paramref name="written"/> and returns the topics its 400 names, in order.</summary>
    private async Task<(IReadOnlyList<string> Suggested, string Summary)> RefusedAsync(string written)
    {
        var summary = Unique("Topic outside the vocabulary");
        var body = Position(Round, "ukraine", written, "offer");
        body["summary"] = summary;

        using var response = await _client.PostJsonAsync("/api/v1/positions", body);

        var message = (await response.ReadValidationProblemAsync("topic"))["topic"][0];
        Assert.StartsWith($"'{written}' ", message, StringComparison.Ordinal);
        return ([.. Quoted().Matches(message).Skip(1).Select(m => m.Groups[1].Value)], summary);
    }

    [GeneratedRegex("'([a-z0-9-]+)'")]
    private static partial Regex Quoted();
}
