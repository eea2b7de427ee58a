using System.Security.Cryptography;
using System.Text;
using Talks.Api.Tests.Infrastructure;

namespace Talks.Api.Tests.Fuzz;

/// <summary>Row count and SHA-256 of every table, read on a connection of its own: "nothing changed", without asking the app.</summary>
public static class TableChecksums
{
    /// <summary>Bookkeeping that reads may touch (a key's last use, kept to the minute); not data a write could corrupt.</summary>
    private static readonly string[] Volatile = ["LastUsedAt="];

    public static async Task<SortedDictionary<string, string>> ReadAsync(TestDatabase database)
    {
        var sums = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (table, rows) in await DatabaseDump.ReadAsync(database))
        {
            var text = new StringBuilder();
            foreach (var row in rows)
            {
                text.AppendLine(string.Join(" | ", row.Split(" | ").Where(c => !Volatile.Any(c.StartsWith))));
            }

            sums[table] = $"{rows.Count} rows, sha256 {Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))}";
        }

        return sums;
    }
}
