using Microsoft.EntityFrameworkCore.Migrations;
using Talks.Data.Seeding;

#nullable disable

namespace Talks.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// Adds the topics for the PA-X top-level categories to a database that holds a vocabulary already; a new database
    /// gets them from the seed, after every migration has run, so it is left alone here. A topic whose id is taken,
    /// as an id or as another name, is left to the analyst who took it; another name already in use is left out; a
    /// parent that is missing or retired leaves the topic at the top. Each is marked as seeded either way, so the
    /// seeder never brings back one an analyst later deletes.
    /// </summary>
    public partial class PaxCategoryTopics : Migration
    {
        private const string Now = "strftime('%Y-%m-%d %H:%M:%f', 'now')";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var topic in Talks.Data.Seeding.PaxCategoryTopics.All)
            {
                migrationBuilder.Sql(Insert(topic));
            }
        }

        /// <summary>Topics stay: by the time a database goes back, records may name them.</summary>
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }

        /// <summary>Whether the database held topics before this migration: one made just now is still empty.</summary>
        private static readonly string HasVocabulary =
            $"""EXISTS (SELECT 1 FROM "Topics" AS o WHERE o."Id" NOT IN ({string.Join(", ", NewIds.Select(Text))}))""";

        private static IEnumerable<string> NewIds => Talks.Data.Seeding.PaxCategoryTopics.All.Select(t => t.Id);

        private static string Insert(AddedTopic topic)
        {
            var aliases = Text(System.Text.Json.JsonSerializer.Serialize(topic.Aliases));
            return $"""
                INSERT INTO "Topics" ("Id", "Label", "Description", "ParentId", "PaxCode", "Aliases", "RetiredAt", "ReplacedById",
                    "Version", "CreatedAt", "UpdatedAt")
                SELECT {Text(topic.Id)}, {Text(topic.Label)}, {Text(topic.Description)},
                    (SELECT p."Id" FROM "Topics" AS p WHERE p."Id" = {Text(topic.ParentId)} AND p."RetiredAt" IS NULL),
                    {Text(topic.PaxCode)},
                    (SELECT json_group_array(a.value) FROM json_each({aliases}) AS a WHERE NOT {Taken("a.value")}),
                    NULL, NULL, 1, {Now}, {Now}
                WHERE {HasVocabulary} AND NOT {Taken(Text(topic.Id))};
                INSERT INTO "SeedMarks" ("Collection", "Id", "AppliedAt")
                SELECT 'topics', {Text(topic.Id)}, {Now}
                WHERE {HasVocabulary} AND NOT EXISTS (SELECT 1 FROM "SeedMarks" WHERE "Collection" = 'topics' AND "Id" = {Text(topic.Id)});
                """;
        }

        /// <summary>Whether a topic already has <paramref name="name"/> as its id or one of its other names.</summary>
        private static string Taken(string name) =>
            $"""EXISTS (SELECT 1 FROM "Topics" AS t WHERE t."Id" = {name} OR EXISTS (SELECT 1 FROM json_each(t."Aliases") AS x WHERE x.value = {name}))""";

        private static string Text(string value) => value is null ? "NULL" : "'" + value.Replace("'", "''") + "'";
    }
}
