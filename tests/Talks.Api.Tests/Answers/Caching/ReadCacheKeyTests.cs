using Microsoft.AspNetCore.OutputCaching;
using Talks.Api.Answers.Caching;

namespace Talks.Api.Tests.Answers.Caching;

/// <summary>
/// The read cache's key: without the change sequence in it, an answer made just before a write could be kept and
/// served after the write for as long as the entry lives.
/// </summary>
public sealed class ReadCacheKeyTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    [Fact]
    public void AnswersFromOneDayAreNotServedTheNext()
    {
        var before = new CacheVaryByRules();
        var after = new CacheVaryByRules();

        ReadCachePolicy.VaryBy(before, "41", caller: null, Today);
        ReadCachePolicy.VaryBy(after, "41", caller: null, Today.AddDays(1));

        Assert.Equal("2026-12-02", before.VaryByValues["day"]);
        Assert.NotEqual(before.VaryByValues.OrderBy(v => v.Key), after.VaryByValues.OrderBy(v => v.Key));
    }

    [Fact]
    public void TheKeyCarriesTheChangeSequenceTheRequestSaw()
    {
        var rules = new CacheVaryByRules();

        ReadCachePolicy.VaryBy(rules, "41", caller: null, Today);

        Assert.Equal("41", rules.VaryByValues["changes"]);
    }

    [Fact]
    public void RequestsOnEitherSideOfAWriteGetDifferentKeys()
    {
        var before = new CacheVaryByRules();
        var after = new CacheVaryByRules();

        ReadCachePolicy.VaryBy(before, "41", caller: null, Today);
        ReadCachePolicy.VaryBy(after, "42", caller: null, Today);

        Assert.NotEqual(before.VaryByValues.OrderBy(v => v.Key), after.VaryByValues.OrderBy(v => v.Key));
    }

    [Theory]
    [InlineData(42, 7)]
    [InlineData(41, 8)]
    public void ReadsOfATalkOnEitherSideOfAWriteToItOrToASharedRecordGetDifferentKeys(long talk, long shared)
    {
        var before = ReadCachePolicy.TalkChanges(new TalkScope("istanbul-talks", 41, 7));
        var after = ReadCachePolicy.TalkChanges(new TalkScope("istanbul-talks", talk, shared));

        Assert.NotEqual(before, after);
    }

    [Fact]
    public void WhenReadsNeedAKeyTheCallerIsPartOfTheKeyAsWell()
    {
        var rules = new CacheVaryByRules();

        ReadCachePolicy.VaryBy(rules, "7", caller: "reader-one", Today);

        Assert.Equal("7", rules.VaryByValues["changes"]);
        Assert.Equal("reader-one", rules.VaryByValues["caller"]);
    }

    [Fact]
    public void PublicReadsAreNotKeptPerCaller()
    {
        var rules = new CacheVaryByRules();

        ReadCachePolicy.VaryBy(rules, "7", caller: null, Today);

        Assert.False(rules.VaryByValues.ContainsKey("caller"));
    }
}
