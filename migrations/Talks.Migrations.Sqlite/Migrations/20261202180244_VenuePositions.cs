using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Talks.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class VenuePositions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "Latitude",
                table: "Rounds",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Longitude",
                table: "Rounds",
                type: "REAL",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Rounds carries triggers, which EF's SQLite table rebuild for DropColumn would lose.
            migrationBuilder.Sql("ALTER TABLE \"Rounds\" DROP COLUMN \"Latitude\";");
            migrationBuilder.Sql("ALTER TABLE \"Rounds\" DROP COLUMN \"Longitude\";");
        }
    }
}
