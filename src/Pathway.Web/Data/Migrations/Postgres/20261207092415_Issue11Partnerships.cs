using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pathway.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Issue11Partnerships : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Partnership",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CountryIso3 = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    IsPublic = table.Column<bool>(type: "boolean", nullable: false),
                    Title = table.Column<string>(type: "text", nullable: false),
                    Description = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    Type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    HealthArea = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Setting = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: true),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Value = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    Currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: true),
                    Stage = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    IsDemonstration = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Partnership", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Partnership_Countries_CountryIso3",
                        column: x => x.CountryIso3,
                        principalTable: "Countries",
                        principalColumn: "Iso3",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DueDiligenceCheck",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    CheckedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CheckedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Scope = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Finding = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DueDiligenceCheck", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DueDiligenceCheck_Partnership_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnership",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PartnershipParty",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    Role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnershipParty", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartnershipParty_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PartnershipParty_Partnership_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnership",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PartnershipRisk",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Likelihood = table.Column<int>(type: "integer", nullable: false),
                    Impact = table.Column<int>(type: "integer", nullable: false),
                    Mitigation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ReviewOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnershipRisk", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartnershipRisk_Partnership_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnership",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PartnershipStageChange",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    From = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    To = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnershipStageChange", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartnershipStageChange_Partnership_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnership",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PartnershipTag",
                columns: table => new
                {
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Facet = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Value = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnershipTag", x => new { x.OwnerId, x.Facet, x.Value });
                    table.ForeignKey(
                        name: "FK_PartnershipTag_Partnership_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "Partnership",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DueDiligenceCheck_PartnershipId",
                table: "DueDiligenceCheck",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_Partnership_CountryIso3_Stage",
                table: "Partnership",
                columns: new[] { "CountryIso3", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipParty_OrganisationId_PartnershipId_Role",
                table: "PartnershipParty",
                columns: new[] { "OrganisationId", "PartnershipId", "Role" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipParty_PartnershipId",
                table: "PartnershipParty",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipRisk_PartnershipId",
                table: "PartnershipRisk",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipStageChange_PartnershipId",
                table: "PartnershipStageChange",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipTag_Facet_Value",
                table: "PartnershipTag",
                columns: new[] { "Facet", "Value" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DueDiligenceCheck");

            migrationBuilder.DropTable(
                name: "PartnershipParty");

            migrationBuilder.DropTable(
                name: "PartnershipRisk");

            migrationBuilder.DropTable(
                name: "PartnershipStageChange");

            migrationBuilder.DropTable(
                name: "PartnershipTag");

            migrationBuilder.DropTable(
                name: "Partnership");
        }
    }
}
