using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pathway.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue12LocalizedPlaces : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }
    }
}
