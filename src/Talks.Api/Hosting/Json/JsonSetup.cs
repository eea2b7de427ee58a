using System.Text.Json;
using System.Text.Json.Serialization;

namespace Talks.Api.Hosting.Json;

public static class JsonSetup
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;

        // A misspelt field silently dropped is a lost edit; reject it instead.
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.AllowDuplicateProperties = false;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.Converters.Add(new OffsetDateTimeConverter());
        options.Converters.Add(new TextWithoutNul.Converter());
    }

    public static WebApplicationBuilder AddTalksJson(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(o => Configure(o.SerializerOptions));

        // Swashbuckle reads the MVC options to describe schemas; keep both the same.
        builder.Services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(o => Configure(o.JsonSerializerOptions));
        return builder;
    }
}
