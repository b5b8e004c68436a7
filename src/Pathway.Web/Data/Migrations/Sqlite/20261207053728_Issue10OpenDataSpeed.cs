using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pathway.Web.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            // Rows written before the column existed take the title their release signed off.
            migrationBuilder.Sql("""
                UPDATE "PublishedResults" SET "RoundTitle" = COALESCE((SELECT substr(json_extract("Snapshot", '$.title'), 1, 200) FROM "PublishedReleases" WHERE "PublishedReleases"."Id" = "PublishedResults"."ReleaseId"), '');
                """);

            migrationBuilder.CreateIndex(
                name: "IX_PublishedResults_IsLatest_CountryIso3_Year_AssessmentId_Revision_MechanismCode",
                table: "PublishedResults",
                columns: new[] { "IsLatest", "CountryIso3", "Year", "AssessmentId", "Revision", "MechanismCode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PublishedResults_IsLatest_CountryIso3_Year_AssessmentId_Revision_MechanismCode",
                table: "PublishedResults");

            migrationBuilder.DropColumn(
                name: "RoundTitle",
                table: "PublishedResults");
        }
    }
}
