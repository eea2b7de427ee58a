using Microsoft.EntityFrameworkCore.Migrations;
using Talks.Data.Names;

#nullable disable

namespace Talks.Migrations.Postgres.Migrations
{
    /// <summary>
    /// Search finds people and parties by their name and every other name, as the SQLite migration of the same name
    /// has it: the title is the name; the body is the other names in their order, each Cyrillic one followed by itself
    /// in Latin letters, then the name in Latin letters when it is Cyrillic. The entries follow every write to a
    /// record's name or other names, and are made here for the records already there.
    /// </summary>
    public partial class SearchPeopleAndParties : Migration
    {
        /// <summary>Each searched kind: its type name, its table, and the table of its other names with its key there.</summary>
        private static readonly (string Type, string Table, string NamesTable, string Owner)[] Named =
        [
            ("person", "People", "PersonNames", "PersonId"),
            ("party", "Parties", "PartyNames", "PartyId"),
        ];

        /// <summary><paramref name="name"/>, then in Latin letters when that reads otherwise.</summary>
        private static string WithLatin(string name) => $"{name} || coalesce(' ' || nullif({CyrillicToLatin.Sql(name)}, {name}), '')";

        private static string Body(string namesTable, string owner) =>
            $@"coalesce((SELECT string_agg({WithLatin(@"n.""Name""")}, ' ' ORDER BY n.""Ordinal"") FROM ""{namesTable}"" AS n "
            + $@"WHERE n.""{owner}"" = r.""Id""), '') || coalesce(' ' || nullif({CyrillicToLatin.Sql(@"r.""Name""")}, r.""Name""), '')";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var (type, table, namesTable, owner) in Named)
            {
                // Makes the entry of one record again from what it is now; none when it is gone.
                migrationBuilder.Sql($@"CREATE FUNCTION ""{table}_SearchRefresh""(id text) RETURNS void LANGUAGE sql AS $$
    DELETE FROM ""SearchDocs"" WHERE ""Type"" = '{type}' AND ""RecordId"" = id;
    INSERT INTO ""SearchDocs"" (""Type"", ""RecordId"", ""TalkId"", ""Title"", ""Body"")
    SELECT '{type}', r.""Id"", NULL, r.""Name"", {Body(namesTable, owner)} FROM ""{table}"" AS r WHERE r.""Id"" = id;
$$;");
                foreach (var (written, key, columns) in new[] { (table, "Id", @" OF ""Id"", ""Name"""), (namesTable, owner, "") })
                {
                    migrationBuilder.Sql($@"CREATE FUNCTION ""{written}_Search""() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM ""{table}_SearchRefresh""(OLD.""{key}"");
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM ""{table}_SearchRefresh""(NEW.""{key}"");
    END IF;
    RETURN NULL;
END $$;");
                    migrationBuilder.Sql($@"CREATE TRIGGER ""{written}_Search"" AFTER INSERT OR UPDATE{columns} OR DELETE ON ""{written}""
    FOR EACH ROW EXECUTE FUNCTION ""{written}_Search""();");
                }

                migrationBuilder.Sql($@"INSERT INTO ""SearchDocs"" (""Type"", ""RecordId"", ""TalkId"", ""Title"", ""Body"")
    SELECT '{type}', r.""Id"", NULL, r.""Name"", {Body(namesTable, owner)} FROM ""{table}"" AS r ORDER BY r.""CreatedAt"", r.""Id"";");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (type, table, namesTable, _) in Named)
            {
                foreach (var written in new[] { table, namesTable })
                {
                    migrationBuilder.Sql($@"DROP TRIGGER ""{written}_Search"" ON ""{written}"";");
                    migrationBuilder.Sql($@"DROP FUNCTION ""{written}_Search""();");
                }

                migrationBuilder.Sql($@"DROP FUNCTION ""{table}_SearchRefresh""(text);");
                migrationBuilder.Sql($@"DELETE FROM ""SearchDocs"" WHERE ""Type"" = '{type}';");
            }
        }
    }
}
