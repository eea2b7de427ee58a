using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Talks.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ProcessesBeyondOneRound : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "EndDate",
                table: "Rounds",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EndDatePrecision",
                table: "Rounds",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ConflictParty",
                table: "Parties",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "OpeningStatus",
                table: "Agreements",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            // Where events have already moved an agreement, the status it started from was never stored: one with a
            // date of agreement is taken to have opened agreed, one without it proposed. The events say every later
            // status as before; an agreement no event has moved keeps none, its status being the one it always had.
            migrationBuilder.Sql("""
                UPDATE "Agreements" SET "OpeningStatus" = CASE WHEN "AgreedOn" IS NOT NULL THEN 'Agreed' ELSE 'Proposed' END
                WHERE EXISTS (SELECT 1 FROM "AgreementEvents" e WHERE e."AgreementId" = "Agreements"."Id" AND e."StatusAfter" IS NOT NULL);
                """);

            migrationBuilder.CreateTable(
                name: "PartyMembers",
                columns: table => new
                {
                    GroupId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Ordinal = table.Column<int>(type: "integer", nullable: false),
                    MemberId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartyMembers", x => new { x.GroupId, x.Ordinal });
                    table.ForeignKey(
                        name: "FK_PartyMembers_Parties_GroupId",
                        column: x => x.GroupId,
                        principalTable: "Parties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PartyMembers_Parties_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Parties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PartyNames",
                columns: table => new
                {
                    Ordinal = table.Column<int>(type: "integer", nullable: false),
                    PartyId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Language = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: true),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartyNames", x => new { x.PartyId, x.Ordinal });
                    table.ForeignKey(
                        name: "FK_PartyNames_Parties_PartyId",
                        column: x => x.PartyId,
                        principalTable: "Parties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PersonNames",
                columns: table => new
                {
                    Ordinal = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Language = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: true),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonNames", x => new { x.PersonId, x.Ordinal });
                    table.ForeignKey(
                        name: "FK_PersonNames_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RoundParticipants_Role_PartyId",
                table: "RoundParticipants",
                columns: new[] { "Role", "PartyId" });

            migrationBuilder.CreateIndex(
                name: "IX_PartyMembers_MemberId",
                table: "PartyMembers",
                column: "MemberId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PartyMembers");

            migrationBuilder.DropTable(
                name: "PartyNames");

            migrationBuilder.DropTable(
                name: "PersonNames");

            migrationBuilder.DropIndex(
                name: "IX_RoundParticipants_Role_PartyId",
                table: "RoundParticipants");

            migrationBuilder.DropColumn(
                name: "EndDate",
                table: "Rounds");

            migrationBuilder.DropColumn(
                name: "EndDatePrecision",
                table: "Rounds");

            migrationBuilder.DropColumn(
                name: "ConflictParty",
                table: "Parties");

            migrationBuilder.DropColumn(
                name: "OpeningStatus",
                table: "Agreements");
        }
    }
}
