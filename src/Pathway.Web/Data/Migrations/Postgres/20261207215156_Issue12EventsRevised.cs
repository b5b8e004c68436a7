using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pathway.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Issue12EventsRevised : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Events_IsAnnounced_StartsAt",
                table: "Events");

            migrationBuilder.AlterColumn<string>(
                name: "Organisers",
                table: "EventSeries",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(500)",
                oldMaxLength: 500,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Venue",
                table: "Events",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(300)",
                oldMaxLength: 300,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Organisers",
                table: "Events",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(500)",
                oldMaxLength: 500,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "CoHosts",
                table: "Events",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(500)",
                oldMaxLength: 500,
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Events_Announced_StartsAt",
                table: "Events",
                columns: new[] { "StartsAt", "Id", "EndsAt" },
                filter: "\"IsAnnounced\"");

            migrationBuilder.CreateIndex(
                name: "IX_Events_IsAnnounced_EndsAt_Type_SeriesId",
                table: "Events",
                columns: new[] { "IsAnnounced", "EndsAt", "Type", "SeriesId" });

            // Organisers, co-hosts and venues become a text per language: what was written is kept as the English text.
            migrationBuilder.Sql("""UPDATE "Events" SET "Organisers" = json_build_object('en', "Organisers")::text WHERE "Organisers" IS NOT NULL AND left(ltrim("Organisers"), 1) <> '{';""");
            migrationBuilder.Sql("""UPDATE "Events" SET "CoHosts" = json_build_object('en', "CoHosts")::text WHERE "CoHosts" IS NOT NULL AND left(ltrim("CoHosts"), 1) <> '{';""");
            migrationBuilder.Sql("""UPDATE "Events" SET "Venue" = json_build_object('en', "Venue")::text WHERE "Venue" IS NOT NULL AND left(ltrim("Venue"), 1) <> '{';""");
            migrationBuilder.Sql("""UPDATE "EventSeries" SET "Organisers" = json_build_object('en', "Organisers")::text WHERE "Organisers" IS NOT NULL AND left(ltrim("Organisers"), 1) <> '{';""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""UPDATE "Events" SET "Organisers" = left("Organisers"::json->>'en', 500) WHERE "Organisers" IS NOT NULL AND left(ltrim("Organisers"), 1) = '{';""");
            migrationBuilder.Sql("""UPDATE "Events" SET "CoHosts" = left("CoHosts"::json->>'en', 500) WHERE "CoHosts" IS NOT NULL AND left(ltrim("CoHosts"), 1) = '{';""");
            migrationBuilder.Sql("""UPDATE "Events" SET "Venue" = left("Venue"::json->>'en', 300) WHERE "Venue" IS NOT NULL AND left(ltrim("Venue"), 1) = '{';""");
            migrationBuilder.Sql("""UPDATE "EventSeries" SET "Organisers" = left("Organisers"::json->>'en', 500) WHERE "Organisers" IS NOT NULL AND left(ltrim("Organisers"), 1) = '{';""");

            migrationBuilder.DropIndex(
                name: "IX_Events_Announced_StartsAt",
                table: "Events");

            migrationBuilder.DropIndex(
                name: "IX_Events_IsAnnounced_EndsAt_Type_SeriesId",
                table: "Events");

            migrationBuilder.AlterColumn<string>(
                name: "Organisers",
                table: "EventSeries",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Venue",
                table: "Events",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Organisers",
                table: "Events",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "CoHosts",
                table: "Events",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Events_IsAnnounced_StartsAt",
                table: "Events",
                columns: new[] { "IsAnnounced", "StartsAt" });
        }
    }
}
