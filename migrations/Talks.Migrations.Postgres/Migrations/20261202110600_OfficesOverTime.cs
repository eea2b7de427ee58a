using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Talks.Migrations.Postgres.Migrations
{
    /// <summary>
    /// A person's offices over time: each person's single office moves, without loss, into PersonOffices as the one
    /// held now (from a day unknown), and a round's delegate may state the office held at that round.
    /// </summary>
    public partial class OfficesOverTime : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Office",
                table: "RoundDelegates",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PersonOffices",
                columns: table => new
                {
                    PersonId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Ordinal = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PartyId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    From = table.Column<DateOnly>(type: "date", nullable: true),
                    To = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonOffices", x => new { x.PersonId, x.Ordinal });
                    table.ForeignKey(
                        name: "FK_PersonOffices_Parties_PartyId",
                        column: x => x.PartyId,
                        principalTable: "Parties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PersonOffices_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PersonOffices_PartyId",
                table: "PersonOffices",
                column: "PartyId");

            // Each person's one office becomes the first entry of their history, held from a day unknown until now.
            migrationBuilder.Sql(@"INSERT INTO ""PersonOffices"" (""PersonId"", ""Ordinal"", ""Title"", ""PartyId"", ""From"", ""To"")
SELECT ""Id"", 1, ""Office"", NULL, NULL, NULL FROM ""People"" WHERE ""Office"" IS NOT NULL;");

            migrationBuilder.DropColumn(
                name: "Office",
                table: "People");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Office",
                table: "People",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            // The office held now goes back to the person; the history before it cannot.
            migrationBuilder.Sql(@"UPDATE ""People"" SET ""Office"" = (SELECT o.""Title"" FROM ""PersonOffices"" AS o
WHERE o.""PersonId"" = ""People"".""Id"" AND o.""To"" IS NULL ORDER BY o.""Ordinal"" DESC LIMIT 1);");

            migrationBuilder.DropTable(
                name: "PersonOffices");

            migrationBuilder.DropColumn(
                name: "Office",
                table: "RoundDelegates");
        }
    }
}
