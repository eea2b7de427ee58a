using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Talks.Api.Changes;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Changes;

/// <summary>
/// The numbers every cached read is keyed by: each record's own talk and its newest change, the same answer while
/// nothing is written (on SQLite remembered until the database moves), and a new one after any commit, however it
/// was made.
/// </summary>
public sealed class ChangeNumbersTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private readonly HttpClient _analyst = factory.CreateClient();

    [Fact]
    public async Task RecordsReadBetweenTheSameTwoWritesEachGetTheirOwnTalksNumbers()
    {
        var (talkA, roundA) = await NewTalkAsync();
        var (talkB, roundB) = await NewTalkAsync();
        var numbers = factory.Services.GetRequiredService<ChangeNumbers>();

        var a = await numbers.ScopeAsync("rounds", roundA);
        var b = await numbers.ScopeAsync("rounds", roundB);

        Assert.Equal((talkA, talkB), (a.TalkId, b.TalkId));
        Assert.NotEqual(a.Talk, b.Talk);
        Assert.Equal(a, await numbers.ScopeAsync("rounds", roundA));
        Assert.Equal(b, await numbers.ScopeAsync("rounds", roundB));
    }

    [Fact]
    public async Task AWriteMadeOutsideTheApiMovesItsTalksNumberAndNoOther()
    {
        var (_, roundA) = await NewTalkAsync();
        var (_, roundB) = await NewTalkAsync();
        var numbers = factory.Services.GetRequiredService<ChangeNumbers>();
        var a = await numbers.ScopeAsync("rounds", roundA);
        var b = await numbers.ScopeAsync("rounds", roundB);
        var newest = await numbers.NewestAsync();

        await factory.InDatabaseAsync(async db =>
        {
            var round = await db.Rounds.SingleAsync(r => r.Id == roundB);
            round.Summary = "Edited by another instance.";
            await db.SaveChangesAsync();
        });

        var after = await numbers.ScopeAsync("rounds", roundB);
        Assert.True(after.Talk > b.Talk, $"talk B's newest change moves on from {b.Talk}");
        Assert.Equal(a, await numbers.ScopeAsync("rounds", roundA));
        Assert.True(await numbers.NewestAsync() > newest, "the newest change of all moves on");
    }

    [PostgresOnlyFact]
    public async Task OnPostgresACachedReadSendsTheDatabaseNothing()
    {
        var (_, round) = await NewTalkAsync();
        using var reader = factory.CreateAnonymousClient();
        for (var i = 0; i < 2; i++)
        {
            (await reader.GetAsync($"/api/v1/rounds/{round}")).Dispose();
        }

        var sent = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                var query = activity.GetTagItem("db.query.text") as string ?? activity.DisplayName;
                // The listener's own reading of the change table, on its connection, every few seconds or on a notification.
                if (Equals(activity.GetTagItem("db.namespace"), factory.Database!.Name) && !query.Contains("""WHERE "Id" > @after""", StringComparison.Ordinal))
                {
                    sent.Enqueue(query);
                }
            },
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);

        for (var i = 0; i < 20; i++)
        {
            using var hit = await reader.GetAsync($"/api/v1/rounds/{round}");
            Assert.NotNull(hit.Headers.Age);
        }

        Assert.True(sent.IsEmpty, $"Cached reads sent: {string.Join(" | ", sent)}");
    }

    private async Task<(string Talk, string Round)> NewTalkAsync()
    {
        var talk = (await _analyst.CreateAsync("/api/v1/talks", Talk(Unique("Numbered talks")))).Text("id")!;
        var round = (await _analyst.CreateAsync($"/api/v1/talks/{talk}/rounds", Round(Unique("Ankara"), "2025-02-02"))).Text("id")!;
        return (talk, round);
    }
}
