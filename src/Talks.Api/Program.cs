using Talks.Api.Agreements;
using Talks.Api.Backups;
using Talks.Api.Changes;
using Talks.Api.Explorer;
using Talks.Api.Generate;
using Talks.Api.Hosting;
using Talks.Api.Hosting.Database;
using Talks.Api.Hosting.Errors;
using Talks.Api.Hosting.Health;
using Talks.Api.Hosting.Json;
using Talks.Api.Hosting.Limits;
using Talks.Api.Hosting.OpenApi;
using Talks.Api.Hosting.Security;
using Talks.Api.Hosting.Validation;
using Talks.Api.Idempotency;
using Talks.Api.Keys;
using Talks.Api.Operations;
using Talks.Api.Parties;
using Talks.Api.People;
using Talks.Api.Positions;
using Talks.Api.Reading;
using Talks.Api.Releases;
using Talks.Api.Rounds;
using Talks.Api.Search;
using Talks.Api.Sources;
using Talks.Api.Statements;
using Talks.Api.Talks;
using Talks.Api.Testing;
using Talks.Api.Topics;

var (ephemeral, hostArgs) = EphemeralMode.From(args);
var builder = WebApplication.CreateBuilder(hostArgs).ReadSettingsBesideTheApp();
ephemeral?.Configure(builder, hostArgs);
var isCommand = KeyCommands.Matches(args) || BackupCommands.Matches(args) || GenerateCommand.Matches(args) || ReleaseCommands.Matches(args);
builder.AddTalksLogging(isCommand, announcesOnStandardOutput: ephemeral is not null);
builder.AddTalksTelemetry();
builder.AddTalksShutdown();
builder.AddTalksJson();
builder.AddTalksProblems();
builder.AddTalksData();
builder.AddTalksAuth();
builder.AddTalksCors();
builder.AddTalksValidation();
builder.AddTalksOpenApi();
builder.AddTalksIdempotency();
builder.AddTalksSecurity();
builder.AddTalksLimits();
builder.AddTalksReadCache();
builder.Services.AddTalksBackups();
builder.Services.AddTalksChanges();
builder.Services.AddTalksRounds();
builder.Services.AddTalksSearch();
builder.Services.AddTalksReleases();
builder.Services.AddScoped<TopicVocabulary>();

var app = builder.Build();

await app.InitializeDatabaseAsync();
if (KeyCommands.Matches(args))
{
    return await KeyCommands.RunAsync(app.Services, args, Console.Out, Console.Error);
}

if (BackupCommands.Matches(args))
{
    return await BackupCommands.RunAsync(app.Services, args, Console.Out, Console.Error);
}

if (ReleaseCommands.Matches(args))
{
    return await ReleaseCommands.RunAsync(app.Services, args, Console.Out, Console.Error);
}

if (GenerateCommand.Matches(args))
{
    return await GenerateCommand.RunAsync(app.Services, args, Console.Error);
}

app.UseTalksSecurity();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseTalksOpenApi();
app.UseTalksExplorer();
app.UseRouting();
app.UseRereadableBodies();
app.UseTextWithoutNul();
app.UseCors();
app.UseAuthentication();
app.UseTalksLimits();
app.UseAuthorization();
app.UseIdempotency();
app.UseReadYourWrites();
app.UseTalksReadCache();
app.UseReadResponses();
app.UseWriteAnswerTags();

ephemeral?.Announce(app);
app.MapTalksHealth();
var api = app.MapGroup("/api/v1").RequireKeys(app.Configuration);
var records = api.MapGroup("").CachesReads();
records.MapTalkEndpoints();
records.MapRoundEndpoints();
records.MapPartyEndpoints();
records.MapPersonEndpoints();
records.MapPositionEndpoints();
records.MapStatementEndpoints();
records.MapAgreementEndpoints(RoundIncludes.RoundOfAgreement);
records.MapSourceEndpoints();
records.MapTopicEndpoints();
records.MapObligationEndpoints();
records.MapSearchEndpoints();
records.MapReleaseEndpoints();
api.MapChangeEndpoints();
api.MapKeyEndpoints();
api.MapResetEndpoints(app.Configuration);
api.MapBackupEndpoints();

await app.RunAsync();
return 0;
