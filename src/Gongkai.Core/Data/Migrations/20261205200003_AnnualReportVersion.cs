using Gongkai.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Gongkai.Data.Migrations;

/// <summary>A version on each annual report, so two staff writes from the same state cannot both be applied.</summary>
[DbContext(typeof(GongkaiDb))]
[Migration("20261205200003_AnnualReportVersion")]
public sealed class AnnualReportVersion : Migration
{
    protected override void Up(MigrationBuilder m) =>
        m.AddColumn<long>(name: "Version", table: "annual_reports", nullable: false, defaultValue: 0L);

    protected override void Down(MigrationBuilder m) => m.DropColumn(name: "Version", table: "annual_reports");
}
