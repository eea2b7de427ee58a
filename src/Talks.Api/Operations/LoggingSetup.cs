using Microsoft.Extensions.Logging.Console;

namespace Talks.Api.Operations;

/// <summary>
/// <c>Logging:Format</c>: <c>json</c> (the default outside Development) writes one JSON object per line, carrying the
/// request's trace id, for a log pipeline to index; <c>text</c> (the default in Development) is the readable console
/// format. A command-line command writes its logs to standard error, so its standard output is its answer alone.
/// </summary>
public static class LoggingSetup
{
    public static WebApplicationBuilder AddTalksLogging(this WebApplicationBuilder builder, bool isCommand)
    {
        var format = builder.Configuration["Logging:Format"] ?? (builder.Environment.IsDevelopment() ? "text" : "json");
        var formatter = format.ToLowerInvariant() switch
        {
            "json" => JsonLineFormatter.Name,
            "text" => ConsoleFormatterNames.Simple,
            _ => throw new InvalidOperationException($"Logging:Format must be json or text, not '{format}'."),
        };

        builder.Logging.AddConsoleFormatter<JsonLineFormatter, ConsoleFormatterOptions>();
        builder.Services.Configure<ConsoleLoggerOptions>(options =>
        {
            options.FormatterName = formatter;
            if (isCommand)
            {
                options.LogToStandardErrorThreshold = LogLevel.Trace;
            }
        });

        if (isCommand)
        {
            // A command's own progress and answer are what its user reads; routine start-up lines would bury them.
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        }

        return builder;
    }
}
