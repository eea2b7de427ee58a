using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Talks.Migrations.Postgres.Migrations
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

            migrationBuilder.AddColumn<List<int>>(
                name: "Completes",
                table: "AgreementEvents",
                type: "integer[]",
                nullable: false,
                defaultValue: Array.Empty<int>());
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
