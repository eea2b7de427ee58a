using Talks.Api.Hosting.Database;

namespace Talks.Api.Search;

/// <summary>The ranking function search's SQL calls on SQLite.</summary>
public static class SearchSetup
{
    public static WebApplicationBuilder AddTalksSearch(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ISqliteFunctions, SqliteRankingFunction>();
        return builder;
    }
}
