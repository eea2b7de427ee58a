using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Talks.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ObligationDeadlines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "Completes",
                table: "AgreementEvents",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
                name: "Completes",
                table: "AgreementEvents");
        }
    }
}
