using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Talks.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TopicVocabulary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TopicIds",
                table: "Agreements",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.CreateTable(
                name: "Topics",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ParentId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PaxCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Aliases = table.Column<string>(type: "TEXT", nullable: false),
                    RetiredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReplacedById = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Topics", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Topics_Topics_ParentId",
                        column: x => x.ParentId,
                        principalTable: "Topics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Topics_Topics_ReplacedById",
                        column: x => x.ReplacedById,
                        principalTable: "Topics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Topics_CreatedAt_Id",
                table: "Topics",
                columns: new[] { "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Topics_Label_Id",
                table: "Topics",
                columns: new[] { "Label", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Topics_ParentId_Id",
                table: "Topics",
                columns: new[] { "ParentId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Topics_ReplacedById",
                table: "Topics",
                column: "ReplacedById");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Topics");

            // Agreements carries search triggers, which EF's table rebuild for a dropped column would lose.
            migrationBuilder.Sql("ALTER TABLE \"Agreements\" DROP COLUMN \"TopicIds\";");
        }
    }
}
