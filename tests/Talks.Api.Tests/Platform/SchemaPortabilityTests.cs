using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Tests.Infrastructure;

namespace Talks.Api.Tests.Platform;

/// <summary>
/// A Talks database is a SQLite file that other tools open too: the <c>sqlite3</c> shell, backup and export scripts.
/// Their SQLite parses the schema with its default parser stack, which an expression nested about 35 calls deep
/// overflows; the schema must then stay within that, or the file cannot be opened there at all.
/// </summary>
public sealed class SchemaPortabilityTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    /// <summary>The deepest nesting of parentheses allowed in a trigger, index, view or table: well within the shell's parser.</summary>
    private const int MaxDepth = 20;

    [SqliteOnlyFact]
    public async Task EveryTriggerAndIndexNestsShallowEnoughForTheSqliteShellToReadIt()
    {
        factory.CreateClient().Dispose();
        var schema = await factory.InDatabaseAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT type || ' ' || name, sql FROM sqlite_master WHERE sql IS NOT NULL";
            await using DbDataReader rows = await command.ExecuteReaderAsync();
            var found = new List<(string Name, string Sql)>();
            while (await rows.ReadAsync())
            {
                found.Add((rows.GetString(0), rows.GetString(1)));
            }

            return found;
        });

        Assert.Contains(schema, entry => entry.Name == "trigger People_Search_Inserted");
        var tooDeep = schema.Select(entry => (entry.Name, Depth: Depth(entry.Sql))).Where(entry => entry.Depth > MaxDepth).ToList();
        Assert.True(tooDeep.Count == 0, $"Nested deeper than {MaxDepth}: {string.Join(", ", tooDeep.Select(e => $"{e.Name} ({e.Depth})"))}");
    }

    /// <summary>The deepest parenthesis in <paramref name="sql"/>, outside its string literals.</summary>
    private static int Depth(string sql)
    {
        int depth = 0, deepest = 0;
        var quoted = false;
        foreach (var c in sql)
        {
            if (c == '\'')
            {
                quoted = !quoted;
            }
            else if (!quoted && c == '(')
            {
                deepest = Math.Max(deepest, ++depth);
            }
            else if (!quoted && c == ')')
            {
                depth--;
            }
        }

        return deepest;
    }
}
