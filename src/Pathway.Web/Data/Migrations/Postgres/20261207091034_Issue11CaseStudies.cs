using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Pathway.Web.Data.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CountryIso3 = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    FromYear = table.Column<int>(type: "integer", nullable: false),
                    ToYear = table.Column<int>(type: "integer", nullable: true),
                    Title = table.Column<string>(type: "text", nullable: false),
                    Problem = table.Column<string>(type: "text", nullable: false),
                    WhatWasDone = table.Column<string>(type: "text", nullable: false),
                    Results = table.Column<string>(type: "text", nullable: false),
                    Lessons = table.Column<string>(type: "text", nullable: false),
                    DoneDifferently = table.Column<string>(type: "text", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Evidence = table.Column<int>(type: "integer", nullable: true),
                    GradedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    GradedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    GradedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: true),
                    SourceAssessmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    SourceActionItemId = table.Column<Guid>(type: "uuid", nullable: true),
                    AuthorId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    AuthorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    IsDemonstration = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FigureId = table.Column<Guid>(type: "uuid", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    CountryIso3 = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    Indicator = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    FacilityType = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Value = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    Unit = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    SourceLink = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RecordedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    RecordedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    IsDemonstration = table.Column<bool>(type: "boolean", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseStudyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Organisation = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseStudyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Link = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Citation = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseStudyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Facet = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Value = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
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
