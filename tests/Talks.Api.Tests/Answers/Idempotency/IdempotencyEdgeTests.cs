using System.Data.Common;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Talks.Api.Tests.Infrastructure;
using Talks.Data;
using Talks.Data.Entities;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Answers.Idempotency;

/// <summary>
/// Idempotency at its edges, on an app whose clock the test sets and whose database the test can trip: a key at the
/// very moment it expires, a holder that lets go while a retry is claiming the key, and a store that fails.
/// </summary>
public sealed class IdempotencyEdgeTests : IDisposable
{
    private const string Parties = "/api/v1/parties";
    private const string KeyHeader = "Idempotency-Key";
    private const string ReplayedHeader = "Idempotent-Replayed";

    private static readonly DateTimeOffset Start = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly SetClock _clock = new(Start);
    private readonly IdempotencyTrip _trip = new();
    private readonly CapturedLogs _logs = new();
    private readonly TalksApiFactory _api;
    private readonly HttpClient _client;

    public IdempotencyEdgeTests()
    {
        _api = TalksApiFactory.WithServices(services =>
        {
            services.AddSingleton<TimeProvider>(_clock);
            services.ConfigureDbContext<TalksDbContext>(options => options.AddInterceptors(_trip));
            services.AddSingleton<ILoggerProvider>(_logs);
        });
        _client = _api.CreateClient(ApiKeyRole.Admin);
    }

    [Fact]
    public async Task AKeyAtTheVeryMomentItExpiresIsUsedAfreshAndKeptForTheFullRetention()
    {
        var key = NewKey();
        await KeepAsync(key, expiresAt: Start.UtcDateTime);
        var name = Unique("Expiring Key State");

        using var answer = await PostAsync(Party(name), key);

        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        Assert.False(answer.Headers.Contains(ReplayedHeader));
        var record = Assert.Single(await _api.InDatabaseAsync(db => db.IdempotencyRecords.Where(r => r.Key == key).ToListAsync()));
        Assert.Equal(Start.UtcDateTime, record.CreatedAt);
        Assert.Equal(Start.UtcDateTime.AddHours(24), record.ExpiresAt);
        Assert.Equal(201, record.StatusCode);
    }

