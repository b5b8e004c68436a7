using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pathway.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue9EvidenceLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EvidenceLinks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EvidenceItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountryIso3 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 3, nullable: false),
                    MechanismCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvidenceLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvidenceLinks_Countries_CountryIso3",
                        column: x => x.CountryIso3,
                        principalTable: "Countries",
                        principalColumn: "Iso3",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EvidenceLinks_Evidence_EvidenceItemId",
                        column: x => x.EvidenceItemId,
                        principalTable: "Evidence",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Every existing item keeps its mechanism: one link each, the link taking the item's id
            // (unique, as each item has exactly one mechanism before this migration; portable to both databases).
            migrationBuilder.Sql(
                """
                INSERT INTO "EvidenceLinks" ("Id", "EvidenceItemId", "AssessmentId", "CountryIso3", "MechanismCode")
                SELECT "Id", "Id", "AssessmentId", "CountryIso3", "MechanismCode" FROM "Evidence";
                """);

            migrationBuilder.DropIndex(
                name: "IX_Evidence_AssessmentId_MechanismCode",
                table: "Evidence");

            // SQLite's own DROP COLUMN (3.35+), not EF's table rebuild: the rebuild turns foreign keys off
            // outside the transaction (a "partially applied" warning at every first start) and, with them
            // on, dropping the old table would cascade to the links just written.
            migrationBuilder.Sql("""ALTER TABLE "Evidence" DROP COLUMN "MechanismCode";""");

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_AssessmentId",
                table: "Evidence",
                column: "AssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceLinks_AssessmentId_MechanismCode",
                table: "EvidenceLinks",
                columns: new[] { "AssessmentId", "MechanismCode" });

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceLinks_CountryIso3",
                table: "EvidenceLinks",
                column: "CountryIso3");

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceLinks_EvidenceItemId_MechanismCode",
                table: "EvidenceLinks",
                columns: new[] { "EvidenceItemId", "MechanismCode" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Evidence_AssessmentId",
                table: "Evidence");

            migrationBuilder.AddColumn<string>(
                name: "MechanismCode",
                table: "Evidence",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_AssessmentId_MechanismCode",
                table: "Evidence",
                columns: new[] { "AssessmentId", "MechanismCode" });

            // Back to one mechanism per item: each keeps the first of its mechanisms by code; the others are lost.
            migrationBuilder.Sql(
                """
                UPDATE "Evidence" SET "MechanismCode" = COALESCE(
                    (SELECT MIN(l."MechanismCode") FROM "EvidenceLinks" l WHERE l."EvidenceItemId" = "Evidence"."Id"), '');
                """);

            migrationBuilder.DropTable(
                name: "EvidenceLinks");
        }
    }
}
