using Microsoft.EntityFrameworkCore.Migrations;
using Pathway.Web.Data;

#nullable disable

namespace Pathway.Web.Data.Migrations.Sqlite
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
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql(SearchSchema.SqliteUp);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SearchSchema.SqliteDown);

            migrationBuilder.DropColumn(
                name: "TitleText",
                table: "SearchEntries");
        }
    }
}
