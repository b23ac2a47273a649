using Gongkai.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Gongkai.Data.Migrations;

/// <summary>Holiday-calendar years added or corrected by platform admins (Calendar feature).</summary>
[DbContext(typeof(GongkaiDb))]
[Migration("20261123300001_CalendarYearOverrides")]
public sealed class CalendarYearOverrides : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable(
            name: "calendar_year_overrides",
            columns: t => new
            {
                Year = t.Column<int>(nullable: false),
                ArrangementJson = t.Column<string>(nullable: false),
                Reason = t.Column<string>(maxLength: 200, nullable: false),
                UpdatedAt = t.Column<DateTimeOffset>(nullable: false),
                UpdatedBy = t.Column<string>(maxLength: 64, nullable: false),
                Version = t.Column<long>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_calendar_year_overrides", x => x.Year));
    }

    protected override void Down(MigrationBuilder m) => m.DropTable("calendar_year_overrides");
}
