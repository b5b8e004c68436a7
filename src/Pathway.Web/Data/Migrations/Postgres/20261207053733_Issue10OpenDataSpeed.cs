using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pathway.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Issue10OpenDataSpeed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RoundTitle",
                table: "PublishedResults",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            // Rows written before the column existed take the title their release signed off.
            migrationBuilder.Sql("""
                UPDATE "PublishedResults" AS result SET "RoundTitle" = COALESCE(LEFT(release."Snapshot"::jsonb ->> 'title', 200), '') FROM "PublishedReleases" AS release WHERE release."Id" = result."ReleaseId";
                """);

            migrationBuilder.CreateIndex(
                name: "IX_PublishedResults_IsLatest_CountryIso3_Year_AssessmentId_Rev~",
                table: "PublishedResults",
                columns: new[] { "IsLatest", "CountryIso3", "Year", "AssessmentId", "Revision", "MechanismCode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PublishedResults_IsLatest_CountryIso3_Year_AssessmentId_Rev~",
                table: "PublishedResults");

            migrationBuilder.DropColumn(
                name: "RoundTitle",
                table: "PublishedResults");
        }
    }
}
