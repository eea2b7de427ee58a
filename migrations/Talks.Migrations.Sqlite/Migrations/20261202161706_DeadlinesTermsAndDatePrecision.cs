using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Talks.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DeadlinesTermsAndDatePrecision : Migration
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
                name: "Condition",
                table: "Obligations",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "Deadline",
                table: "Obligations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DeadlineDays",
                table: "Obligations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImplementationDatePrecision",
                table: "Agreements",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "Day");

            migrationBuilder.AddColumn<int>(
                name: "TermDays",
                table: "Agreements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Completes",
                table: "AgreementEvents",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.CreateTable(
                name: "AgreementRenewals",
                columns: table => new
                {
                    AgreementId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    RenewedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Days = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementRenewals", x => new { x.AgreementId, x.Ordinal });
                    table.ForeignKey(
                        name: "FK_AgreementRenewals_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Rounds and Agreements have triggers, which EF's rebuild of the table would drop; SQLite drops columns in place.
            migrationBuilder.DropTable(
                name: "AgreementRenewals");

            migrationBuilder.Sql("ALTER TABLE \"Rounds\" DROP COLUMN \"DatePrecision\";");

            migrationBuilder.DropColumn(
                name: "Condition",
                table: "Obligations");

            migrationBuilder.DropColumn(
                name: "Deadline",
                table: "Obligations");

            migrationBuilder.DropColumn(
                name: "DeadlineDays",
                table: "Obligations");

            migrationBuilder.Sql("ALTER TABLE \"Agreements\" DROP COLUMN \"ImplementationDatePrecision\";");

            migrationBuilder.Sql("ALTER TABLE \"Agreements\" DROP COLUMN \"TermDays\";");

            migrationBuilder.DropColumn(
                name: "Completes",
                table: "AgreementEvents");
        }
    }
}
