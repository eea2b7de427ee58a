using Microsoft.EntityFrameworkCore.Migrations;
using Talks.Data.Names;

#nullable disable

namespace Talks.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// Search finds people and parties by their name and every other name. A record's title is its name; its body is
    /// its other names in their order, each Cyrillic one followed by itself in Latin letters, then the name in Latin
    /// letters when it is Cyrillic ("Владимир Мединский Vladimir Medinskiy Vladimir Medinskiy"), so a name is found
    /// in either script. The entries follow every write to a record's name or other names, and are made here for the
    /// records already there. The PostgreSQL migration of the same name builds the same titles and bodies.
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
        private static string WithLatin(string name) => $"{name} || coalesce(' ' || nullif({CyrillicToLatin.SqliteSql(name)}, {name}), '')";

        private static string Body(string namesTable, string owner) =>
            $"coalesce((SELECT group_concat(Shown, ' ') FROM (SELECT {WithLatin("n.Name")} AS Shown FROM {namesTable} AS n "
            + $"WHERE n.{owner} = r.Id ORDER BY n.Ordinal)), '') || coalesce(' ' || nullif({CyrillicToLatin.SqliteSql("r.Name")}, r.Name), '')";

        /// <summary>Makes the entry of record <paramref name="id"/> again from what it is now; none when it is gone.</summary>
        private static string Refresh((string Type, string Table, string NamesTable, string Owner) kind, string id) => $@"
    DELETE FROM SearchDocs WHERE Type = '{kind.Type}' AND RecordId = {id};
    INSERT INTO SearchDocs (Type, RecordId, TalkId, Title, Body)
    SELECT '{kind.Type}', r.Id, NULL, r.Name, {Body(kind.NamesTable, kind.Owner)} FROM {kind.Table} AS r WHERE r.Id = {id};";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var kind in Named)
            {
                var (type, table, namesTable, owner) = kind;
                migrationBuilder.Sql($@"CREATE TRIGGER {table}_Search_Inserted AFTER INSERT ON {table} BEGIN{Refresh(kind, "new.Id")}
END;");
                migrationBuilder.Sql($@"CREATE TRIGGER {table}_Search_Updated AFTER UPDATE OF Id, Name ON {table} BEGIN{Refresh(kind, "old.Id")}"
                    + $@"{Refresh(kind, "new.Id")}
END;");
                migrationBuilder.Sql($@"CREATE TRIGGER {table}_Search_Deleted AFTER DELETE ON {table} BEGIN
    DELETE FROM SearchDocs WHERE Type = '{type}' AND RecordId = old.Id;
END;");
                migrationBuilder.Sql($@"CREATE TRIGGER {namesTable}_Search_Inserted AFTER INSERT ON {namesTable} BEGIN{Refresh(kind, $"new.{owner}")}
END;");
                migrationBuilder.Sql($@"CREATE TRIGGER {namesTable}_Search_Updated AFTER UPDATE ON {namesTable} BEGIN{Refresh(kind, $"old.{owner}")}"
                    + $@"{Refresh(kind, $"new.{owner}")}
END;");
                migrationBuilder.Sql($@"CREATE TRIGGER {namesTable}_Search_Deleted AFTER DELETE ON {namesTable} BEGIN{Refresh(kind, $"old.{owner}")}
END;");
                migrationBuilder.Sql($@"INSERT INTO SearchDocs (Type, RecordId, TalkId, Title, Body)
SELECT '{type}', r.Id, NULL, r.Name, {Body(namesTable, owner)} FROM {table} AS r ORDER BY r.CreatedAt, r.Id;");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (type, table, namesTable, _) in Named)
            {
                foreach (var trigger in new[] { table, namesTable }.SelectMany(t => new[] { "Inserted", "Updated", "Deleted" }.Select(w => $"{t}_Search_{w}")))
                {
                    migrationBuilder.Sql($"DROP TRIGGER {trigger};");
                }

                migrationBuilder.Sql($"DELETE FROM SearchDocs WHERE Type = '{type}';");
            }
        }
    }
}
