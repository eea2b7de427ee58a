using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Talks.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AgreementTermRenewals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "TermDays",
                table: "Agreements",
                type: "INTEGER",
                nullable: true);

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
            migrationBuilder.DropTable(
                name: "AgreementRenewals");

            // Agreements has triggers, which EF's rebuild of the table would drop; SQLite drops the column in place.
            migrationBuilder.Sql("ALTER TABLE \"Agreements\" DROP COLUMN \"TermDays\";");
        }
    }
}
