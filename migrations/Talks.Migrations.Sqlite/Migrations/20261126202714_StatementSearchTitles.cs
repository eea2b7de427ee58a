using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Talks.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// Gives statements a search title a results list can show: who spoke — the person's name; else the party's name,
    /// followed by ", " and the speaking body when there is one; else the body — then " — " and the round's city and
    /// date ("Hakan Fidan — Istanbul, 2025-05-16"); either part alone when the other is missing. Titles follow a
    /// rename of the person or party or a change to the round's city or date, so search never shows an old name.
    /// The PostgreSQL migration of the same name builds the same titles.
    /// </summary>
    public partial class StatementSearchTitles : Migration
    {
        private const string OldTitle = "coalesce({0}.SpeakerBody, '')";

        private static string Speaker(string row) =>
            $"coalesce((SELECT Name FROM People WHERE Id = {row}.SpeakerPersonId), (SELECT Name FROM Parties WHERE Id = {row}.SpeakerPartyId) || coalesce(', ' || {row}.SpeakerBody, ''), {row}.SpeakerBody)";

        private static string Place(string row) => $"(SELECT City || ', ' || Date FROM Rounds WHERE Id = {row}.RoundId)";

        /// <summary>The title of the statement in row <paramref name="row"/>; a missing part drops out with its separator.</summary>
        private static string Title(string row) => $"coalesce({Speaker(row)} || ' — ' || {Place(row)}, {Speaker(row)}, {Place(row)}, '')";

        private static string Body(string row) => $"{row}.Quote || ' ' || coalesce({row}.Context, '')";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SearchDocs rows were only ever inserted and deleted; an update must now reach the FTS index too.
            migrationBuilder.Sql(@"CREATE TRIGGER SearchDocs_Updated AFTER UPDATE ON SearchDocs BEGIN
    INSERT INTO SearchText(SearchText, rowid, Title, Body) VALUES ('delete', old.RowId, old.Title, old.Body);
    INSERT INTO SearchText(rowid, Title, Body) VALUES (new.RowId, new.Title, new.Body);
END;");
            CreateStatementTriggers(migrationBuilder, Title("new"));

            migrationBuilder.Sql(@"CREATE TRIGGER People_StatementTitles_Updated AFTER UPDATE OF Name ON People BEGIN
    UPDATE SearchDocs SET Title = (SELECT " + Title("s") + @" FROM Statements AS s WHERE s.Id = SearchDocs.RecordId)
    WHERE Type = 'statement' AND RecordId IN (SELECT Id FROM Statements WHERE SpeakerPersonId = new.Id);
END;");
            migrationBuilder.Sql(@"CREATE TRIGGER Parties_StatementTitles_Updated AFTER UPDATE OF Name ON Parties BEGIN
    UPDATE SearchDocs SET Title = (SELECT " + Title("s") + @" FROM Statements AS s WHERE s.Id = SearchDocs.RecordId)
    WHERE Type = 'statement' AND RecordId IN (SELECT Id FROM Statements WHERE SpeakerPartyId = new.Id);
END;");
            migrationBuilder.Sql(@"CREATE TRIGGER Rounds_StatementTitles_Updated AFTER UPDATE OF City, Date ON Rounds BEGIN
    UPDATE SearchDocs SET Title = (SELECT " + Title("s") + @" FROM Statements AS s WHERE s.Id = SearchDocs.RecordId)
    WHERE Type = 'statement' AND RecordId IN (SELECT Id FROM Statements WHERE RoundId = new.Id);
END;");

            migrationBuilder.Sql(@"UPDATE SearchDocs SET Title = (SELECT " + Title("s") + @" FROM Statements AS s WHERE s.Id = SearchDocs.RecordId)
WHERE Type = 'statement';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"DROP TRIGGER Rounds_StatementTitles_Updated;");
            migrationBuilder.Sql(@"DROP TRIGGER Parties_StatementTitles_Updated;");
            migrationBuilder.Sql(@"DROP TRIGGER People_StatementTitles_Updated;");
            CreateStatementTriggers(migrationBuilder, string.Format(OldTitle, "new"));
            migrationBuilder.Sql(@"UPDATE SearchDocs SET Title = (SELECT " + string.Format(OldTitle, "s") + @" FROM Statements AS s WHERE s.Id = SearchDocs.RecordId)
WHERE Type = 'statement';");
            migrationBuilder.Sql(@"DROP TRIGGER SearchDocs_Updated;");
        }

        private static void CreateStatementTriggers(MigrationBuilder migrationBuilder, string title)
        {
            migrationBuilder.Sql(@"DROP TRIGGER Statements_Search_Inserted;");
            migrationBuilder.Sql(@"DROP TRIGGER Statements_Search_Updated;");
            migrationBuilder.Sql(@"CREATE TRIGGER Statements_Search_Inserted AFTER INSERT ON Statements BEGIN
    INSERT INTO SearchDocs (Type, RecordId, TalkId, Title, Body) VALUES ('statement', new.Id, (SELECT TalkId FROM Rounds WHERE Id = new.RoundId), " + title + ", " + Body("new") + @");
END;");
            migrationBuilder.Sql(@"CREATE TRIGGER Statements_Search_Updated AFTER UPDATE ON Statements BEGIN
    DELETE FROM SearchDocs WHERE Type = 'statement' AND RecordId = old.Id;
    INSERT INTO SearchDocs (Type, RecordId, TalkId, Title, Body) VALUES ('statement', new.Id, (SELECT TalkId FROM Rounds WHERE Id = new.RoundId), " + title + ", " + Body("new") + @");
END;");
        }
    }
}
