// Inserts what one API request commits, over and over for a fixed time, and prints one JSON line:
//   RawInsert --db FILE --kind position|round --seconds N [--positions-per-round N] [--synchronous FULL]
// "position": one position and its history row per transaction (POST /api/v1/positions).
// "round": a round with 3 participants, 4 delegates, N positions, 4 statements, an agreement with 2 obligations and a
// history row for each record, in one transaction (POST /api/v1/talks/{talkId}/rounds).
// The connection is set up as the API sets up its own: WAL, busy_timeout=5000, synchronous=FULL by default.
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

var options = args.Select((a, i) => (a, i)).Where(p => p.a.StartsWith("--", StringComparison.Ordinal) && p.i + 1 < args.Length)
    .ToDictionary(p => p.a[2..], p => args[p.i + 1]);
var kind = options.GetValueOrDefault("kind", "position");
var seconds = double.Parse(options.GetValueOrDefault("seconds", "10"), CultureInfo.InvariantCulture);
var positionsPerRound = int.Parse(options.GetValueOrDefault("positions-per-round", "25"), CultureInfo.InvariantCulture);
var synchronous = options.GetValueOrDefault("synchronous", "FULL");

using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = options["db"], Pooling = false }.ToString());
connection.Open();
Execute(connection, $"PRAGMA journal_mode=WAL; PRAGMA busy_timeout=5000; PRAGMA synchronous={synchronous}; PRAGMA foreign_keys=ON;");

// The generated data set's first round and its parties and people, which every inserted row refers to.
const string Round = "gen-round-0001-01";
var (talk, partyA, partyB, host) = Scalar4(connection,
    """
    SELECT r.TalkId,
           (SELECT PartyId FROM RoundParticipants WHERE RoundId = r.Id AND Role = 'NegotiatingParty' ORDER BY PartyId LIMIT 1),
           (SELECT PartyId FROM RoundParticipants WHERE RoundId = r.Id AND Role = 'NegotiatingParty' ORDER BY PartyId DESC LIMIT 1),
           (SELECT PartyId FROM RoundParticipants WHERE RoundId = r.Id AND Role = 'Host')
    FROM Rounds r WHERE r.Id = $round
    """, Round);
var sources = "[\"article-istanbul-talks-2025\"]";
var stamp = new[] { "Version", "CreatedAt", "UpdatedAt", "SourceIds" };
var positions = Insert(connection, "Positions", ["Id", "RoundId", "PartyId", "Topic", "Kind", "Summary", "Quote", "VoicedById", "AnswersId", .. stamp]);
var changes = Insert(connection, "Changes", ["Collection", "RecordId", "Kind", "Version", "Actor", "At", "Changes"]);
var rounds = Insert(connection, "Rounds", ["Id", "TalkId", "Sequence", "Date", "StartsAtUtc", "StartsAtOffsetMinutes", "DurationMinutes", "DurationBound",
    "City", "CountryCode", "Venue", "VenueDescription", "Summary", "Outcome", "Atmosphere", .. stamp]);
var participants = Insert(connection, "RoundParticipants", ["RoundId", "PartyId", "Role", "Notes"]);
var delegates = Insert(connection, "RoundDelegates", ["RoundId", "PersonId", "PartyId", "Role", "Notes"]);
var statements = Insert(connection, "Statements", ["Id", "SpeakerPersonId", "SpeakerPartyId", "SpeakerBody", "Quote", "Wording", "SaidOn",
    "Context", "RoundId", .. stamp]);
var agreements = Insert(connection, "Agreements", ["Id", "RoundId", "Title", "Type", "Status", "Summary", "AgreedOn",
    "ImplementationDate", "ImplementationDateNote", .. stamp]);
var obligations = Insert(connection, "Obligations", ["AgreementId", "Ordinal", "PartyId", "Description", "Quantity", "Unit", "BeneficiaryPartyId"]);
var maxSequence = Convert.ToInt32(
    new SqliteCommand("SELECT coalesce(max(Sequence), 0) FROM Rounds WHERE TalkId = $t", connection) { Parameters = { new("$t", talk) } }.ExecuteScalar(),
    CultureInfo.InvariantCulture);

var run = Guid.NewGuid().ToString("N")[..8];
var latencies = new List<double>();
var clock = Stopwatch.StartNew();
var n = 0;
while (clock.Elapsed.TotalSeconds < seconds)
{
    n++;
    var began = clock.Elapsed.TotalMilliseconds;
    using (var transaction = connection.BeginTransaction())
    {
        if (kind == "round")
        {
            WriteRound(transaction, $"raw-{run}-{n}", maxSequence + n);
        }
        else
        {
            WritePosition(transaction, $"raw-{run}-{n}", Round, partyA);
        }

        transaction.Commit();
    }

    latencies.Add(clock.Elapsed.TotalMilliseconds - began);
}

