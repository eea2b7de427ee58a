namespace Talks.Api.Releases;

/// <summary>What cutting and serving releases needs: the maker, and the download's own OpenAPI description.</summary>
public static class ReleaseSetup
{
    public static WebApplicationBuilder AddTalksReleases(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ReleaseMaker>();
        builder.Services.ConfigureSwaggerGen(o => o.OperationFilter<ReleaseDownloadDocs>());
        return builder;
    }
}
