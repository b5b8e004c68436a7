using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pathway.Web.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ExchangeRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromCountryIso3 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 3, nullable: false),
                    ToCountryIso3 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 3, nullable: false),
                    MechanismCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RequesterId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RequesterName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Reply = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AnsweredById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AnsweredByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AskerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AskerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    BehaviourCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    MechanismCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    CountryIso3 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 3, nullable: true),
                    AskedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ExpertId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ExpertName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RoutedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    AnsweredById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AnsweredByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FaqQuestion = table.Column<string>(type: "TEXT", nullable: true),
                    FaqAnswer = table.Column<string>(type: "TEXT", nullable: true),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    IsDemonstration = table.Column<bool>(type: "INTEGER", nullable: false)
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
