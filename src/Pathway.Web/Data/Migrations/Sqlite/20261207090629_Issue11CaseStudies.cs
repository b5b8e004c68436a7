using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pathway.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue11CaseStudies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CaseStudy",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountryIso3 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 3, nullable: false),
                    FromYear = table.Column<int>(type: "INTEGER", nullable: false),
                    ToYear = table.Column<int>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    Problem = table.Column<string>(type: "TEXT", nullable: false),
                    WhatWasDone = table.Column<string>(type: "TEXT", nullable: false),
                    Results = table.Column<string>(type: "TEXT", nullable: false),
                    Lessons = table.Column<string>(type: "TEXT", nullable: false),
                    DoneDifferently = table.Column<string>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Evidence = table.Column<int>(type: "INTEGER", nullable: true),
                    GradedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    GradedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    GradedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SourceAssessmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SourceActionItemId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AuthorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    IsDemonstration = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseStudy", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseStudy_Countries_CountryIso3",
                        column: x => x.CountryIso3,
                        principalTable: "Countries",
                        principalColumn: "Iso3",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProfileFigure",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FigureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    CountryIso3 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 3, nullable: false),
                    Indicator = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    FacilityType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    SourceLink = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RecordedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IsDemonstration = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProfileFigure", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProfileFigure_Countries_CountryIso3",
                        column: x => x.CountryIso3,
                        principalTable: "Countries",
                        principalColumn: "Iso3",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CaseStudyContact",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseStudyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseStudyContact", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseStudyContact_CaseStudy_CaseStudyId",
                        column: x => x.CaseStudyId,
                        principalTable: "CaseStudy",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseStudySource",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseStudyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Citation = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseStudySource", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseStudySource_CaseStudy_CaseStudyId",
                        column: x => x.CaseStudyId,
                        principalTable: "CaseStudy",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseStudyTag",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseStudyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Facet = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseStudyTag", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseStudyTag_CaseStudy_CaseStudyId",
                        column: x => x.CaseStudyId,
                        principalTable: "CaseStudy",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseStudy_CountryIso3",
                table: "CaseStudy",
                column: "CountryIso3");

            migrationBuilder.CreateIndex(
                name: "IX_CaseStudy_SourceActionItemId",
                table: "CaseStudy",
                column: "SourceActionItemId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseStudy_State_Evidence",
                table: "CaseStudy",
                columns: new[] { "State", "Evidence" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseStudyContact_CaseStudyId",
                table: "CaseStudyContact",
                column: "CaseStudyId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseStudySource_CaseStudyId",
                table: "CaseStudySource",
                column: "CaseStudyId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseStudyTag_CaseStudyId",
                table: "CaseStudyTag",
                column: "CaseStudyId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseStudyTag_Facet_Value",
                table: "CaseStudyTag",
                columns: new[] { "Facet", "Value" });

            migrationBuilder.CreateIndex(
                name: "IX_ProfileFigure_CountryIso3_Indicator",
                table: "ProfileFigure",
                columns: new[] { "CountryIso3", "Indicator" });

            migrationBuilder.CreateIndex(
                name: "IX_ProfileFigure_FigureId_Revision",
                table: "ProfileFigure",
                columns: new[] { "FigureId", "Revision" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseStudyContact");

            migrationBuilder.DropTable(
                name: "CaseStudySource");

            migrationBuilder.DropTable(
                name: "CaseStudyTag");

            migrationBuilder.DropTable(
                name: "ProfileFigure");

            migrationBuilder.DropTable(
                name: "CaseStudy");
        }
    }
}
