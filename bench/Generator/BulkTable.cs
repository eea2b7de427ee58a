using Microsoft.Data.Sqlite;

namespace Talks.Generator;

/// <summary>
/// One <c>INSERT</c> into one table, reused for every row: the command keeps its compiled statement between executions
/// (its text never changes), so each row only binds values, which is what makes half a million rows take seconds.
/// </summary>
internal sealed class BulkTable : IDisposable
{
    private readonly SqliteCommand command;
    private readonly SqliteParameter[] parameters;

    public BulkTable(SqliteConnection connection, string table, params string[] columns)
    {
        command = connection.CreateCommand();
        command.CommandText =
            $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        parameters = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter { ParameterName = $"$p{i}" })).ToArray();
    }

    /// <summary>The transaction the following rows belong to; the generator commits in large batches.</summary>
    public SqliteTransaction? Transaction
    {
        set => command.Transaction = value;
    }

    public void Insert(params object?[] values)
    {
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i].Value = values[i] ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
    }

    public void Dispose() => command.Dispose();
}
