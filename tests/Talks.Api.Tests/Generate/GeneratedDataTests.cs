using Microsoft.Data.Sqlite;
using Talks.Api.Tests.Infrastructure;
using Talks.Generator;

namespace Talks.Api.Tests.Generate;

/// <summary>
/// The generator loads its rows with the indexes and the search feed set aside and makes them again at the end: what
/// it leaves must be the database the migrations make, every generated record found by search as if posted.
/// </summary>
public sealed class GeneratedDataTests : IDisposable
{
    private readonly TestDatabase _generated = new();
    private readonly TestDatabase _migrated = new();

    [SqliteOnlyFact]
    public async Task AGeneratedDatabaseHasEveryIndexAndTriggerTheMigrationsMakeAndSearchFindsEveryGeneratedPosition()
    {
        var progress = new StringWriter();
        var generated = await Generation.RunAsync(
            ["--db", _generated.FilePath!, "--talks", "2", "--rounds-per-talk", "2", "--positions-per-round", "3"], SeedFolder, progress);
        var migrate = await AppProcess.RunCommandAsync(_migrated, null, "keys", "list");

        Assert.Equal(0, generated);
        Assert.Equal(0, migrate.Code);
        Assert.Contains("Building", progress.ToString());
        Assert.Contains("Generated 2 talks, 4 rounds and 12 positions", progress.ToString());
        Assert.Equal(IndexesAndTriggers(_migrated.FilePath!), IndexesAndTriggers(_generated.FilePath!));

        using var api = new TalksApiFactory(_generated.FilePath!, withKeys: false);
        using var reader = api.CreateAnonymousClient();
        var positions = Enumerable.Range(1, 2).SelectMany(t => Enumerable.Range(1, 2).SelectMany(r => Enumerable.Range(1, 3)
            .Select(n => $"gen-pos-{t:D4}-{r:D2}-{n:D3}"))).Order(StringComparer.Ordinal).ToArray();
        foreach (var words in new[] { "item", "ite" })
        {
            var found = await reader.GetJsonAsync($"/api/v1/search?q={words}&type=position&limit=50");
            Assert.Equal(positions, found.Items().Select(i => i.GetProperty("id").GetString()!).Order(StringComparer.Ordinal).ToArray());
        }
    }

    [Theory]
    [InlineData("--talks", "2", "--rounds-per-talk", "2", "--positions-per-round", "3")]
    [InlineData("--db", "x.db", "--talks", "0", "--rounds-per-talk", "2", "--positions-per-round", "3")]
    [InlineData("--db", "x.db", "--talks", "2", "--rounds-per-talk", "2")]
    public async Task ArgumentsItCannotUseAreRefusedWithTheUsageAndNothingWritten(params string[] args)
    {
        var said = new StringWriter();

        var code = await Generation.RunAsync(args, SeedFolder, said);

        Assert.Equal(2, code);
        Assert.StartsWith("Usage: Generator --db FILE", said.ToString());
        Assert.False(File.Exists("x.db"));
    }

    [SqliteOnlyFact]
    public async Task ADatabaseThatAlreadyHoldsGeneratedDataIsRefused()
    {
        string[] args = ["--db", _generated.FilePath!, "--talks", "1", "--rounds-per-talk", "1", "--positions-per-round", "1"];
        Assert.Equal(0, await Generation.RunAsync(args, SeedFolder, new StringWriter()));
        var said = new StringWriter();

        var again = await Generation.RunAsync(args, SeedFolder, said);

        Assert.Equal(1, again);
        Assert.Contains("already holds generated data", said.ToString());
    }

    private static string SeedFolder => Path.Combine(AppContext.BaseDirectory, "seed");

    public void Dispose()
    {
        _generated.Dispose();
        _migrated.Dispose();
    }

    private static string[] IndexesAndTriggers(string file)
    {
        using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT type || ' ' || name || ': ' || sql FROM sqlite_master " +
            "WHERE type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name";
        using var rows = command.ExecuteReader();
        var found = new List<string>();
        while (rows.Read())
        {
            found.Add(rows.GetString(0));
        }

        return [.. found];
    }
}
