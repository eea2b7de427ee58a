using System.Text.Json;
using Microsoft.Data.Sqlite;
using Talks.Api.Agreements;
using Talks.Api.Positions;
using Talks.Api.Statements;
using Talks.Data.Entities;

namespace Talks.Api.Rounds;

/// <summary>
/// The statements <see cref="SqliteRoundReader"/> prepares, each a lookup by the round's id (<c>@id</c>), in the
/// orders the projection in <see cref="RoundResource"/> gives; <see cref="RoundRows"/> reads their columns by position.
/// </summary>
internal static class RoundSql
{
    private const string Cited = """ "SourceIds", "Version", "CreatedAt", "UpdatedAt" """;

    public const string Round = $"""
        SELECT r."Id", r."TalkId", t."Title", r."Sequence", r."Status", r."Date", r."DatePrecision", r."StartsAtUtc",
            r."StartsAtOffsetMinutes", r."DurationMinutes", r."DurationBound", r."City", r."CountryCode", r."Venue",
            r."VenueDescription", r."Latitude", r."Longitude", r."Summary", r."Outcome", r."Atmosphere",
            r."SourceIds", r."Version", r."CreatedAt", r."UpdatedAt", r."EndDate", r."EndDatePrecision"
        FROM "Rounds" r JOIN "Talks" t ON t."Id" = r."TalkId" WHERE r."Id" = @id
        """;

    public const string Participants = """
        SELECT p."PartyId", y."Name", p."Role", p."Notes"
        FROM "RoundParticipants" p JOIN "Parties" y ON y."Id" = p."PartyId" WHERE p."RoundId" = @id
        ORDER BY p."PartyId", p."Role"
        """;

    /// <summary>The office stated for the round, else the one held on its date (the latest begun, if two were).</summary>
    public const string Delegates = """
        SELECT d."PersonId", m."Name",
            COALESCE(d."Office", (SELECT o."Title" FROM "PersonOffices" o
                WHERE o."PersonId" = d."PersonId" AND (o."From" IS NULL OR o."From" <= r."Date") AND (o."To" IS NULL OR o."To" >= r."Date")
                ORDER BY o."From" DESC, o."Ordinal" DESC LIMIT 1)),
            d."PartyId", d."Role", d."Notes"
        FROM "RoundDelegates" d JOIN "People" m ON m."Id" = d."PersonId" JOIN "Rounds" r ON r."Id" = d."RoundId"
        WHERE d."RoundId" = @id
        ORDER BY d."PartyId", d."Role", d."PersonId"
        """;

    public const string Positions = $"""
        SELECT "Id", "RoundId", "PartyId", "Topic", "Kind", "Summary", "Quote", "VoicedById", "AnswersId", {Cited}
        FROM "Positions" WHERE "RoundId" = @id ORDER BY "CreatedAt", "Id"
        """;

    public const string Statements = $"""
        SELECT "Id", "SpeakerPersonId", "SpeakerPartyId", "SpeakerBody", "Quote", "Wording", "SaidOn", "Context", "RoundId", {Cited}
        FROM "Statements" WHERE "RoundId" = @id ORDER BY "CreatedAt", "Id"
        """;

    public const string Agreements = $"""
        SELECT "Id", "RoundId", "Title", "Type", "Status", "Summary", "TopicIds", "AgreedOn", "ImplementationDate",
            "ImplementationDatePrecision", "ImplementationDateNote", "TermDays", {Cited}
        FROM "Agreements" WHERE "RoundId" = @id ORDER BY "CreatedAt", "Id"
        """;

    private const string OfTheRoundsAgreements = """ "AgreementId" IN (SELECT "Id" FROM "Agreements" WHERE "RoundId" = @id) """;

    public const string Renewals = $"""
        SELECT "AgreementId", "RenewedOn", "Days", "Note" FROM "AgreementRenewals" WHERE {OfTheRoundsAgreements} ORDER BY "Ordinal"
        """;

    public const string Obligations = $"""
        SELECT "AgreementId", "Ordinal", "PartyId", "Description", "Quantity", "Unit", "BeneficiaryPartyId", "Deadline",
            "DeadlineDays", "Condition"
        FROM "Obligations" WHERE {OfTheRoundsAgreements} ORDER BY "Ordinal"
        """;

    public const string Events = $"""
        SELECT "Id", "AgreementId", "OccurredOn", "Description", "Quantity", "Unit", "StatusAfter", "Completes", {Cited}
        FROM "AgreementEvents" WHERE {OfTheRoundsAgreements} ORDER BY "OccurredOn", "Id"
        """;
}

