using Talks.Api.Hosting;
using Talks.Api.Hosting.Database;
using Talks.Api.Startup;
using Talks.Api.TestRuns;

var (ephemeral, hostArgs) = EphemeralMode.From(args);
var builder = WebApplication.CreateBuilder(hostArgs).ReadSettingsBesideTheApp();
ephemeral?.Configure(builder, hostArgs);
builder.AddTalksServices(isCommand: TalksCommands.Matches(args), announcesOnStandardOutput: ephemeral is not null);

var app = builder.Build();
await app.InitializeDatabaseAsync();
if (TalksCommands.Matches(args))
{
    return await TalksCommands.RunAsync(app.Services, args);
}

app.UseTalksMiddleware();
ephemeral?.Announce(app);
app.MapTalksRoutes();
await app.RunAsync();
return 0;
