using Talks.Api.Agreements;
using Talks.Api.Infrastructure;
using Talks.Api.Parties;
using Talks.Api.People;
using Talks.Api.Positions;
using Talks.Api.Rounds;
using Talks.Api.Sources;
using Talks.Api.Statements;
using Talks.Api.Talks;

var builder = WebApplication.CreateBuilder(args);

builder.AddTalksJson();
builder.AddTalksProblems();
builder.AddTalksData();
builder.AddTalksValidation();
builder.AddTalksOpenApi();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseTalksOpenApi();

app.MapTalksHealth();
app.MapTalkEndpoints();
app.MapRoundEndpoints();
app.MapPartyEndpoints();
app.MapPersonEndpoints();
app.MapPositionEndpoints();
app.MapStatementEndpoints();
app.MapAgreementEndpoints();
app.MapSourceEndpoints();

await app.InitializeDatabaseAsync();
app.Run();
