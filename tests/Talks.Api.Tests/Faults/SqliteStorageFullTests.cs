using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Talks.Api.Tests.Infrastructure;
using Talks.Data;

namespace Talks.Api.Tests.Faults;

/// <summary>
/// A write to a database with no room left: 507 problem details, nothing written, one log line for the episode,
/// and writes again once there is room.
/// </summary>
public sealed class SqliteStorageFullTests : IDisposable
{
    private const string StorageFullLog = "storage is full";

    private readonly SqlitePageLimit _limit = new();
    private readonly CapturedLogs _logs = new();
    private readonly TalksApiFactory _factory;
    private readonly HttpClient _client;

    public SqliteStorageFullTests()
    {
        _factory = TalksApiFactory.WithServices(services =>
        {
            services.ConfigureDbContext<TalksDbContext>(options => options.AddInterceptors(_limit));
            services.AddSingleton<ILoggerProvider>(_logs);
        });
        _client = _factory.CreateClient();
    }

    private string File => _factory.Database!.FilePath!;

    [SqliteOnlyFact]
    public async Task AWriteToAFullDatabaseAnswers507ChangesNothingAndLogsOnceUntilSpaceIsFreed()
    {
        var quietBefore = _logs.Lines.Count(line => line.Level >= LogLevel.Warning);
        FillUp();
        var (first, refusedIds) = await PostUntilRefusedAsync();
        var problem = await first.ReadProblemAsync(HttpStatusCode.InsufficientStorage);
        Assert.Contains("nothing was written", problem.GetProperty("detail").GetString());

        var before = await DatabaseDump.ReadAsync(File);
        for (var i = 0; i < 3; i++)
        {
            var title = TestData.Unique("Refused talk");
            using var refused = await _client.PostAsJsonAsync("/api/v1/talks", TestData.Talk(title));
            await refused.ReadProblemAsync(HttpStatusCode.InsufficientStorage);
            refusedIds.Add(TestData.IdFrom(title));
        }

        // One line for four refusals, and nothing else above Information: not EF's per-command errors either.
        Assert.Equal(1, _logs.Count(StorageFullLog, LogLevel.Error));
        var loud = _logs.Lines.Where(line => line.Level >= LogLevel.Warning).ToList();
        Assert.True(quietBefore + 1 == loud.Count, string.Join("\n", loud.Skip(quietBefore).Select(line => $"{line.Level} {line.Category}: {line.Message}")));

        Assert.Equal(before, await DatabaseDump.ReadAsync(File));
        Assert.Equal("ok", IntegrityCheck());
        foreach (var id in refusedIds)
        {
            using var read = await _client.GetAsync($"/api/v1/talks/{id}");
            Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        }


        _limit.Pages = SqlitePageLimit.Unlimited;
        var saved = TestData.Unique("Talk after space was freed");
        using (var created = await _client.PostAsJsonAsync("/api/v1/talks", TestData.Talk(saved)))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using (var read = await _client.GetAsync($"/api/v1/talks/{TestData.IdFrom(saved)}"))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        // The write that succeeded ended the episode: the next time storage fills, the operator hears of it again.
        FillUp();
        using var again = (await PostUntilRefusedAsync()).First;
        Assert.Equal(2, _logs.Count(StorageFullLog, LogLevel.Error));
    }

    /// <summary>
    /// Caps the database at its present size and takes up whatever free pages and free room in pages it still has,
    /// from a connection of the test's own, so the app's next write that needs a page is refused.
    /// </summary>
    private void FillUp()
    {
        using var connection = new SqliteConnection($"Data Source={File};Pooling=False");
        connection.Open();
        Execute(connection, "CREATE TABLE IF NOT EXISTS \"Filler\" (\"Text\" TEXT)");
        var pages = SqlitePageLimit.PageCount(connection);
        SqlitePageLimit.Apply(connection, pages);
        _limit.Pages = pages;
        foreach (var length in new[] { 400, 20, 1 })
        {
            // Each insert is all or nothing; halving the batch on each refusal finds the last rows that fit.
            for (var rows = 4096; rows > 0;)
            {
                try
                {
                    Execute(connection, $"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {rows}) " +
                        $"INSERT INTO \"Filler\" SELECT substr(hex(zeroblob({length})), 1, {length}) FROM n");
                }
                catch (SqliteException e) when (e.SqliteErrorCode == 13)
                {
                    rows /= 2;
                }
            }
        }
    }

    /// <summary>
    /// Talks are posted until one is refused: a page may still have room for a few. Returns the first refusal and the
    /// id it would have made.
    /// </summary>
    private async Task<(HttpResponseMessage First, List<string> RefusedIds)> PostUntilRefusedAsync()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var title = TestData.Unique("Talk on a full disk");
            var response = await _client.PostAsJsonAsync("/api/v1/talks", TestData.Talk(title));
            if (response.StatusCode != HttpStatusCode.Created)
            {
                return (response, [TestData.IdFrom(title)]);
            }

            response.Dispose();
        }

        throw new InvalidOperationException("50 talks fitted in a database that was meant to be full.");
    }

    private string IntegrityCheck()
    {
        using var connection = new SqliteConnection($"Data Source={File};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)command.ExecuteScalar()!;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }
}
