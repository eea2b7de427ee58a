using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Talks.Migrations.Postgres.Migrations
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
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "Held");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Status",
                table: "Rounds");
        }
    }
}
