using System.Collections;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Talks.Api.Tests.Infrastructure;

/// <summary>
/// Every row of every table as text, read straight from the database on a connection of its own — the plainest way
/// to say "nothing changed" without trusting the code under test to report it.
/// </summary>
public static class DatabaseDump
{
    public static Task<Dictionary<string, List<string>>> ReadAsync(TestDatabase database) =>
        database.FilePath is { } file ? ReadAsync(file) : ReadPostgresAsync(database.ConnectionString);

    /// <summary>A SQLite file, opened read-only.</summary>
    public static async Task<Dictionary<string, List<string>>> ReadAsync(string sqliteFile)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = sqliteFile,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString();

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        return await DumpAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
    }

    private static async Task<Dictionary<string, List<string>>> ReadPostgresAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        await connection.OpenAsync();
        return await DumpAsync(connection,
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name");
    }

    private static async Task<Dictionary<string, List<string>>> DumpAsync(DbConnection connection, string listTables)
    {
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = listTables;
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var dump = new Dictionary<string, List<string>>();
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            // Rows are sorted after reading: some tables (the search index's) have no rowid to order by.
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                var row = new StringBuilder();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    row.Append(reader.GetName(i)).Append('=').Append(reader.IsDBNull(i) ? "NULL" : Text(reader.GetValue(i))).Append(" | ");
                }

                rows.Add(row.ToString());
            }

            rows.Sort(StringComparer.Ordinal);
            dump[table] = rows;
        }

        return dump;
    }

    /// <summary>Arrays (PostgreSQL's text[]) by their items, so a changed item changes the row's text.</summary>
    private static string Text(object value) => value switch
    {
        string s => s,
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(i => i is null ? "NULL" : Text(i))) + "]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
