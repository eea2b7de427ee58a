using Microsoft.EntityFrameworkCore.Migrations;
using Talks.Data.Seeding;

#nullable disable

namespace Talks.Migrations.Postgres.Migrations
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
            var aliases = "ARRAY[" + string.Join(", ", topic.Aliases.Select(Text)) + "]::text[]";
            return $"""
                INSERT INTO "Topics" ("Id", "Label", "Description", "ParentId", "PaxCode", "Aliases", "RetiredAt", "ReplacedById",
                    "Version", "CreatedAt", "UpdatedAt")
                SELECT {Text(topic.Id)}, {Text(topic.Label)}, {Text(topic.Description)},
                    (SELECT p."Id" FROM "Topics" AS p WHERE p."Id" = {Text(topic.ParentId)} AND p."RetiredAt" IS NULL),
                    {Text(topic.PaxCode)},
                    ARRAY(SELECT a.name FROM unnest({aliases}) WITH ORDINALITY AS a(name, n) WHERE NOT {Taken("a.name")} ORDER BY a.n),
                    NULL, NULL, 1, now(), now()
                WHERE {HasVocabulary} AND NOT {Taken(Text(topic.Id))};
                INSERT INTO "SeedMarks" ("Collection", "Id", "AppliedAt")
                SELECT 'topics', {Text(topic.Id)}, now()
                WHERE {HasVocabulary}
                ON CONFLICT DO NOTHING;
                """;
        }

        /// <summary>Whether a topic already has <paramref name="name"/> as its id or one of its other names.</summary>
        private static string Taken(string name) =>
            $"""EXISTS (SELECT 1 FROM "Topics" AS t WHERE t."Id" = {name} OR {name} = ANY (t."Aliases"))""";

        private static string Text(string value) => value is null ? "NULL" : "'" + value.Replace("'", "''") + "'";
    }
}
