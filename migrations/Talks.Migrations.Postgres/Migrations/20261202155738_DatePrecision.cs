using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Talks.Migrations.Postgres.Migrations
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
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "Day");

            migrationBuilder.AddColumn<string>(
                name: "ImplementationDatePrecision",
                table: "Agreements",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "Day");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DatePrecision",
                table: "Rounds");

            migrationBuilder.DropColumn(
                name: "ImplementationDatePrecision",
                table: "Agreements");
        }
    }
}
