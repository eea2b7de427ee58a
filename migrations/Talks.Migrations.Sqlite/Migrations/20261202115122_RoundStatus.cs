using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Talks.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// A round's status — scheduled, held, postponed or cancelled — so rounds can be recorded when they are announced.
    /// Every round recorded before took place: they are held.
    /// </summary>
    public partial class RoundStatus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "Rounds",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "Held");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // In place: EF's DropColumn would rebuild the table and lose the search triggers on Rounds.
            migrationBuilder.Sql(@"ALTER TABLE ""Rounds"" DROP COLUMN ""Status"";");
        }
    }
}
