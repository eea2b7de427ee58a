using Talks.Api.Infrastructure;
using Talks.Api.Parties;

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
app.MapPartyEndpoints();

await app.InitializeDatabaseAsync();
app.Run();