var elapsed = clock.Elapsed.TotalSeconds;
latencies.Sort();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{{\"kind\":\"{kind}\",\"requests\":{n},\"seconds\":{elapsed:F3},\"perSecond\":{n / elapsed:F1}," +
    $"\"p50Ms\":{Percentile(0.50):F2},\"p99Ms\":{Percentile(0.99):F2}}}"));
return 0;

double Percentile(double p) => latencies.Count == 0 ? 0 : latencies[Math.Min(latencies.Count - 1, (int)(p * latencies.Count))];

void WritePosition(SqliteTransaction transaction, string id, string roundId, string partyId)
{
    var now = Now();
    Run(positions, transaction, id, roundId, partyId, "ceasefire", "Proposal", "A thirty-day ceasefire along the current line, monitored by a third party.",
        "We are ready to stop firing tomorrow.", null, null, 1L, now, now, sources);
    History(transaction, "positions", id, now);
}

void WriteRound(SqliteTransaction transaction, string id, int sequence)
{
    var now = Now();
    Run(rounds, transaction, id, talk, sequence, "2025-06-01", "2025-06-01 08:00:00", 180, 120, "Approximately", "Geneva", "CH", "Palais des Nations",
        "A conference hall in Geneva.", "A benchmark round.", null, "cordial", 1L, now, now, sources);
    History(transaction, "rounds", id, now);
    Run(participants, transaction, id, partyA, "NegotiatingParty", null);
    Run(participants, transaction, id, partyB, "NegotiatingParty", null);
    Run(participants, transaction, id, host, "Host", "Hosted the round.");
    foreach (var party in new[] { partyA, partyB })
    {
        Run(delegates, transaction, id, $"gen-person-{party[^2..]}-1", party, "Head", null);
        Run(delegates, transaction, id, $"gen-person-{party[^2..]}-2", party, "Member", null);
    }

    for (var p = 1; p <= positionsPerRound; p++)
    {
        WritePosition(transaction, $"{id}-p{p}", id, p % 2 == 0 ? partyB : partyA);
    }

    for (var s = 1; s <= 4; s++)
    {
        Run(statements, transaction, $"{id}-s{s}", $"gen-person-{partyA[^2..]}-1", partyA, null, "We expect the other side to honour what was said.",
            "Verbatim", "2025-06-01", "Speaking to reporters.", id, 1L, now, now, sources);
        History(transaction, "statements", $"{id}-s{s}", now);
    }

    Run(agreements, transaction, $"{id}-a", id, "Exchange of 100 prisoners", "PrisonerExchange", "Agreed", "Each side returns 100 prisoners of war.",
        "2025-06-01", null, null, 1L, now, now, sources);
    Run(obligations, transaction, $"{id}-a", 1, partyA, "Return 100 prisoners of war.", 100, "prisoners-of-war", partyB);
    Run(obligations, transaction, $"{id}-a", 2, partyB, "Return 100 prisoners of war.", 100, "prisoners-of-war", partyA);
    History(transaction, "agreements", $"{id}-a", now);
}

// History rows carry each field's before and after; a JSON body of the size the API writes for a new position.
void History(SqliteTransaction transaction, string collection, string id, string now) =>
    Run(changes, transaction, collection, id, "Created", 1L, "bench", now,
        $"{{\"id\":{{\"from\":null,\"to\":\"{id}\"}},\"kind\":{{\"from\":null,\"to\":\"proposal\"}}," +
        $"\"summary\":{{\"from\":null,\"to\":\"A thirty-day ceasefire along the current line, monitored by a third party.\"}}," +
        $"\"sourceIds\":{{\"from\":null,\"to\":[\"article-istanbul-talks-2025\"]}}}}");

static string Now() => DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

static SqliteCommand Insert(SqliteConnection connection, string table, string[] columns)
{
    var command = connection.CreateCommand();
    command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) " +
        $"VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
    for (var i = 0; i < columns.Length; i++)
    {
        command.Parameters.Add(new SqliteParameter { ParameterName = $"$p{i}" });
    }

    return command;
}

static void Run(SqliteCommand command, SqliteTransaction transaction, params object?[] values)
{
    command.Transaction = transaction;
    for (var i = 0; i < values.Length; i++)
    {
        command.Parameters[i].Value = values[i] ?? DBNull.Value;
    }

    command.ExecuteNonQuery();
}

static void Execute(SqliteConnection connection, string sql)
{
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    command.ExecuteNonQuery();
}

static (string, string, string, string) Scalar4(SqliteConnection connection, string sql, string round)
{
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    command.Parameters.AddWithValue("$round", round);
    using var reader = command.ExecuteReader();
    if (!reader.Read())
    {
        throw new InvalidOperationException($"Round {round} is missing: run RawInsert on a generated database.");
    }

    return (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3));
}
