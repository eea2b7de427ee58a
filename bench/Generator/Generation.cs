using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Talks.Data.Seeding;
using Talks.Data;

namespace Talks.Generator;

/// <summary>
/// <c>Generator --db FILE --talks N --rounds-per-talk N --positions-per-round N [--seed N]</c>: migrates and seeds the
/// SQLite file as the API does at start, then fills it with a large, reproducible data set for load tests and
/// benchmarks. The same arguments give the same rows, byte for byte.
/// </summary>
/// <remarks>
/// This is a bulk import, not a series of analysts' edits: it writes no change-history rows, so the change feed and
/// each record's history stay about real edits (and the database half the size). Rows are written with prepared
/// ADO.NET inserts on the EF Core connection (its pragmas applied), in large transactions.
/// </remarks>
public static class Generation
{
    private const string Usage = "Usage: Generator --db FILE --talks N --rounds-per-talk N --positions-per-round N [--seed N]";

    /// <summary>Commit after this many talks: large enough to amortise each commit's fsync, small enough to show progress.</summary>
    private const int TalksPerTransaction = 20;

    public static async Task<int> RunAsync(string[] args, string seedFolder, TextWriter errors)
    {
        if (Parse(args) is not { } options)
        {
            await errors.WriteLineAsync(Usage + "  (talks 1–9999, rounds 1–99, positions 1–999)");
            return 2;
        }

        await using var db = await MigratedAndSeededAsync(options.Database, seedFolder);
        if (!await db.Sources.AnyAsync(s => s.Id == SyntheticTalks.SourceId))
        {
            await errors.WriteLineAsync($"The seeded source '{SyntheticTalks.SourceId}' is missing; generated records cite it.");
            return 1;
        }

        if (await db.Talks.AnyAsync(t => t.Id.StartsWith(SyntheticTalks.IdPrefix)))
        {
            await errors.WriteLineAsync("This database already holds generated data; generate into a fresh database.");
            return 1;
        }

        await db.Database.OpenConnectionAsync();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var started = TimeProvider.System.GetTimestamp();
        var total = (long)options.Talks * options.RoundsPerTalk * options.PositionsPerRound;
        var progress = new ProgressBar(errors, total, "positions");
        var deferred = DeferredIndexes.Drop(connection, SyntheticTalks.Tables);
        TimeSpan indexing;
        try
        {
            using var writer = new SyntheticTalks(connection, options);
            writer.WriteDirectory();
            for (var first = 1; first <= options.Talks; first += TalksPerTransaction)
            {
                var last = Math.Min(options.Talks, first + TalksPerTransaction - 1);
                writer.WriteTalks(first, last);
                progress.Report((long)last * options.RoundsPerTalk * options.PositionsPerRound);
            }
        }
        finally
        {
            // Made again even after a failure, so no database is ever left without its indexes.
            progress.Finish();
            var rowsWritten = TimeProvider.System.GetTimestamp();
            await errors.WriteLineAsync($"Building {deferred.Count} indexes and the search index…");
            deferred.Restore();
            indexing = TimeProvider.System.GetElapsedTime(rowsWritten);
        }

        await db.Database.CloseConnectionAsync();
        var elapsed = TimeProvider.System.GetElapsedTime(started);
        await errors.WriteLineAsync(
            $"Generated {options.Talks} talks, {options.Talks * options.RoundsPerTalk} rounds and {total} positions " +
            $"(seed {options.Seed}) in {elapsed.TotalSeconds:F1} s, {indexing.TotalSeconds:F1} s of it indexing.");
        return 0;
    }

    /// <summary>
    /// The file as the API leaves it at start: WAL, its migrations applied, its seed loaded. The connection keeps the
    /// API's pragmas and its lower(), which folds case as .NET does.
    /// </summary>
    private static async Task<TalksDbContext> MigratedAndSeededAsync(string path, string seedFolder)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        connection.CreateFunction<string?, string?>("lower", text => text?.ToLowerInvariant(), isDeterministic: true);
        using (var pragmas = connection.CreateCommand())
        {
            pragmas.CommandText = "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=5000; PRAGMA synchronous=FULL;";
            pragmas.ExecuteNonQuery();
        }

        var options = new DbContextOptionsBuilder<TalksDbContext>()
            .UseSqlite(connection, sqlite => sqlite.MigrationsAssembly("Talks.Migrations.Sqlite"))
            .Options;
        var db = new TalksDbContext(options);
        await db.Database.MigrateAsync();
        await TalksSeeder.SeedAsync(db, seedFolder);
        return db;
    }

    private static GenerateOptions? Parse(string[] args)
    {
        int? talks = null, rounds = null, positions = null;
        string? database = null;
        var seed = 42;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--db" && i + 1 < args.Length)
            {
                database = args[++i];
                continue;
            }

            if (i + 1 >= args.Length || !int.TryParse(args[i + 1], out var value))
            {
                return null;
            }

            switch (args[i++])
            {
                case "--talks": talks = value; break;
                case "--rounds-per-talk": rounds = value; break;
                case "--positions-per-round": positions = value; break;
                case "--seed": seed = value; break;
                default: return null;
            }
        }

        return database is { Length: > 0 } && talks is >= 1 and <= 9999 && rounds is >= 1 and <= 99 && positions is >= 1 and <= 999
            ? new GenerateOptions(database, talks.Value, rounds.Value, positions.Value, seed)
            : null;
    }
}

public sealed record GenerateOptions(string Database, int Talks, int RoundsPerTalk, int PositionsPerRound, int Seed);
