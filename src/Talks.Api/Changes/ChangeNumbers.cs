using Talks.Api.Answers.Caching;
using Talks.Data.Entities;

namespace Talks.Api.Changes;

/// <summary>
/// How far the database has moved: the number of its newest change (0 before any), or, for one talk's record, the
/// newest change of that talk and the newest shared one. Every cached read asks, so the answer must not cost a round
/// trip to the database: SQLite remembers it until <c>PRAGMA data_version</c> moves (<see cref="SqliteChangeNumbers"/>),
/// PostgreSQL keeps it in memory and is told of every commit by <c>LISTEN/NOTIFY</c> (<see cref="PostgresChangeNumbers"/>).
/// </summary>
public abstract class ChangeNumbers : IChangeNumbers
{
    /// <summary>
    /// For each collection whose records belong to a talk, how to find the talk of the record <c>@id</c>. Looked up
    /// in the same statement as the numbers, so the talk and its newest change are read from one snapshot.
    /// </summary>
    private static readonly Dictionary<string, string> TalkOfRecord = new()
    {
        [Talks] = "SELECT @id",
        ["rounds"] = """SELECT "TalkId" FROM "Rounds" WHERE "Id" = @id""",
        ["positions"] = """SELECT r."TalkId" FROM "Positions" x JOIN "Rounds" r ON r."Id" = x."RoundId" WHERE x."Id" = @id""",
        ["statements"] = """SELECT r."TalkId" FROM "Statements" x JOIN "Rounds" r ON r."Id" = x."RoundId" WHERE x."Id" = @id""",
        ["agreements"] = """SELECT r."TalkId" FROM "Agreements" x JOIN "Rounds" r ON r."Id" = x."RoundId" WHERE x."Id" = @id""",
    };

    /// <summary>The record's talk, the newest change of that talk and the newest shared change, by collection.</summary>
    protected static readonly IReadOnlyDictionary<string, string> ScopeSql = TalkOfRecord.ToDictionary(
        c => c.Key,
        c => $"""
            SELECT s."TalkId",
                (SELECT MAX(c."Id") FROM "Changes" c WHERE c."TalkId" = s."TalkId"),
                (SELECT MAX(c."Id") FROM "Changes" c WHERE c."TalkId" IS NULL)
            FROM (SELECT ({c.Value}) AS "TalkId") s
            """);

    protected const string NewestSql = """SELECT MAX("Id") FROM "Changes" """;

    /// <summary>The collection whose records are talks themselves: a talk's talk is its own id.</summary>
    protected const string Talks = "talks";

    public bool BelongToTalks(string collection) => TalkOfRecord.ContainsKey(collection);

    public abstract ValueTask<long> NewestAsync(CancellationToken ct = default);

    public abstract ValueTask<TalkScope> ScopeAsync(string collection, string id, CancellationToken ct = default);

    /// <summary>
    /// Returns once the numbers this process answers with include the change <paramref name="change"/>, so that a
    /// read naming a write made through another instance is never answered from before it: at once when they do,
    /// otherwise after a short wait for its notification, or after asking the database.
    /// </summary>
    public abstract ValueTask CatchUpAsync(long change, CancellationToken ct);

    /// <summary>
    /// Told of the changes this process has just committed, before its answer to the write goes out, so a read sent
    /// after that answer is keyed by them.
    /// </summary>
    public abstract void Committed(IReadOnlyList<ChangeRecord> changes);
}
