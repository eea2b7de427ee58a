using Talks.Api.Answers;
using Talks.Api.ApiDocument;
using Talks.Api.Backups;
using Talks.Api.Changes;
using Talks.Api.Hosting.Database;
using Talks.Api.Hosting.Errors;
using Talks.Api.Hosting.Json;
using Talks.Api.Hosting.Limits;
using Talks.Api.Hosting.Security;
using Talks.Api.Hosting.Validation;
using Talks.Api.Keys;
using Talks.Api.Operations;
using Talks.Api.Releases;
using Talks.Api.Rounds;
using Talks.Api.Search;
using Talks.Api.Topics;

namespace Talks.Api.Startup;

/// <summary>Every service the app registers, one call per concern, each defined in the folder that owns it.</summary>
public static class TalksServices
{
    public static WebApplicationBuilder AddTalksServices(this WebApplicationBuilder builder, bool isCommand, bool announcesOnStandardOutput)
    {
        // How the process runs: logs (JSON lines; quiet for a command), traces and metrics, a graceful stop.
        builder.AddTalksLogging(isCommand, announcesOnStandardOutput);
        builder.AddTalksTelemetry();
        builder.AddTalksShutdown();

        // What every request meets: the JSON contract, problem details, the database, keys, CORS, validation, the
        // OpenAPI document, security headers and the limits on what one caller may cost.
        builder.AddTalksJson();
        builder.AddTalksProblems();
        builder.AddTalksData();
        builder.AddTalksAuth();
        builder.AddTalksCors();
        builder.AddTalksValidation();
        builder.AddTalksOpenApi();
        builder.AddTalksSecurity();
        builder.AddTalksLimits();

        // The path of an answer: replay, kept answers, shaping (Answers/AnswerPipeline).
        builder.AddTalksAnswers();

        // What features plug into the shared code or need for themselves.
        builder.AddTalksChanges();
        builder.AddTalksRounds();
        builder.AddTalksTopics();
        builder.AddTalksSearch();
        builder.AddTalksBackups();
        builder.AddTalksReleases();
        return builder;
    }
}
