using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Talks.Api.Keys;
using Talks.Api.Tests.Infrastructure;
using Talks.Data.Entities;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Answers.Idempotency;

/// <summary>Retrying a POST with an Idempotency-Key, as a client on a flaky network does.</summary>
public sealed class IdempotencyTests(TalksApiFactory api) : IClassFixture<TalksApiFactory>
{
    private const string Parties = "/api/v1/parties";
    private const string KeyHeader = "Idempotency-Key";
    private const string ReplayedHeader = "Idempotent-Replayed";

    [Fact]
    public async Task RetryWithSameKeyAndBodyReplaysFirstAnswerAndWritesNothing()
    {
        var (client, caller) = await CallerAsync();
        var name = Unique("Retry State");
        var key = NewKey();

        using var first = await PostAsync(client, Party(name), key);
        using var retry = await PostAsync(client, Party(name), key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.False(first.Headers.Contains(ReplayedHeader));
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal("true", Assert.Single(retry.Headers.GetValues(ReplayedHeader)));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(first.Headers.ETag, retry.Headers.ETag);
        Assert.Equal(first.Content.Headers.ContentType, retry.Content.Headers.ContentType);

        using var read = await client.GetAsync(first.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(name, JsonDocument.Parse(await read.Content.ReadAsStringAsync()).RootElement.GetProperty("name").GetString());
        Assert.Equal(1, await api.InDatabaseAsync(db => db.Parties.CountAsync(p => p.Name == name)));
        var record = Assert.Single(await api.InDatabaseAsync(db => db.IdempotencyRecords.Where(r => r.Caller == caller && r.Key == key).ToListAsync()));
        Assert.True(record.Completed);
        Assert.Equal(201, record.StatusCode);
        Assert.True(record.ExpiresAt > DateTime.UtcNow.AddHours(23));
    }

    [Fact]
    public async Task SameKeyWithDifferentBodyIsRefusedAndWritesNothing()
    {
        var (client, _) = await CallerAsync();
        var key = NewKey();
        var firstName = Unique("First Body State");
        var otherName = Unique("Other Body State");

        using var first = await PostAsync(client, Party(firstName), key);
        using var other = await PostAsync(client, Party(otherName), key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var refused = await other.ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("Send a new key for a new request", refused.GetProperty("detail").GetString());
        Assert.Equal(0, await api.InDatabaseAsync(db => db.Parties.CountAsync(p => p.Name == otherName)));
        Assert.Equal(1, await api.InDatabaseAsync(db => db.Parties.CountAsync(p => p.Name == firstName)));
    }

    [Fact]
    public async Task ConcurrentPostsWithOneKeyCreateOneRecord()
    {
        var (client, caller) = await CallerAsync();
        for (var round = 0; round < 20; round++)
        {
            var name = Unique("Racing State");
            var key = NewKey();

            var answers = await Task.WhenAll(PostAsync(client, Party(name), key), PostAsync(client, Party(name), key));

            var statuses = string.Join(", ", answers.Select(a => (int)a.StatusCode));
            Assert.All(answers, a => Assert.True((int)a.StatusCode < 500, $"Round {round} answered {statuses}."));
            var ran = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created && !a.Headers.Contains(ReplayedHeader));
            var other = Assert.Single(answers, a => a != ran);
            if (other.StatusCode == HttpStatusCode.Created)
            {
                Assert.Equal("true", Assert.Single(other.Headers.GetValues(ReplayedHeader)));
                Assert.Equal(ran.Headers.Location, other.Headers.Location);
            }
            else
            {
                await other.ReadProblemAsync(HttpStatusCode.Conflict);
                Assert.Equal(TimeSpan.FromSeconds(1), other.Headers.RetryAfter?.Delta);
            }

            Assert.Equal(1, await api.InDatabaseAsync(db => db.Parties.CountAsync(p => p.Name == name)));
            Assert.Equal(1, await api.InDatabaseAsync(db => db.IdempotencyRecords.CountAsync(r => r.Caller == caller && r.Key == key)));
            foreach (var answer in answers)
            {
                answer.Dispose();
            }
        }
    }

    [Fact]
    public async Task SameKeyFromTwoCallersGivesTwoIndependentRecords()
    {
        var (analystA, callerA) = await CallerAsync();
        var (analystB, callerB) = await CallerAsync();
        var key = NewKey();
        var nameA = Unique("Caller A State");
        var nameB = Unique("Caller B State");

        using var fromA = await PostAsync(analystA, Party(nameA), key);
        using var fromB = await PostAsync(analystB, Party(nameB), key);

        Assert.Equal(HttpStatusCode.Created, fromA.StatusCode);
        Assert.Equal(HttpStatusCode.Created, fromB.StatusCode);
        Assert.False(fromB.Headers.Contains(ReplayedHeader));
        Assert.NotEqual(fromA.Headers.Location, fromB.Headers.Location);
        Assert.Equal(1, await api.InDatabaseAsync(db => db.Parties.CountAsync(p => p.Name == nameA)));
        Assert.Equal(1, await api.InDatabaseAsync(db => db.Parties.CountAsync(p => p.Name == nameB)));
        var callers = await api.InDatabaseAsync(db => db.IdempotencyRecords.Where(r => r.Key == key).Select(r => r.Caller).ToListAsync());
        Assert.Equal(new[] { callerA, callerB }.Order(), callers.Order());
    }

    [Fact]
    public async Task ValidationAnswerIsKeptAndReplayed()
    {
        var (client, caller) = await CallerAsync();
        var key = NewKey();
        var invalid = Party(Unique("Nameless State"));
        invalid["name"] = "";

        using var first = await PostAsync(client, invalid, key);
        using var retry = await PostAsync(client, invalid.DeepClone(), key);

        var firstBody = await first.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(firstBody.GetProperty("errors").TryGetProperty("name", out _), firstBody.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, retry.StatusCode);
        Assert.Equal("true", Assert.Single(retry.Headers.GetValues(ReplayedHeader)));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal("application/problem+json", retry.Content.Headers.ContentType?.MediaType);
        var record = Assert.Single(await api.InDatabaseAsync(db => db.IdempotencyRecords.Where(r => r.Caller == caller && r.Key == key).ToListAsync()));
        Assert.Equal(400, record.StatusCode);
    }

    [Fact]
    public async Task FailureThatEscapesTheEndpointGivesTheKeyUp()
    {
        var (client, caller) = await CallerAsync();
        var key = NewKey();
        var name = Unique("Second Try State");

        // An unreadable body fails while binding, as an exception, before anything is written.
        var broken = new HttpRequestMessage(HttpMethod.Post, Parties) { Content = Http.Json("{ \"name\": ") };
        broken.Headers.TryAddWithoutValidation(KeyHeader, key);
        using var failed = await client.SendAsync(broken);
        var keptAfterFailure = await api.InDatabaseAsync(db => db.IdempotencyRecords.CountAsync(r => r.Caller == caller));
        using var retry = await PostAsync(client, Party(name), key);

        await failed.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(0, keptAfterFailure);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.False(retry.Headers.Contains(ReplayedHeader));
        Assert.Equal(1, await api.InDatabaseAsync(db => db.Parties.CountAsync(p => p.Name == name)));
    }

    [Fact]
    public async Task PostWithoutKeyBehavesAsBefore()
    {
        var (client, caller) = await CallerAsync();
        var name = Unique("Keyless State");

        using var first = await PostAsync(client, Party(name), key: null);
        using var second = await PostAsync(client, Party(name), key: null);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.False(second.Headers.Contains(ReplayedHeader));
        Assert.NotEqual(first.Headers.Location, second.Headers.Location);
        Assert.Equal(2, await api.InDatabaseAsync(db => db.Parties.CountAsync(p => p.Name == name)));
        Assert.Equal(0, await api.InDatabaseAsync(db => db.IdempotencyRecords.CountAsync(r => r.Caller == caller)));
    }

    // An empty value is refused the same way; the in-memory test client just never sends one.
    [Theory]
    [InlineData("caf\u00e9")]
    [InlineData("tab\there")]
    [InlineData(null)]
    public async Task MalformedKeyIsRefusedNamingTheHeader(string? key)
    {
        var (client, caller) = await CallerAsync();
        var name = Unique("Malformed Key State");

        using var answer = await PostAsync(client, Party(name), key ?? new string('k', 201));

        var problem = await answer.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(KeyHeader, out var messages), problem.ToString());
        Assert.Contains("printable ASCII characters", messages[0].GetString());
        Assert.Equal(0, await api.InDatabaseAsync(db => db.Parties.CountAsync(p => p.Name == name)));
        Assert.Equal(0, await api.InDatabaseAsync(db => db.IdempotencyRecords.CountAsync(r => r.Caller == caller)));
    }

    [Fact]
    public async Task PostToAPathThatTakesNoneKeepsNothing()
    {
        var (client, caller) = await CallerAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, $"{Parties}/ukraine") { Content = Http.Json(Party(Unique("Misdirected State"))) };
        request.Headers.TryAddWithoutValidation(KeyHeader, NewKey());

        using var answer = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, answer.StatusCode);
        Assert.Equal(0, await api.InDatabaseAsync(db => db.IdempotencyRecords.CountAsync(r => r.Caller == caller)));
    }

    [Fact]
    public async Task LongestAllowedKeyIsAccepted()
    {
        var (client, _) = await CallerAsync();

        using var answer = await PostAsync(client, Party(Unique("Long Key State")), new string('k', 200));

        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
    }

    [Fact]
    public async Task RetryWhileFirstRequestIsStillRunningIsTurnedAway()
    {
        var (client, caller) = await CallerAsync();
        var name = Unique("Slow State");
        var key = NewKey();
        using var first = await PostAsync(client, Party(name), key);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        // The same request, seen while the first has claimed the key but not yet finished.
        await api.InDatabaseAsync(db => db.IdempotencyRecords.Where(r => r.Caller == caller && r.Key == key)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Completed, false)));
        using var retry = await PostAsync(client, Party(name), key);

        await retry.ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(TimeSpan.FromSeconds(1), retry.Headers.RetryAfter?.Delta);
        Assert.Equal(1, await api.InDatabaseAsync(db => db.Parties.CountAsync(p => p.Name == name)));
    }

    [Fact]
    public async Task KeyPastItsRetentionIsUsedAfresh()
    {
        var (client, caller) = await CallerAsync();
        var key = NewKey();
        await api.InDatabaseAsync(db =>
        {
            db.IdempotencyRecords.Add(Kept(caller, key, DateTime.UtcNow.AddHours(-6)));
            return db.SaveChangesAsync();
        });
        var name = Unique("Fresh Start State");

        using var answer = await PostAsync(client, Party(name), key);

        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        Assert.False(answer.Headers.Contains(ReplayedHeader));
        Assert.Equal(1, await api.InDatabaseAsync(db => db.Parties.CountAsync(p => p.Name == name)));
        var record = Assert.Single(await api.InDatabaseAsync(db => db.IdempotencyRecords.Where(r => r.Caller == caller && r.Key == key).ToListAsync()));
        Assert.True(record.ExpiresAt > DateTime.UtcNow);
    }

    [Fact]
    public async Task StartingTheAppForgetsAnswersPastTheirRetention()
    {
        using var database = new TestDatabase();
        var expiredKey = NewKey();
        var liveKey = NewKey();
        await using (var before = database.Start())
        {
            await before.InDatabaseAsync(db =>
            {
                db.IdempotencyRecords.Add(Kept("sweep-check", expiredKey, DateTime.UtcNow.AddMinutes(-1)));
                db.IdempotencyRecords.Add(Kept("sweep-check", liveKey, DateTime.UtcNow.AddHours(1)));
                return db.SaveChangesAsync();
            });
        }

        await using var after = database.Start();

        // The sweep runs beside start-up, not before it; give it a moment.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await after.InDatabaseAsync(db => db.IdempotencyRecords.AnyAsync(r => r.Key == expiredKey)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.False(await after.InDatabaseAsync(db => db.IdempotencyRecords.AnyAsync(r => r.Key == expiredKey)));
        Assert.True(await after.InDatabaseAsync(db => db.IdempotencyRecords.AnyAsync(r => r.Key == liveKey)));
    }

    [Fact]
    public async Task RefusedCallerNeverClaimsTheKey()
    {
        var (client, caller) = await CallerAsync();
        using var anonymous = api.CreateAnonymousClient();
        var key = NewKey();
        var name = Unique("Unauthorised State");

        using var refused = await PostAsync(anonymous, Party(name), key);
        using var allowed = await PostAsync(client, Party(name), key);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);
        Assert.False(allowed.Headers.Contains(ReplayedHeader));
        var record = Assert.Single(await api.InDatabaseAsync(db => db.IdempotencyRecords.Where(r => r.Key == key).ToListAsync()));
        Assert.Equal(caller, record.Caller);
    }

    [Fact]
    public async Task OpenApiDocumentOffersTheKeyOnPostsOnly()
    {
        using var client = api.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/swagger/v1/swagger.json"));

        var parties = OpenApiReading.WithSharedPartsInlined(document.RootElement).GetProperty("paths").GetProperty(Parties);
        var create = parties.GetProperty("post");
        var header = Assert.Single(create.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == KeyHeader);
        Assert.Equal("header", header.GetProperty("in").GetString());
        Assert.False(header.TryGetProperty("required", out var required) && required.GetBoolean());
        Assert.True(create.GetProperty("responses").TryGetProperty("409", out _));
        Assert.True(create.GetProperty("responses").TryGetProperty("422", out _));
        var list = parties.GetProperty("get");
        Assert.DoesNotContain(list.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == KeyHeader);
    }

    [Fact]
    public async Task EachKeyOfOneCallerKeepsItsOwnAnswer()
    {
        var (client, _) = await CallerAsync();
        var (firstKey, secondKey) = (NewKey(), NewKey());
        var (firstName, secondName) = (Unique("First Key State"), Unique("Second Key State"));

        using var first = await PostAsync(client, Party(firstName), firstKey);
        using var second = await PostAsync(client, Party(secondName), secondKey);
        using var retryOfFirst = await PostAsync(client, Party(firstName), firstKey);

        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.NotEqual(first.Headers.Location, second.Headers.Location);
        Assert.Equal("true", Assert.Single(retryOfFirst.Headers.GetValues(ReplayedHeader)));
        Assert.Equal(first.Headers.Location, retryOfFirst.Headers.Location);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retryOfFirst.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AFailedRequestGivesUpOnlyItsOwnKey()
    {
        var (client, caller) = await CallerAsync();
        var (otherCaller, otherCallerName) = await CallerAsync();
        var key = NewKey();
        // Requests still running: one of this caller under another key, one of another caller under the same key.
        await api.InDatabaseAsync(async db =>
        {
            var running = Kept(caller, NewKey(), DateTime.UtcNow.AddHours(1));
            running.Completed = false;
            var sameKey = Kept(otherCallerName, key, DateTime.UtcNow.AddHours(1));
            sameKey.Completed = false;
            db.IdempotencyRecords.AddRange(running, sameKey);
            return await db.SaveChangesAsync();
        });

        var broken = new HttpRequestMessage(HttpMethod.Post, Parties) { Content = Http.Json("{ \"name\": ") };
        broken.Headers.TryAddWithoutValidation(KeyHeader, key);
        using var failed = await client.SendAsync(broken);

        await failed.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(1, await api.InDatabaseAsync(db => db.IdempotencyRecords.CountAsync(r => r.Caller == caller)));
        Assert.Equal(1, await api.InDatabaseAsync(db => db.IdempotencyRecords.CountAsync(r => r.Caller == otherCallerName && r.Key == key)));
        otherCaller.Dispose();
    }

    [Fact]
    public async Task TheSameKeyAndBodyOnAnotherPathOrQueryIsADifferentRequest()
    {
        var (client, _) = await CallerAsync();
        var key = NewKey();
        var body = Party(Unique("Path State"));

        using var first = await PostAsync(client, body, key);
        var elsewhere = new HttpRequestMessage(HttpMethod.Post, "/api/v1/sources") { Content = Http.Json(body.ToJsonString()) };
        elsewhere.Headers.TryAddWithoutValidation(KeyHeader, key);
        using var onAnotherPath = await client.SendAsync(elsewhere);
        var withQuery = new HttpRequestMessage(HttpMethod.Post, $"{Parties}?dryRun=") { Content = Http.Json(body.ToJsonString()) };
        withQuery.Headers.TryAddWithoutValidation(KeyHeader, key);
        using var withAQuery = await client.SendAsync(withQuery);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await onAnotherPath.ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        await withAQuery.ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("~")]
    [InlineData("a b~c")]
    public async Task KeysOfThePrintableAsciiEdgesAreAccepted(string key)
    {
        var (client, _) = await CallerAsync();

        using var answer = await PostAsync(client, Party(Unique("Edge Key State")), key);

        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
    }

    [Theory]
    [InlineData("del\u007f")]
    [InlineData("unit\u001fseparator")]
    public async Task KeysJustOutsidePrintableAsciiAreRefused(string key)
    {
        var (client, caller) = await CallerAsync();

        using var answer = await PostAsync(client, Party(Unique("Outside Key State")), key);

        await answer.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(0, await api.InDatabaseAsync(db => db.IdempotencyRecords.CountAsync(r => r.Caller == caller)));
    }

    [Fact]
    public async Task AKeyOnAnEditIsIgnoredAndNothingIsKept()
    {
        var (client, caller) = await CallerAsync();
        using var created = await PostAsync(client, Party(Unique("Edited State")), key: null);
        var location = created.Headers.Location!;
        var body = Party(Unique("Edited State Renamed"));
        var edit = new HttpRequestMessage(HttpMethod.Put, location) { Content = Http.Json(body.ToJsonString()) };
        edit.Headers.TryAddWithoutValidation("If-Match", created.Headers.ETag!.Tag);
        edit.Headers.TryAddWithoutValidation(KeyHeader, NewKey());

        using var edited = await client.SendAsync(edit);

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(0, await api.InDatabaseAsync(db => db.IdempotencyRecords.CountAsync(r => r.Caller == caller)));
    }

    [Fact]
    public async Task AnAnswerThatMustNotBeStoredIsNotKeptSoARetryMakesANewKey()
    {
        using var admin = api.CreateClient(ApiKeyRole.Admin);
        var key = NewKey();
        var body = new JsonObject { ["name"] = IdFrom(Unique("retried key")), ["role"] = "analyst" };

        // The new key's secret is answered once, with Cache-Control: no-store; it is never written down for a replay.
        async Task<HttpResponseMessage> CreateKeyAsync()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/keys") { Content = Http.Json(body.ToJsonString()) };
            request.Headers.TryAddWithoutValidation(KeyHeader, key);
            return await admin.SendAsync(request);
        }

        using var first = await CreateKeyAsync();
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.True(first.Headers.CacheControl?.NoStore);
        Assert.Equal(0, await api.InDatabaseAsync(db => db.IdempotencyRecords.CountAsync(r => r.Key == key)));
        using var retry = await CreateKeyAsync();
        Assert.False(retry.Headers.Contains(ReplayedHeader));
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, JsonNode body, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Parties)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation(KeyHeader, key);
        }

        return client.SendAsync(request);
    }

    /// <summary>A finished answer kept until <paramref name="expiresAt"/>, for a request no test sends.</summary>
    internal static IdempotencyRecord Kept(string caller, string key, DateTime expiresAt) => new()
    {
        Caller = caller,
        Key = key,
        RequestHash = new string('0', 64),
        Completed = true,
        StatusCode = 201,
        ContentType = "application/json",
        Body = Encoding.UTF8.GetBytes("{}"),
        CreatedAt = expiresAt.AddHours(-24),
        ExpiresAt = expiresAt,
    };

    private static string NewKey() => Guid.NewGuid().ToString();

    /// <summary>
    /// A caller with an API key of its own (keys are scoped per caller): a client sending it, and the name records are
    /// kept under, which no other test shares.
    /// </summary>
    private async Task<(HttpClient Client, string Caller)> CallerAsync()
    {
        var name = $"idempotent-{Guid.NewGuid().ToString("N")[..12]}";
        await using var scope = api.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<KeyStore>().CreateAsync(name, ApiKeyRole.Analyst, CancellationToken.None);
        var client = api.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created!.Value.Secret);
        return (client, name);
    }
}
