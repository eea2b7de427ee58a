using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Talks.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class KeysetListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Statements_RoundId",
                table: "Statements");

            migrationBuilder.DropIndex(
                name: "IX_Statements_SpeakerPartyId",
                table: "Statements");

            migrationBuilder.DropIndex(
                name: "IX_Statements_SpeakerPersonId",
                table: "Statements");

            migrationBuilder.DropIndex(
                name: "IX_Rounds_Date",
                table: "Rounds");

            migrationBuilder.DropIndex(
                name: "IX_Rounds_TalkId_Date",
                table: "Rounds");

            migrationBuilder.DropIndex(
                name: "IX_Positions_Kind",
                table: "Positions");

            migrationBuilder.DropIndex(
                name: "IX_Positions_PartyId_Topic",
                table: "Positions");

            migrationBuilder.DropIndex(
                name: "IX_Positions_RoundId",
                table: "Positions");

            migrationBuilder.DropIndex(
                name: "IX_Positions_Topic",
                table: "Positions");

            migrationBuilder.DropIndex(
                name: "IX_Agreements_Status",
                table: "Agreements");

            migrationBuilder.DropIndex(
                name: "IX_Agreements_Type",
                table: "Agreements");

            migrationBuilder.CreateIndex(
                name: "IX_Talks_CreatedAt_Id",
                table: "Talks",
                columns: new[] { "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Talks_Title_Id",
                table: "Talks",
                columns: new[] { "Title", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Statements_CreatedAt_Id",
                table: "Statements",
                columns: new[] { "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Statements_RoundId_Id",
                table: "Statements",
                columns: new[] { "RoundId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Statements_SpeakerPartyId_CreatedAt_Id",
                table: "Statements",
                columns: new[] { "SpeakerPartyId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Statements_SpeakerPartyId_Id",
                table: "Statements",
                columns: new[] { "SpeakerPartyId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Statements_SpeakerPersonId_CreatedAt_Id",
                table: "Statements",
                columns: new[] { "SpeakerPersonId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Statements_SpeakerPersonId_Id",
                table: "Statements",
                columns: new[] { "SpeakerPersonId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Rounds_CreatedAt_Id",
                table: "Rounds",
                columns: new[] { "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Rounds_Date_Id",
                table: "Rounds",
                columns: new[] { "Date", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Rounds_Sequence_Id",
                table: "Rounds",
                columns: new[] { "Sequence", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Rounds_TalkId_Date_Id",
                table: "Rounds",
                columns: new[] { "TalkId", "Date", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Positions_CreatedAt_Id",
                table: "Positions",
                columns: new[] { "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Positions_Kind_CreatedAt_Id",
                table: "Positions",
                columns: new[] { "Kind", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Positions_Kind_Id",
                table: "Positions",
                columns: new[] { "Kind", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Positions_Kind_Topic_Id",
                table: "Positions",
                columns: new[] { "Kind", "Topic", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Positions_PartyId_CreatedAt_Id",
                table: "Positions",
                columns: new[] { "PartyId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Positions_PartyId_Id",
                table: "Positions",
                columns: new[] { "PartyId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Positions_PartyId_Topic_Id",
                table: "Positions",
                columns: new[] { "PartyId", "Topic", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Positions_RoundId_Id",
                table: "Positions",
                columns: new[] { "RoundId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Positions_Topic_CreatedAt_Id",
                table: "Positions",
                columns: new[] { "Topic", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Positions_Topic_Id",
                table: "Positions",
                columns: new[] { "Topic", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Changes_Collection_Id",
                table: "Changes",
                columns: new[] { "Collection", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_CreatedAt_Id",
                table: "Agreements",
                columns: new[] { "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_Status_CreatedAt_Id",
                table: "Agreements",
                columns: new[] { "Status", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_Status_Id",
                table: "Agreements",
                columns: new[] { "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_Status_Title_Id",
                table: "Agreements",
                columns: new[] { "Status", "Title", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_Title_Id",
                table: "Agreements",
                columns: new[] { "Title", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_Type_CreatedAt_Id",
                table: "Agreements",
                columns: new[] { "Type", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_Type_Id",
                table: "Agreements",
                columns: new[] { "Type", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_Type_Title_Id",
                table: "Agreements",
                columns: new[] { "Type", "Title", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Talks_CreatedAt_Id",
                table: "Talks");

            migrationBuilder.DropIndex(
                name: "IX_Talks_Title_Id",
                table: "Talks");

            migrationBuilder.DropIndex(
                name: "IX_Statements_CreatedAt_Id",
                table: "Statements");

            migrationBuilder.DropIndex(
                name: "IX_Statements_RoundId_Id",
                table: "Statements");

            migrationBuilder.DropIndex(
                name: "IX_Statements_SpeakerPartyId_CreatedAt_Id",
                table: "Statements");

            migrationBuilder.DropIndex(
                name: "IX_Statements_SpeakerPartyId_Id",
                table: "Statements");

            migrationBuilder.DropIndex(
                name: "IX_Statements_SpeakerPersonId_CreatedAt_Id",
                table: "Statements");

            migrationBuilder.DropIndex(
                name: "IX_Statements_SpeakerPersonId_Id",
                table: "Statements");

            migrationBuilder.DropIndex(
                name: "IX_Rounds_CreatedAt_Id",
                table: "Rounds");

            migrationBuilder.DropIndex(
                name: "IX_Rounds_Date_Id",
                table: "Rounds");

            migrationBuilder.DropIndex(
                name: "IX_Rounds_Sequence_Id",
                table: "Rounds");

            migrationBuilder.DropIndex(
                name: "IX_Rounds_TalkId_Date_Id",
                table: "Rounds");

            migrationBuilder.DropIndex(
                name: "IX_Positions_CreatedAt_Id",
                table: "Positions");

            migrationBuilder.DropIndex(
                name: "IX_Positions_Kind_CreatedAt_Id",
                table: "Positions");

            migrationBuilder.DropIndex(
                name: "IX_Positions_Kind_Id",
                table: "Positions");

            migrationBuilder.DropIndex(
                name: "IX_Positions_Kind_Topic_Id",
                table: "Positions");

            migrationBuilder.DropIndex(
                name: "IX_Positions_PartyId_CreatedAt_Id",
                table: "Positions");

            migrationBuilder.DropIndex(
                name: "IX_Positions_PartyId_Id",
                table: "Positions");

            migrationBuilder.DropIndex(
                name: "IX_Positions_PartyId_Topic_Id",
                table: "Positions");

            migrationBuilder.DropIndex(
                name: "IX_Positions_RoundId_Id",
                table: "Positions");

            migrationBuilder.DropIndex(
                name: "IX_Positions_Topic_CreatedAt_Id",
                table: "Positions");

            migrationBuilder.DropIndex(
                name: "IX_Positions_Topic_Id",
                table: "Positions");

            migrationBuilder.DropIndex(
                name: "IX_Changes_Collection_Id",
                table: "Changes");

            migrationBuilder.DropIndex(
                name: "IX_Agreements_CreatedAt_Id",
                table: "Agreements");

            migrationBuilder.DropIndex(
                name: "IX_Agreements_Status_CreatedAt_Id",
                table: "Agreements");

            migrationBuilder.DropIndex(
                name: "IX_Agreements_Status_Id",
                table: "Agreements");

            migrationBuilder.DropIndex(
                name: "IX_Agreements_Status_Title_Id",
                table: "Agreements");

            migrationBuilder.DropIndex(
                name: "IX_Agreements_Title_Id",
                table: "Agreements");

            migrationBuilder.DropIndex(
                name: "IX_Agreements_Type_CreatedAt_Id",
                table: "Agreements");

            migrationBuilder.DropIndex(
                name: "IX_Agreements_Type_Id",
                table: "Agreements");

            migrationBuilder.DropIndex(
                name: "IX_Agreements_Type_Title_Id",
                table: "Agreements");

            migrationBuilder.CreateIndex(
                name: "IX_Statements_RoundId",
                table: "Statements",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_Statements_SpeakerPartyId",
                table: "Statements",
                column: "SpeakerPartyId");

            migrationBuilder.CreateIndex(
                name: "IX_Statements_SpeakerPersonId",
                table: "Statements",
                column: "SpeakerPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Rounds_Date",
                table: "Rounds",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_Rounds_TalkId_Date",
                table: "Rounds",
                columns: new[] { "TalkId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_Positions_Kind",
                table: "Positions",
                column: "Kind");

            migrationBuilder.CreateIndex(
                name: "IX_Positions_PartyId_Topic",
                table: "Positions",
                columns: new[] { "PartyId", "Topic" });

            migrationBuilder.CreateIndex(
                name: "IX_Positions_RoundId",
                table: "Positions",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_Positions_Topic",
                table: "Positions",
                column: "Topic");

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_Status",
                table: "Agreements",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_Type",
                table: "Agreements",
                column: "Type");
        }
    }
}