    [Fact]
    public async Task AKeyOneMomentBeforeItExpiresStillReplaysItsAnswer()
    {
        var key = NewKey();
        var first = Unique("Still Kept State");
        using (var created = await PostAsync(Party(first), key))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        _clock.Now = Start.AddHours(24).AddTicks(-10);
        using var retry = await PostAsync(Party(first), key);

        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues(ReplayedHeader).Single());
        Assert.Equal(1, await _api.InDatabaseAsync(db => db.Parties.CountAsync(p => p.Name == first)));
    }

    [Fact]
    public async Task AHolderThatLetsGoWhileARetryClaimsTheKeyLeavesItToTheRetry()
    {
        var key = NewKey();
        await KeepAsync(key, expiresAt: Start.UtcDateTime.AddHours(1));
        // The holder's request fails and gives the key up just after the retry found it taken.
        _trip.WhenClaimRefused = () => _api.InDatabaseAsync(db => db.IdempotencyRecords.Where(r => r.Key == key).ExecuteDeleteAsync());
        var name = Unique("Let Go State");

        using var answer = await PostAsync(Party(name), key);

        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        Assert.False(answer.Headers.Contains(ReplayedHeader));
        Assert.Equal(1, await _api.InDatabaseAsync(db => db.Parties.CountAsync(p => p.Name == name)));
        var record = Assert.Single(await _api.InDatabaseAsync(db => db.IdempotencyRecords.Where(r => r.Key == key).ToListAsync()));
        Assert.True(record.Completed);
    }

    [Fact]
    public async Task WhenTheAnswerCannotBeKeptTheClientStillGetsItAndARetryIsTurnedAwayRatherThanRunTwice()
    {
        var key = NewKey();
        var name = Unique("Unkept Answer State");
        _trip.FailKeeping = true;

        using var answer = await PostAsync(Party(name), key);
        _trip.FailKeeping = false;
        using var retry = await PostAsync(Party(name), key);

        Assert.Equal(name, (await answer.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("name").GetString());
        Assert.Equal(1, _logs.Count("Could not keep the answer", LogLevel.Error));
        var refused = await retry.ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("Retry once it has finished", refused.GetProperty("detail").GetString());
        Assert.Equal(1, await _api.InDatabaseAsync(db => db.Parties.CountAsync(p => p.Name == name)));
    }

    [Fact]
    public async Task UsingAnExpiredKeyAgainLetsGoOfThatKeysAnswerOnlyAndKeepsTheCallersLiveOnes()
    {
        var expired = NewKey();
        var live = NewKey();
        await KeepAsync(expired, expiresAt: Start.UtcDateTime.AddMinutes(-1));
        await KeepAsync(live, expiresAt: Start.UtcDateTime.AddHours(1));

        using var answer = await PostAsync(Party(Unique("Reused Key State")), expired);

        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        var kept = await _api.InDatabaseAsync(db => db.IdempotencyRecords.Where(r => r.Key == live || r.Key == expired).ToListAsync());
        Assert.Equal(2, kept.Count);
        Assert.Equal(Start.UtcDateTime.AddHours(24), kept.Single(r => r.Key == expired).ExpiresAt);
        Assert.Equal(Start.UtcDateTime.AddHours(1), kept.Single(r => r.Key == live).ExpiresAt);
    }

    [Fact]
    public async Task WhenAFailedRequestCannotGiveItsKeyUpTheClientStillGetsItsOwnAnswerAndTheOperatorIsTold()
    {
        var key = NewKey();
        _trip.FailReleasing = true;

        // An unreadable body fails while binding, as an exception, and the key is then given up.
        var broken = new HttpRequestMessage(HttpMethod.Post, Parties) { Content = Http.Json("{ \"name\": ") };
        broken.Headers.TryAddWithoutValidation(KeyHeader, key);
        using var failed = await _client.SendAsync(broken);

        await failed.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(1, _logs.Count("Could not give up", LogLevel.Error));
        Assert.Equal(1, await _api.InDatabaseAsync(db => db.IdempotencyRecords.CountAsync(r => r.Key == key && !r.Completed)));
    }

    public void Dispose()
    {
        _client.Dispose();
        _api.Dispose();
    }

    private Task KeepAsync(string key, DateTime expiresAt) => _api.InDatabaseAsync(db =>
    {
        db.IdempotencyRecords.Add(IdempotencyTests.Kept(_api.KeyNameFor(ApiKeyRole.Admin), key, expiresAt));
        return db.SaveChangesAsync();
    });

    private Task<HttpResponseMessage> PostAsync(JsonNode body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Parties) { Content = Http.Json(body.ToJsonString()) };
        request.Headers.TryAddWithoutValidation(KeyHeader, key);
        return _client.SendAsync(request);
    }

    private static string NewKey() => Guid.NewGuid().ToString();

    /// <summary>A clock that stays where the test puts it.</summary>
    private sealed class SetClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    /// <summary>Trips the idempotency store's own statements: a claim that met a holder, the keeping, the giving up.</summary>
    private sealed class IdempotencyTrip : DbCommandInterceptor, ISaveChangesInterceptor
    {
        public Func<Task>? WhenClaimRefused { get; set; }

        public bool FailKeeping { get; set; }

        public bool FailReleasing { get; set; }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
        {
            var text = command.CommandText;
            if (text.Contains("IdempotencyRecords", StringComparison.Ordinal)
                && ((FailKeeping && text.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase))
                    || (FailReleasing && text.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase))))
            {
                throw new InvalidOperationException("The test tripped the idempotency store.");
            }

            return ValueTask.FromResult(result);
        }

        public async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken ct = default)
        {
            var claiming = eventData.Context?.ChangeTracker.Entries<IdempotencyRecord>().Any(e => e.State == EntityState.Added) == true;
            if (claiming && WhenClaimRefused is { } release)
            {
                WhenClaimRefused = null;
                await release();
            }
        }
    }
}
