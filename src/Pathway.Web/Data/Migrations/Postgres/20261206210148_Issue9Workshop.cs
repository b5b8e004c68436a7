using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pathway.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Issue9Workshop : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AgreedInMeetingAt",
                table: "Assessments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AgreedInMeetingById",
                table: "Assessments",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AgreedInMeetingByName",
                table: "Assessments",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AgreedInMeetingNote",
                table: "Assessments",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ArchivedAt",
                table: "Assessments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ArchivedById",
                table: "Assessments",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ArchivedByName",
                table: "Assessments",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AgreedInMeetingAt",
                table: "Assessments");

            migrationBuilder.DropColumn(
                name: "AgreedInMeetingById",
                table: "Assessments");

            migrationBuilder.DropColumn(
                name: "AgreedInMeetingByName",
                table: "Assessments");

            migrationBuilder.DropColumn(
                name: "AgreedInMeetingNote",
                table: "Assessments");

            migrationBuilder.DropColumn(
                name: "ArchivedAt",
                table: "Assessments");

            migrationBuilder.DropColumn(
                name: "ArchivedById",
                table: "Assessments");

            migrationBuilder.DropColumn(
                name: "ArchivedByName",
                table: "Assessments");
        }
    }
}
