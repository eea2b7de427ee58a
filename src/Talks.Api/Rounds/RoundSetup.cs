using Talks.Api.Answers.Embedding;
using Talks.Api.Records;

namespace Talks.Api.Rounds;

/// <summary>The services rounds bring: the whole round read by hand on SQLite, and the round agreements may embed.</summary>
public static class RoundSetup
{
    public static WebApplicationBuilder AddTalksRounds(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IRecordReader<RoundDetailResponse>, SqliteRoundReader>();
        builder.Services.AddSingleton(new LentInclude("agreements", RoundIncludes.RoundOfAgreement));
        return builder;
    }
}
