using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pathway.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue10PublishedResults : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsDemonstration",
                table: "Assessments",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "PublishedResults",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReleaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    IsLatest = table.Column<bool>(type: "INTEGER", nullable: false),
                    CountryIso3 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 3, nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    FrameworkVersion = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    BehaviourCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    MechanismCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Level = table.Column<int>(type: "INTEGER", nullable: true),
                    BehaviourMean = table.Column<decimal>(type: "TEXT", precision: 4, scale: 2, nullable: true),
                    BehaviourBand = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    BehaviourRated = table.Column<int>(type: "INTEGER", nullable: true),
                    BehaviourMechanisms = table.Column<int>(type: "INTEGER", nullable: true),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IsDemonstration = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublishedResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PublishedResults_PublishedReleases_ReleaseId",
                        column: x => x.ReleaseId,
                        principalTable: "PublishedReleases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PublishedResults_AssessmentId",
                table: "PublishedResults",
                column: "AssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_PublishedResults_IsLatest_MechanismCode",
                table: "PublishedResults",
                columns: new[] { "IsLatest", "MechanismCode" });

            migrationBuilder.CreateIndex(
                name: "IX_PublishedResults_IsLatest_RegionCode_CountryIso3",
                table: "PublishedResults",
                columns: new[] { "IsLatest", "RegionCode", "CountryIso3" });

            migrationBuilder.CreateIndex(
                name: "IX_PublishedResults_IsLatest_Year",
                table: "PublishedResults",
                columns: new[] { "IsLatest", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_PublishedResults_ReleaseId_MechanismCode",
                table: "PublishedResults",
                columns: new[] { "ReleaseId", "MechanismCode" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PublishedResults");

            migrationBuilder.DropColumn(
                name: "IsDemonstration",
                table: "Assessments");
        }
    }
}
