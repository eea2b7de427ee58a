namespace Talks.Api.Topics;

/// <summary>The vocabulary, read once per request by the filters and writes that name topics.</summary>
public static class TopicSetup
{
    public static WebApplicationBuilder AddTalksTopics(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<TopicVocabulary>();
        return builder;
    }
}
