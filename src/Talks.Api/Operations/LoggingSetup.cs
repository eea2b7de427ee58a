using Microsoft.Extensions.Logging.Console;

namespace Talks.Api.Operations;

/// <summary>
/// <c>Logging:Format</c>: <c>json</c> (the default outside Development) writes one JSON object per line, carrying the
/// request's trace id, for a log pipeline to index; <c>text</c> (the default in Development) is the readable console
/// format. A command-line command writes its logs to standard error, so its standard output is its answer alone; so
/// does the ephemeral mode, whose standard output is its URL and admin key. EF Core's SQL command log is at Warning in
/// every environment (appsettings*.json); <c>Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command</c> at
/// <c>Information</c> brings each SQL command back.
/// </summary>
public static class LoggingSetup
{
    // isCommand: a command-line command (keys, backup, generate) runs instead of the server.
    // announcesOnStandardOutput: standard output is kept for what the app announces (--ephemeral: its URL and admin
    // key), so logs go to standard error.
    public static WebApplicationBuilder AddTalksLogging(this WebApplicationBuilder builder, bool isCommand, bool announcesOnStandardOutput)
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
            if (isCommand || announcesOnStandardOutput)
            {
                options.LogToStandardErrorThreshold = LogLevel.Trace;
            }
        });

        if (isCommand)
        {
            // A command's own progress and answer are what its user reads; routine start-up lines would bury them.
            // The configured levels (Default: Information) are a server's and would outrank a minimum level, so each
            // rule below Warning is raised to it; warnings and errors still reach standard error.
            builder.Services.PostConfigure<LoggerFilterOptions>(options =>
            {
                options.MinLevel = LogLevel.Warning;
                for (var i = 0; i < options.Rules.Count; i++)
                {
                    if (options.Rules[i] is { LogLevel: < LogLevel.Warning } rule)
                    {
                        options.Rules[i] = new LoggerFilterRule(rule.ProviderName, rule.CategoryName, LogLevel.Warning, rule.Filter);
                    }
                }
            });
        }

        return builder;
    }
}
