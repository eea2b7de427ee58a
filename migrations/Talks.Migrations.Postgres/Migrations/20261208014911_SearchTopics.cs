using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Talks.Migrations.Postgres.Migrations
{
    /// <summary>
    /// Search finds the topics of the shared vocabulary, as the SQLite migration of the same name has it: the title is
    /// the label, the body the aliases and then the description. The entries follow every write to a topic and are
    /// made here for the topics already there.
    /// </summary>
    public partial class SearchTopics : Migration
    {
        private const string Body = @"array_to_string(r.""Aliases"", ' ') || ' ' || coalesce(r.""Description"", '')";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($@"CREATE FUNCTION ""Topics_Search""() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r ""Topics"";
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM ""SearchDocs"" WHERE ""Type"" = 'topic' AND ""RecordId"" = OLD.""Id"";
        RETURN NULL;
    END IF;
    r := NEW;
    IF TG_OP = 'UPDATE' AND OLD.""Id"" <> NEW.""Id"" THEN
        DELETE FROM ""SearchDocs"" WHERE ""Type"" = 'topic' AND ""RecordId"" = OLD.""Id"";
    END IF;
    INSERT INTO ""SearchDocs"" (""Type"", ""RecordId"", ""TalkId"", ""Title"", ""Body"")
    VALUES ('topic', r.""Id"", NULL, r.""Label"", {Body})
    ON CONFLICT (""Type"", ""RecordId"") DO UPDATE
        SET ""TalkId"" = EXCLUDED.""TalkId"", ""Title"" = EXCLUDED.""Title"", ""Body"" = EXCLUDED.""Body"";
    RETURN NULL;
END $$;");
            migrationBuilder.Sql(@"CREATE TRIGGER ""Topics_Search""
    AFTER INSERT OR UPDATE OF ""Id"", ""Label"", ""Aliases"", ""Description"" OR DELETE ON ""Topics""
    FOR EACH ROW EXECUTE FUNCTION ""Topics_Search""();");
            migrationBuilder.Sql($@"INSERT INTO ""SearchDocs"" (""Type"", ""RecordId"", ""TalkId"", ""Title"", ""Body"")
    SELECT 'topic', r.""Id"", NULL, r.""Label"", {Body} FROM ""Topics"" AS r ORDER BY r.""CreatedAt"", r.""Id"";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"DROP TRIGGER ""Topics_Search"" ON ""Topics"";");
            migrationBuilder.Sql(@"DROP FUNCTION ""Topics_Search""();");
            migrationBuilder.Sql(@"DELETE FROM ""SearchDocs"" WHERE ""Type"" = 'topic';");
        }
    }
}
