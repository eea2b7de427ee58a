using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Talks.Migrations.Postgres.Migrations
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
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "Day");

            migrationBuilder.AddColumn<string>(
                name: "Condition",
                table: "Obligations",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "Deadline",
                table: "Obligations",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DeadlineDays",
                table: "Obligations",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImplementationDatePrecision",
                table: "Agreements",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "Day");

            migrationBuilder.AddColumn<int>(
                name: "TermDays",
                table: "Agreements",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<List<int>>(
                name: "Completes",
                table: "AgreementEvents",
                type: "integer[]",
                nullable: false,
                defaultValue: Array.Empty<int>());

            migrationBuilder.CreateTable(
                name: "AgreementRenewals",
                columns: table => new
                {
                    AgreementId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Ordinal = table.Column<int>(type: "integer", nullable: false),
                    RenewedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Days = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
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
            migrationBuilder.DropTable(
                name: "AgreementRenewals");

            migrationBuilder.DropColumn(
                name: "DatePrecision",
                table: "Rounds");

            migrationBuilder.DropColumn(
                name: "Condition",
                table: "Obligations");

            migrationBuilder.DropColumn(
                name: "Deadline",
                table: "Obligations");

            migrationBuilder.DropColumn(
                name: "DeadlineDays",
                table: "Obligations");

            migrationBuilder.DropColumn(
                name: "ImplementationDatePrecision",
                table: "Agreements");

            migrationBuilder.DropColumn(
                name: "TermDays",
                table: "Agreements");

            migrationBuilder.DropColumn(
                name: "Completes",
                table: "AgreementEvents");
        }
    }
}
