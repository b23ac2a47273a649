using Gongkai.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Gongkai.Data.Migrations;

/// <summary>
/// The clock-moving lines of each request's log, kept on the request so the inbox reads one row per
/// open request instead of its log (Requests.ClockInputs). Rows stored before are left null; the
/// inbox reads their log instead, and the next step on such a request fills the column.
/// </summary>
[DbContext(typeof(GongkaiDb))]
[Migration("20261203600001_RequestClockInputs")]
public sealed class RequestClockInputs : Migration
{
    protected override void Up(MigrationBuilder m) =>
        m.AddColumn<string>(name: "ClockInputs", table: "disclosure_requests", maxLength: 4000, nullable: true);

    protected override void Down(MigrationBuilder m) => m.DropColumn(name: "ClockInputs", table: "disclosure_requests");
}
