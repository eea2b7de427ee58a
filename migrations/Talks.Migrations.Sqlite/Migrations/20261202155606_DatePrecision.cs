using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Talks.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DatePrecision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DatePrecision",
                table: "Rounds",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "Day");

            migrationBuilder.AddColumn<string>(
                name: "ImplementationDatePrecision",
                table: "Agreements",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "Day");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Rounds and Agreements have triggers, which EF's rebuild of the table would drop; SQLite drops columns in place.
            migrationBuilder.Sql("ALTER TABLE \"Rounds\" DROP COLUMN \"DatePrecision\";");
            migrationBuilder.Sql("ALTER TABLE \"Agreements\" DROP COLUMN \"ImplementationDatePrecision\";");
        }
    }
}
