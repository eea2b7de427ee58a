using Microsoft.Data.Sqlite;

namespace Talks.Generator;

/// <summary>
/// Lets a bulk load skip the upkeep of indexes row by row: the secondary indexes of the tables it fills and the trigger
/// that copies each search document into the full-text index are dropped first and made again once at the end, from
/// the very SQL the migrations left in <c>sqlite_master</c>. Building an index over rows already written is a sort;
/// keeping a dozen up to date for every insert is a dozen random writes, and the full-text index with its prefix
/// indexes costs more than all the tables together.
/// </summary>
internal sealed class DeferredIndexes
{
    /// <summary>The trigger that feeds the full-text index one search document at a time.</summary>
    private const string SearchFeed = "SearchDocs_Inserted";

    private readonly SqliteConnection connection;
    private readonly List<(string Type, string Name, string Sql)> dropped = [];

    private DeferredIndexes(SqliteConnection connection) => this.connection = connection;

    /// <summary>Drops the indexes of <paramref name="tables"/> (not their keys) and the search feed, remembering each.</summary>
    public static DeferredIndexes Drop(SqliteConnection connection, IReadOnlyCollection<string> tables)
    {
        var deferred = new DeferredIndexes(connection);
        using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL AND "
                + "((type = 'index' AND tbl_name IN (SELECT value FROM json_each($tables))) OR (type = 'trigger' AND name = $feed))";
            read.Parameters.AddWithValue("$tables", System.Text.Json.JsonSerializer.Serialize(tables));
            read.Parameters.AddWithValue("$feed", SearchFeed);
            using var rows = read.ExecuteReader();
            while (rows.Read())
            {
                deferred.dropped.Add((rows.GetString(0), rows.GetString(1), rows.GetString(3)));
            }
        }

        foreach (var (type, name, _) in deferred.dropped)
        {
            Execute(connection, $"DROP {type.ToUpperInvariant()} \"{name}\"");
        }

        return deferred;
    }

    /// <summary>How many indexes and triggers were set aside, for the log.</summary>
    public int Count => dropped.Count;

    /// <summary>Makes every dropped index and the search feed again, then builds the full-text index from the documents.</summary>
    public void Restore()
    {
        using var transaction = connection.BeginTransaction();
        foreach (var (_, _, sql) in dropped)
        {
            Execute(connection, sql, transaction);
        }

        Execute(connection, "INSERT INTO SearchText(SearchText) VALUES ('rebuild')", transaction);
        transaction.Commit();
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }
}
