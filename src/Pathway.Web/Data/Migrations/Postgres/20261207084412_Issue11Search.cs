using Microsoft.EntityFrameworkCore.Migrations;
using Pathway.Web.Data;

#nullable disable

namespace Pathway.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Issue11Search : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TitleText",
                table: "SearchEntries",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql(SearchSchema.PostgresUp);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SearchSchema.PostgresDown);

            migrationBuilder.DropColumn(
                name: "TitleText",
                table: "SearchEntries");
        }
    }
}
