using System.Globalization;
using Microsoft.Data.Sqlite;
using Talks.Data.Entities;

namespace Talks.Generator;

/// <summary>
/// Makes and writes the generated records. Every value comes from one seeded <see cref="Random"/> drawn in a fixed
/// order, and timestamps from a fixed clock, so a seed always yields the same rows. Values are written the way EF Core
/// stores them (enums by name, dates as ISO text, source ids as a JSON array), so the API reads them like its own.
/// </summary>
internal sealed class SyntheticTalks : IDisposable
{
    public const string SourceId = "article-istanbul-talks-2025";
    public const string IdPrefix = "gen-";
    private const int PartyCount = 12;
    private const int PeoplePerParty = 6;
    private const int StatementsPerRound = 4;
    private const string SourceIds = $"[\"{SourceId}\"]";

    private static readonly string[] Topics =
        ["ceasefire", "territory", "prisoners", "leaders-meeting", "sanctions", "humanitarian-corridors", "security-guarantees", "further-talks"];
    private static readonly string[] Offices =
        ["Minister of Foreign Affairs", "Minister of Defence", "Presidential Adviser", "Ambassador", "Deputy Foreign Minister", "Chief of Staff"];
    private static readonly (string City, string Country, string Venue, double Latitude, double Longitude)[] Venues =
    [
        ("Istanbul", "TR", "Dolmabahçe Palace", 41.0392, 29.0003), ("Geneva", "CH", "Palais des Nations", 46.2266, 6.1404),
        ("Riyadh", "SA", "Ritz-Carlton", 24.6633, 46.6311), ("Doha", "QA", "Sheraton Grand", 25.3187, 51.5301),
        ("Vienna", "AT", "Hofburg Palace", 48.2066, 16.3655), ("Oslo", "NO", "Holmenkollen Park", 59.9592, 10.6739),
    ];
    private static readonly string[] Moods = ["tense but businesslike", "cordial", "frosty", "constructive", "brief and formal", "heated at times"];

    /// <summary>Every table the generator fills, directly or through the search triggers.</summary>
    public static readonly string[] Tables =
        ["Parties", "People", "PersonOffices", "Talks", "Rounds", "RoundParticipants", "RoundDelegates",
            "Positions", "Statements", "Agreements", "Obligations", "SearchDocs"];

    private static readonly DateTime Clock = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly GenerateOptions options;
    private readonly Random random;
    private readonly SqliteConnection connection;
    private readonly List<BulkTable> tables = [];
    private readonly BulkTable parties, people, offices, talks, rounds, participants, delegates, positions, statements, agreements, obligations;
    private long tick;

    public SyntheticTalks(SqliteConnection connection, GenerateOptions options)
    {
        this.connection = connection;
        this.options = options;
        random = new Random(options.Seed);
        string[] stamp = ["Version", "CreatedAt", "UpdatedAt", "SourceIds"];
        parties = Table("Parties", ["Id", "Name", "Kind", "CountryCode", "Notes", .. stamp]);
        people = Table("People", ["Id", "Name", "PartyId", "Notes", .. stamp]);
        offices = Table("PersonOffices", ["PersonId", "Ordinal", "Title", "PartyId", "From", "To"]);
        talks = Table("Talks", ["Id", "Title", "Summary", .. stamp]);
        rounds = Table("Rounds", ["Id", "TalkId", "Sequence", "Status", "Date", "StartsAtUtc", "StartsAtOffsetMinutes", "DurationMinutes", "DurationBound",
            "City", "CountryCode", "Venue", "VenueDescription", "Latitude", "Longitude", "Summary", "Outcome", "Atmosphere", .. stamp]);
        participants = Table("RoundParticipants", ["RoundId", "PartyId", "Role", "Notes"]);
        delegates = Table("RoundDelegates", ["RoundId", "PersonId", "PartyId", "Role", "Notes"]);
        positions = Table("Positions", ["Id", "RoundId", "PartyId", "Topic", "Kind", "Summary", "Quote", "VoicedById", "AnswersId", .. stamp]);
        statements = Table("Statements", ["Id", "SpeakerPersonId", "SpeakerPartyId", "SpeakerBody", "Quote", "Wording", "SaidOn",
            "Context", "RoundId", .. stamp]);
        agreements = Table("Agreements", ["Id", "RoundId", "Title", "Type", "Status", "Summary", "AgreedOn",
            "ImplementationDate", "ImplementationDateNote", .. stamp]);
        obligations = Table("Obligations", ["AgreementId", "Ordinal", "PartyId", "Description", "Quantity", "Unit", "BeneficiaryPartyId"]);
    }

    private static string PartyId(int p) => $"gen-party-{p:D2}";
    private static string PersonId(int p, int n) => $"gen-person-{p:D2}-{n}";

    /// <summary>The parties and the people who sit for them, shared by every generated talk.</summary>
    public void WriteDirectory() => InTransaction(() =>
    {
        for (var p = 1; p <= PartyCount; p++)
        {
            parties.Insert([PartyId(p), $"Generated State {p:D2}", nameof(PartyKind.State), $"X{(char)('A' + p - 1)}", null, .. Stamp()]);
            for (var n = 1; n <= PeoplePerParty; n++)
            {
                people.Insert([PersonId(p, n), $"Delegate {p:D2}-{n}", PartyId(p), null, .. Stamp()]);
                offices.Insert([PersonId(p, n), 1, Offices[n - 1], null, null, null]);
            }
        }
    });