/// <summary>Rows of <see cref="RoundSql"/> into the response records, converted as EF Core's SQLite mapping stores them.</summary>
internal static class RoundRows
{
    public static RoundDetailResponse Round(SqliteDataReader r) => new(
        r.GetString(0), new TalkRef(r.GetString(1), r.GetString(2)), r.GetInt32(3), Enum<RoundStatus>(r, 4),
        r.GetFieldValue<DateOnly>(5), Enum<DatePrecision>(r, 6), DateOrNull(r, 24), EnumOrNull<DatePrecision>(r, 25),
        RoundTimes.Local(UtcOrNull(r, 7), IntOrNull(r, 8)),
        IntOrNull(r, 9), EnumOrNull<DurationBound>(r, 10), r.GetString(11), TextOrNull(r, 12), TextOrNull(r, 13),
        TextOrNull(r, 14), r.IsDBNull(15) ? null : r.GetDouble(15), r.IsDBNull(16) ? null : r.GetDouble(16),
        TextOrNull(r, 17), TextOrNull(r, 18), TextOrNull(r, 19), [], [], [], [], [],
        Texts(r, 20), r.GetInt64(21), Utc(r, 22), Utc(r, 23));

    public static ParticipantDetail Participant(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), Enum<ParticipantRole>(r, 2), TextOrNull(r, 3));

    public static DelegateDetail Delegate(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), TextOrNull(r, 2), r.GetString(3), Enum<DelegateRole>(r, 4), TextOrNull(r, 5));

    public static PositionResponse Position(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), Enum<PositionKind>(r, 4), r.GetString(5),
        TextOrNull(r, 6), TextOrNull(r, 7), TextOrNull(r, 8), Texts(r, 9), r.GetInt64(10), Utc(r, 11), Utc(r, 12));

    public static StatementResponse Statement(SqliteDataReader r) => new(
        r.GetString(0), TextOrNull(r, 1), TextOrNull(r, 2), TextOrNull(r, 3), r.GetString(4), Enum<QuoteWording>(r, 5),
        DateOrNull(r, 6), TextOrNull(r, 7), TextOrNull(r, 8), Texts(r, 9), r.GetInt64(10), Utc(r, 11), Utc(r, 12));

    public static AgreementResponse Agreement(SqliteDataReader r, ILookup<string, RenewalDto> renewals,
        ILookup<string, ObligationResponse> obligations, ILookup<string, AgreementEventResponse> events)
    {
        var id = r.GetString(0);
        return new(
            id, r.GetString(1), r.GetString(2), Enum<AgreementType>(r, 3), Enum<AgreementStatus>(r, 4), r.GetString(5),
            Texts(r, 6), DateOrNull(r, 7), DateOrNull(r, 8), Enum<ImplementationDatePrecision>(r, 9), TextOrNull(r, 10),
            IntOrNull(r, 11), [.. renewals[id]], [.. obligations[id]], [.. events[id]],
            Texts(r, 12), r.GetInt64(13), Utc(r, 14), Utc(r, 15));
    }

    public static (string AgreementId, RenewalDto Renewal) Renewal(SqliteDataReader r) =>
        (r.GetString(0), new RenewalDto { RenewedOn = r.GetFieldValue<DateOnly>(1), Days = r.GetInt32(2), Note = TextOrNull(r, 3) });

    public static (string AgreementId, ObligationResponse Obligation) Obligation(SqliteDataReader r) => (r.GetString(0), new(
        r.GetInt32(1), r.GetString(2), r.GetString(3), IntOrNull(r, 4), TextOrNull(r, 5), TextOrNull(r, 6), DateOrNull(r, 7),
        IntOrNull(r, 8), TextOrNull(r, 9)));

    public static AgreementEventResponse Event(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetFieldValue<DateOnly>(2), r.GetString(3), IntOrNull(r, 4), TextOrNull(r, 5),
        EnumOrNull<AgreementStatus>(r, 6), JsonSerializer.Deserialize<List<int>>(r.GetString(7)) ?? [], Texts(r, 8),
        r.GetInt64(9), Utc(r, 10), Utc(r, 11));

    private static string? TextOrNull(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static int? IntOrNull(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt32(i);

    private static DateOnly? DateOrNull(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateOnly>(i);

    /// <summary>Every time is stored in UTC; read back as such, as the context's converter does.</summary>
    private static DateTime Utc(SqliteDataReader r, int i) => DateTime.SpecifyKind(r.GetDateTime(i), DateTimeKind.Utc);

    private static DateTime? UtcOrNull(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : Utc(r, i);

    /// <summary>Enums are stored by name.</summary>
    private static T Enum<T>(SqliteDataReader r, int i)
        where T : struct, Enum => System.Enum.Parse<T>(r.GetString(i));

    private static T? EnumOrNull<T>(SqliteDataReader r, int i)
        where T : struct, Enum => r.IsDBNull(i) ? null : Enum<T>(r, i);

    /// <summary>A list of ids, stored as a JSON array.</summary>
    private static List<string> Texts(SqliteDataReader r, int i) => JsonSerializer.Deserialize<List<string>>(r.GetString(i)) ?? [];
}
