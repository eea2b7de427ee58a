using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Talks.Migrations.Postgres.Migrations
{
    /// <summary>
    /// Adds the round to statements' search titles, as the SQLite migration of the same name does: who spoke — the
    /// person's name; else the party's name, followed by ", " and the speaking body when there is one; else the body —
    /// then " — " and the round's city and date ("Hakan Fidan — Istanbul, 2025-05-16"); either part alone when the
    /// other is missing. Titles follow a rename of the person or party or a change to the round's city or date.
    /// </summary>
    public partial class StatementSearchTitles : Migration
    {
        private const string Speaker =
            @"coalesce((SELECT ""Name"" FROM ""People"" WHERE ""Id"" = r.""SpeakerPersonId""), " +
            @"(SELECT ""Name"" FROM ""Parties"" WHERE ""Id"" = r.""SpeakerPartyId"") || coalesce(', ' || r.""SpeakerBody"", ''), " +
            @"r.""SpeakerBody"")";

        private const string Place = @"(SELECT ""City"" || ', ' || to_char(""Date"", 'YYYY-MM-DD') FROM ""Rounds"" WHERE ""Id"" = r.""RoundId"")";

        /// <summary>The title of the statement in row r; a missing part drops out with its separator.</summary>
        private const string Title = "coalesce(" + Speaker + " || ' — ' || " + Place + ", " + Speaker + ", " + Place + ", '')";

        /// <summary>The title FullTextSearch gave: who spoke, without the round.</summary>
        private const string OldTitle =
            @"coalesce((SELECT ""Name"" FROM ""People"" WHERE ""Id"" = r.""SpeakerPersonId""), " +
            @"(SELECT ""Name"" FROM ""Parties"" WHERE ""Id"" = r.""SpeakerPartyId"") || coalesce(', ' || r.""SpeakerBody"", ''), " +
            @"r.""SpeakerBody"", '')";

        private const string Body = @"r.""Quote"" || ' ' || coalesce(r.""Context"", '')";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            ReplaceStatementTrigger(migrationBuilder, Title);
            migrationBuilder.Sql($@"CREATE FUNCTION ""StatementTitles_Refresh""() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE ""SearchDocs"" AS d SET ""Title"" = {Title}
    FROM ""Statements"" AS r
    WHERE d.""Type"" = 'statement' AND d.""RecordId"" = r.""Id""
      AND NEW.""Id"" IN (r.""SpeakerPersonId"", r.""SpeakerPartyId"", r.""RoundId"");
    RETURN NULL;
END $$;");
            migrationBuilder.Sql(@"CREATE TRIGGER ""People_StatementTitles"" AFTER UPDATE OF ""Name"" ON ""People""
    FOR EACH ROW EXECUTE FUNCTION ""StatementTitles_Refresh""();");
            migrationBuilder.Sql(@"CREATE TRIGGER ""Parties_StatementTitles"" AFTER UPDATE OF ""Name"" ON ""Parties""
    FOR EACH ROW EXECUTE FUNCTION ""StatementTitles_Refresh""();");
            migrationBuilder.Sql(@"CREATE TRIGGER ""Rounds_StatementTitles"" AFTER UPDATE OF ""City"", ""Date"" ON ""Rounds""
    FOR EACH ROW EXECUTE FUNCTION ""StatementTitles_Refresh""();");
            Backfill(migrationBuilder, Title);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"DROP TRIGGER ""Rounds_StatementTitles"" ON ""Rounds"";");
            migrationBuilder.Sql(@"DROP TRIGGER ""Parties_StatementTitles"" ON ""Parties"";");
            migrationBuilder.Sql(@"DROP TRIGGER ""People_StatementTitles"" ON ""People"";");
            migrationBuilder.Sql(@"DROP FUNCTION ""StatementTitles_Refresh""();");
            ReplaceStatementTrigger(migrationBuilder, OldTitle);
            Backfill(migrationBuilder, OldTitle);
        }

        private static void ReplaceStatementTrigger(MigrationBuilder migrationBuilder, string title) =>
            migrationBuilder.Sql($@"CREATE OR REPLACE FUNCTION ""Statements_Search""() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r ""Statements"";
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM ""SearchDocs"" WHERE ""Type"" = 'statement' AND ""RecordId"" = OLD.""Id"";
        RETURN NULL;
    END IF;
    r := NEW;
    IF TG_OP = 'UPDATE' AND OLD.""Id"" <> NEW.""Id"" THEN
        DELETE FROM ""SearchDocs"" WHERE ""Type"" = 'statement' AND ""RecordId"" = OLD.""Id"";
    END IF;
    INSERT INTO ""SearchDocs"" (""Type"", ""RecordId"", ""TalkId"", ""Title"", ""Body"")
    VALUES ('statement', r.""Id"", (SELECT ""TalkId"" FROM ""Rounds"" WHERE ""Id"" = r.""RoundId""), {title}, {Body})
    ON CONFLICT (""Type"", ""RecordId"") DO UPDATE
        SET ""TalkId"" = EXCLUDED.""TalkId"", ""Title"" = EXCLUDED.""Title"", ""Body"" = EXCLUDED.""Body"";
    RETURN NULL;
END $$;");

        private static void Backfill(MigrationBuilder migrationBuilder, string title) =>
            migrationBuilder.Sql($@"UPDATE ""SearchDocs"" AS d SET ""Title"" = {title}
    FROM ""Statements"" AS r
    WHERE d.""Type"" = 'statement' AND d.""RecordId"" = r.""Id"";");
    }
}
