using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Talks.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// Search finds the topics of the shared vocabulary: the title is the label, the body the aliases and then the
    /// description ("pows prisoners of war Captured combatants and civilians held …"). The entries follow every write
    /// to a topic and are made here for the topics already there; the PostgreSQL migration of the same name builds the
    /// same ones.
    /// </summary>
    public partial class SearchTopics : Migration
    {
        private static string Body(string row) =>
            $"coalesce((SELECT group_concat(value, ' ') FROM json_each({row}.Aliases)), '') || ' ' || coalesce({row}.Description, '')";

        private static string Insert(string row) =>
            $"INSERT INTO SearchDocs (Type, RecordId, TalkId, Title, Body) VALUES ('topic', {row}.Id, NULL, {row}.Label, {Body(row)});";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($@"CREATE TRIGGER Topics_Search_Inserted AFTER INSERT ON Topics BEGIN
    {Insert("new")}
END;");
            migrationBuilder.Sql($@"CREATE TRIGGER Topics_Search_Updated AFTER UPDATE OF Id, Label, Aliases, Description ON Topics BEGIN
    DELETE FROM SearchDocs WHERE Type = 'topic' AND RecordId = old.Id;
    {Insert("new")}
END;");
            migrationBuilder.Sql(@"CREATE TRIGGER Topics_Search_Deleted AFTER DELETE ON Topics BEGIN
    DELETE FROM SearchDocs WHERE Type = 'topic' AND RecordId = old.Id;
END;");
            migrationBuilder.Sql($@"INSERT INTO SearchDocs (Type, RecordId, TalkId, Title, Body)
SELECT 'topic', t.Id, NULL, t.Label, {Body("t")} FROM Topics AS t ORDER BY t.CreatedAt, t.Id;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER Topics_Search_Deleted;");
            migrationBuilder.Sql("DROP TRIGGER Topics_Search_Updated;");
            migrationBuilder.Sql("DROP TRIGGER Topics_Search_Inserted;");
            migrationBuilder.Sql("DELETE FROM SearchDocs WHERE Type = 'topic';");
        }
    }
}
