using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pathway.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Issue11PeersHelpdesk : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Link",
                table: "Notices",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ExchangeRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FromCountryIso3 = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    ToCountryIso3 = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    MechanismCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Message = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RequesterId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    RequesterName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Reply = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AnsweredById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    AnsweredByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExchangeRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExchangeRequests_AspNetUsers_RequesterId",
                        column: x => x.RequesterId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ExchangeRequests_Countries_FromCountryIso3",
                        column: x => x.FromCountryIso3,
                        principalTable: "Countries",
                        principalColumn: "Iso3",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExchangeRequests_Countries_ToCountryIso3",
                        column: x => x.ToCountryIso3,
                        principalTable: "Countries",
                        principalColumn: "Iso3",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "HelpdeskQuestions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AskerId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    AskerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Question = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    BehaviourCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    MechanismCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    CountryIso3 = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: true),
                    AskedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ExpertId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ExpertName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RoutedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Answer = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    AnsweredById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    AnsweredByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FaqQuestion = table.Column<string>(type: "text", nullable: true),
                    FaqAnswer = table.Column<string>(type: "text", nullable: true),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    IsDemonstration = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HelpdeskQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HelpdeskQuestions_AspNetUsers_AskerId",
                        column: x => x.AskerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_HelpdeskQuestions_AspNetUsers_ExpertId",
                        column: x => x.ExpertId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_HelpdeskQuestions_Countries_CountryIso3",
                        column: x => x.CountryIso3,
                        principalTable: "Countries",
                        principalColumn: "Iso3",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ExchangeRequests_FromCountryIso3",
                table: "ExchangeRequests",
                column: "FromCountryIso3");

            migrationBuilder.CreateIndex(
                name: "IX_ExchangeRequests_Pending",
                table: "ExchangeRequests",
                columns: new[] { "FromCountryIso3", "ToCountryIso3", "MechanismCode" },
                unique: true,
                filter: "\"Status\" = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "IX_ExchangeRequests_RequesterId",
                table: "ExchangeRequests",
                column: "RequesterId");

            migrationBuilder.CreateIndex(
                name: "IX_ExchangeRequests_ToCountryIso3_Status",
                table: "ExchangeRequests",
                columns: new[] { "ToCountryIso3", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_HelpdeskQuestions_AskerId_AskedAt",
                table: "HelpdeskQuestions",
                columns: new[] { "AskerId", "AskedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_HelpdeskQuestions_CountryIso3",
                table: "HelpdeskQuestions",
                column: "CountryIso3");

            migrationBuilder.CreateIndex(
                name: "IX_HelpdeskQuestions_ExpertId",
                table: "HelpdeskQuestions",
                column: "ExpertId");

            migrationBuilder.CreateIndex(
                name: "IX_HelpdeskQuestions_Status_AskedAt",
                table: "HelpdeskQuestions",
                columns: new[] { "Status", "AskedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_HelpdeskQuestions_Status_BehaviourCode",
                table: "HelpdeskQuestions",
                columns: new[] { "Status", "BehaviourCode" });

            migrationBuilder.CreateIndex(
                name: "IX_HelpdeskQuestions_Status_MechanismCode",
                table: "HelpdeskQuestions",
                columns: new[] { "Status", "MechanismCode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExchangeRequests");

            migrationBuilder.DropTable(
                name: "HelpdeskQuestions");

            migrationBuilder.DropColumn(
                name: "Link",
                table: "Notices");
        }
    }
}
