using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pathway.Web.Data.Migrations.Sqlite
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
            migrationBuilder.Sql("""UPDATE "Events" SET "Organisers" = json_object('en', "Organisers") WHERE "Organisers" IS NOT NULL AND substr(ltrim("Organisers"), 1, 1) <> '{';""");
            migrationBuilder.Sql("""UPDATE "Events" SET "CoHosts" = json_object('en', "CoHosts") WHERE "CoHosts" IS NOT NULL AND substr(ltrim("CoHosts"), 1, 1) <> '{';""");
            migrationBuilder.Sql("""UPDATE "Events" SET "Venue" = json_object('en', "Venue") WHERE "Venue" IS NOT NULL AND substr(ltrim("Venue"), 1, 1) <> '{';""");
            migrationBuilder.Sql("""UPDATE "EventSeries" SET "Organisers" = json_object('en', "Organisers") WHERE "Organisers" IS NOT NULL AND substr(ltrim("Organisers"), 1, 1) <> '{';""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""UPDATE "Events" SET "Organisers" = json_extract("Organisers", '$.en') WHERE "Organisers" IS NOT NULL AND substr(ltrim("Organisers"), 1, 1) = '{';""");
            migrationBuilder.Sql("""UPDATE "Events" SET "CoHosts" = json_extract("CoHosts", '$.en') WHERE "CoHosts" IS NOT NULL AND substr(ltrim("CoHosts"), 1, 1) = '{';""");
            migrationBuilder.Sql("""UPDATE "Events" SET "Venue" = json_extract("Venue", '$.en') WHERE "Venue" IS NOT NULL AND substr(ltrim("Venue"), 1, 1) = '{';""");
            migrationBuilder.Sql("""UPDATE "EventSeries" SET "Organisers" = json_extract("Organisers", '$.en') WHERE "Organisers" IS NOT NULL AND substr(ltrim("Organisers"), 1, 1) = '{';""");

            migrationBuilder.DropIndex(
                name: "IX_Events_Announced_StartsAt",
                table: "Events");

            migrationBuilder.DropIndex(
                name: "IX_Events_IsAnnounced_EndsAt_Type_SeriesId",
                table: "Events");

            migrationBuilder.CreateIndex(
                name: "IX_Events_IsAnnounced_StartsAt",
                table: "Events",
                columns: new[] { "IsAnnounced", "StartsAt" });
        }
    }
}
