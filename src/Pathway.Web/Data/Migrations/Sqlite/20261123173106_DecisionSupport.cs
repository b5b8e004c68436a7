using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pathway.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DecisionSupport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Rows imported before crosswalks existed declare none: an empty JSON list, not an empty string.
            migrationBuilder.AddColumn<string>(
                name: "Crosswalk",
                table: "FrameworkVersions",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "CrosswalkFrom",
                table: "FrameworkVersions",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ActionPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountryIso3 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 3, nullable: false),
                    Horizon = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    GapWeight = table.Column<int>(type: "INTEGER", nullable: false),
                    ImpactWeight = table.Column<int>(type: "INTEGER", nullable: false),
                    FeasibilityWeight = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    EndorsedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    EndorsedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    EndorsedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndorsementNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CarriedFromAssessmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActionPlans_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ActionPlans_Countries_CountryIso3",
                        column: x => x.CountryIso3,
                        principalTable: "Countries",
                        principalColumn: "Iso3",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MechanismTargets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountryIso3 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 3, nullable: false),
                    MechanismCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TargetLevel = table.Column<int>(type: "INTEGER", nullable: true),
                    HorizonMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    Impact = table.Column<int>(type: "INTEGER", nullable: false),
                    Feasibility = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MechanismTargets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MechanismTargets_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MechanismTargets_Countries_CountryIso3",
                        column: x => x.CountryIso3,
                        principalTable: "Countries",
                        principalColumn: "Iso3",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RecommendationCatalogues",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Version = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FrameworkVersion = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", nullable: true),
                    Illustrative = table.Column<bool>(type: "INTEGER", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ImportedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecommendationCatalogues", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RoundContexts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountryIso3 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 3, nullable: false),
                    IsFragile = table.Column<bool>(type: "INTEGER", nullable: false),
                    IncomeGroup = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    PrivateSharePercent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: true),
                    PrivateShareSource = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    PrivateShareYear = table.Column<int>(type: "INTEGER", nullable: true),
                    Governance = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FlagshipAreas = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoundContexts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoundContexts_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RoundContexts_Countries_CountryIso3",
                        column: x => x.CountryIso3,
                        principalTable: "Countries",
                        principalColumn: "Iso3",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ActionItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActionPlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountryIso3 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 3, nullable: false),
                    MechanismCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RecommendationCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    What = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ResponsibleOrganisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ResponsiblePerson = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Start = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Due = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Resources = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Budget = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    FromLevel = table.Column<int>(type: "INTEGER", nullable: true),
                    ToLevel = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CarriedFromItemId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActionItems_ActionPlans_ActionPlanId",
                        column: x => x.ActionPlanId,
                        principalTable: "ActionPlans",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_ActionItems_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ActionItems_Countries_CountryIso3",
                        column: x => x.CountryIso3,
                        principalTable: "Countries",
                        principalColumn: "Iso3",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Recommendations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CatalogueId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    MechanismCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    FromLevel = table.Column<int>(type: "INTEGER", nullable: true),
                    DisplayOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Effort = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    HorizonMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    Capacities = table.Column<string>(type: "TEXT", nullable: false),
                    Contexts = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Recommendations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Recommendations_RecommendationCatalogues_CatalogueId",
                        column: x => x.CatalogueId,
                        principalTable: "RecommendationCatalogues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgressNotes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActionItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountryIso3 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 3, nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AuthorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgressNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgressNotes_ActionItems_ActionItemId",
                        column: x => x.ActionItemId,
                        principalTable: "ActionItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProgressNotes_Countries_CountryIso3",
                        column: x => x.CountryIso3,
                        principalTable: "Countries",
                        principalColumn: "Iso3",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_AssessmentId_Entity_At",
                table: "AuditEntries",
                columns: new[] { "AssessmentId", "Entity", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_ActionItems_ActionPlanId",
                table: "ActionItems",
                column: "ActionPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_ActionItems_AssessmentId_MechanismCode",
                table: "ActionItems",
                columns: new[] { "AssessmentId", "MechanismCode" });

            migrationBuilder.CreateIndex(
                name: "IX_ActionItems_CarriedFromItemId",
                table: "ActionItems",
                column: "CarriedFromItemId");

            migrationBuilder.CreateIndex(
                name: "IX_ActionItems_CountryIso3",
                table: "ActionItems",
                column: "CountryIso3");

            migrationBuilder.CreateIndex(
                name: "IX_ActionPlans_AssessmentId",
                table: "ActionPlans",
                column: "AssessmentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ActionPlans_CountryIso3",
                table: "ActionPlans",
                column: "CountryIso3");

            migrationBuilder.CreateIndex(
                name: "IX_MechanismTargets_AssessmentId_MechanismCode",
                table: "MechanismTargets",
                columns: new[] { "AssessmentId", "MechanismCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MechanismTargets_CountryIso3",
                table: "MechanismTargets",
                column: "CountryIso3");

            migrationBuilder.CreateIndex(
                name: "IX_ProgressNotes_ActionItemId",
                table: "ProgressNotes",
                column: "ActionItemId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgressNotes_CountryIso3",
                table: "ProgressNotes",
                column: "CountryIso3");

            migrationBuilder.CreateIndex(
                name: "IX_RecommendationCatalogues_Version",
                table: "RecommendationCatalogues",
                column: "Version",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_CatalogueId_Code",
                table: "Recommendations",
                columns: new[] { "CatalogueId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_CatalogueId_MechanismCode_FromLevel",
                table: "Recommendations",
                columns: new[] { "CatalogueId", "MechanismCode", "FromLevel" });

            migrationBuilder.CreateIndex(
                name: "IX_RoundContexts_AssessmentId",
                table: "RoundContexts",
                column: "AssessmentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RoundContexts_CountryIso3",
                table: "RoundContexts",
                column: "CountryIso3");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MechanismTargets");

            migrationBuilder.DropTable(
                name: "ProgressNotes");

            migrationBuilder.DropTable(
                name: "Recommendations");

            migrationBuilder.DropTable(
                name: "RoundContexts");

            migrationBuilder.DropTable(
                name: "ActionItems");

            migrationBuilder.DropTable(
                name: "RecommendationCatalogues");

            migrationBuilder.DropTable(
                name: "ActionPlans");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_AssessmentId_Entity_At",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "Crosswalk",
                table: "FrameworkVersions");

            migrationBuilder.DropColumn(
                name: "CrosswalkFrom",
                table: "FrameworkVersions");
        }
    }
}