    /// <summary>Talks <paramref name="first"/> to <paramref name="last"/> with all their rounds, in one transaction.</summary>
    public void WriteTalks(int first, int last) => InTransaction(() =>
    {
        for (var t = first; t <= last; t++)
        {
            var a = random.Next(1, PartyCount + 1);
            var b = Other(a);
            var host = Other(a, b);
            var talkId = $"gen-talk-{t:D4}";
            talks.Insert([talkId, $"Generated talks {t:D4}: {PartyName(a)} and {PartyName(b)}", $"Direct talks hosted by {PartyName(host)}.", .. Stamp()]);
            for (var r = 1; r <= options.RoundsPerTalk; r++)
            {
                WriteRound(t, r, talkId, a, b, host);
            }
        }
    });

    private void WriteRound(int t, int r, string talkId, int a, int b, int host)
    {
        var roundId = $"gen-round-{t:D4}-{r:D2}";
        var date = new DateOnly(2000, 1, 1).AddDays(t % 3650 + r * 40);
        var venue = Venues[random.Next(Venues.Length)];
        var startsAt = date.ToDateTime(new TimeOnly(random.Next(7, 12), 0), DateTimeKind.Utc);
        rounds.Insert([roundId, talkId, r, nameof(RoundStatus.Held), Date(date), Time(startsAt), 180, random.Next(60, 300), nameof(DurationBound.Approximately),
            venue.City, venue.Country, venue.Venue, $"A conference hall in {venue.City}.", venue.Latitude, venue.Longitude,
            $"Round {r} of talk {t:D4} between {PartyName(a)} and {PartyName(b)}.", r % 4 == 0 ? "No agreement beyond meeting again." : null,
            Moods[random.Next(Moods.Length)], .. Stamp()]);

        participants.Insert([roundId, PartyId(a), nameof(ParticipantRole.NegotiatingParty), null]);
        participants.Insert([roundId, PartyId(b), nameof(ParticipantRole.NegotiatingParty), null]);
        participants.Insert([roundId, PartyId(host), nameof(ParticipantRole.Host), "Hosted and chaired the opening session."]);
        foreach (var side in (int[])[a, b])
        {
            delegates.Insert([roundId, PersonId(side, 1), PartyId(side), nameof(DelegateRole.Head), null]);
            delegates.Insert([roundId, PersonId(side, 1 + random.Next(1, PeoplePerParty)), PartyId(side), nameof(DelegateRole.Member), null]);
        }

        string? previous = null;
        for (var n = 1; n <= options.PositionsPerRound; n++)
        {
            var party = n % 5 == 0 ? host : n % 2 == 0 ? b : a;
            var kind = (PositionKind)random.Next(8);
            var topic = Topics[random.Next(Topics.Length)];
            var id = $"gen-pos-{t:D4}-{r:D2}-{n:D3}";
            positions.Insert([id, roundId, PartyId(party), topic, kind.ToString(),
                $"{PartyName(party)}: {kind.ToString().ToLowerInvariant()} on {topic.Replace('-', ' ')} (item {n} of round {r}).",
                random.Next(10) < 4 ? $"We will not move on {topic.Replace('-', ' ')} without guarantees." : null,
                party == host ? null : PersonId(party, 1),
                previous is not null && random.Next(10) < 3 ? previous : null, .. Stamp()]);
            previous = id;
        }

        for (var n = 1; n <= StatementsPerRound; n++)
        {
            var side = n % 2 == 1 ? a : b;
            statements.Insert([$"gen-stmt-{t:D4}-{r:D2}-{n}", PersonId(side, 1), PartyId(side), null,
                $"Round {r} was {Moods[random.Next(Moods.Length)]}; we expect the other side to honour what was said.",
                random.Next(2) == 0 ? nameof(QuoteWording.Verbatim) : nameof(QuoteWording.Paraphrase), Date(date),
                "Speaking to reporters after the session.", roundId, .. Stamp()]);
        }

        var agreementId = $"gen-agr-{t:D4}-{r:D2}";
        var quantity = 10 * random.Next(1, 101);
        agreements.Insert([agreementId, roundId, $"Exchange of {quantity} prisoners", nameof(AgreementType.PrisonerExchange),
            random.Next(3) == 0 ? nameof(AgreementStatus.Implemented) : nameof(AgreementStatus.Agreed),
            $"Each side returns {quantity} prisoners of war to the other.", Date(date), null, "Not disclosed.", .. Stamp()]);
        obligations.Insert([agreementId, 1, PartyId(a), $"Return {quantity} prisoners of war.", quantity, "prisoners-of-war", PartyId(b)]);
        obligations.Insert([agreementId, 2, PartyId(b), $"Return {quantity} prisoners of war.", quantity, "prisoners-of-war", PartyId(a)]);
    }

    private int Other(params int[] taken)
    {
        int p;
        do
        {
            p = random.Next(1, PartyCount + 1);
        }
        while (taken.Contains(p));
        return p;
    }

    private static string PartyName(int p) => $"Generated State {p:D2}";

    /// <summary>Version, created and updated times, sources: each record a microsecond after the last, so lists keep insertion order.</summary>
    private object?[] Stamp()
    {
        var at = Time(Clock.AddTicks(10 * tick++));
        return [1L, at, at, SourceIds];
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Time(DateTime at) => at.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    private BulkTable Table(string name, string[] columns)
    {
        var table = new BulkTable(connection, name, columns);
        tables.Add(table);
        return table;
    }

    private void InTransaction(Action write)
    {
        using var transaction = connection.BeginTransaction();
        foreach (var table in tables)
        {
            table.Transaction = transaction;
        }

        write();
        transaction.Commit();
    }

    public void Dispose()
    {
        foreach (var table in tables)
        {
            table.Dispose();
        }
    }
}
