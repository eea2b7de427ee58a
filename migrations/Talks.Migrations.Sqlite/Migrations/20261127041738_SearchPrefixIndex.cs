using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Talks.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// Search matches the last word typed as a prefix. Without a prefix index FTS5 answers "guarantees"* by merging the
    /// whole entry of every word that starts so before the first row (~17 ms for a word in a third of 620,000
    /// records); with one, a prefix of up to 12 characters is a single entry read lazily, newest first (~1 ms).
    /// Search now scores and cuts snippets from the records' text in the app, so the index keeps no word positions
    /// (detail=none): with the prefix entries it is the size it was (48 → 51 MB on that data set). Every prefix
    /// length is more to merge as writes come in; merging segments 8 at a time instead of 4 keeps a whole-round
    /// POST as cheap as before. PostgreSQL's GIN index answers prefixes itself.
    /// </summary>
    public partial class SearchPrefixIndex : Migration
    {
        private const string Table = "SearchText USING fts5(Title, Body, content='SearchDocs', content_rowid='RowId', tokenize='unicode61 remove_diacritics 2'";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            Recreate(migrationBuilder, Table + ", detail=none, prefix='1 2 3 4 5 6 7 8 9 10 11 12');");
            migrationBuilder.Sql("INSERT INTO SearchText(SearchText, rank) VALUES ('automerge', 8);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => Recreate(migrationBuilder, Table + ");");

        /// <summary>The triggers name SearchText only when they run, so the table can be replaced under them.</summary>
        private static void Recreate(MigrationBuilder migrationBuilder, string table)
        {
            migrationBuilder.Sql("DROP TABLE SearchText;");
            migrationBuilder.Sql("CREATE VIRTUAL TABLE " + table);
            migrationBuilder.Sql("INSERT INTO SearchText(SearchText) VALUES ('rebuild');");
        }
    }
}
