using Gongkai.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Gongkai.Data.Migrations;

/// <summary>
/// The annual report's grouped count (issue 6) reads requests of an agency in the order it groups
/// them (applicant kind, result leaf, then dates), so SQLite's sort for the GROUP BY gets its rows
/// nearly in order; see ReportRecordQueries.TallyAsync.
/// </summary>
[DbContext(typeof(GongkaiDb))]
[Migration("20261203510001_ReportGroupIndex")]
public sealed class ReportGroupIndex : Migration
{
    protected override void Up(MigrationBuilder m) =>
        m.CreateIndex("IX_disclosure_requests_report_group", "disclosure_requests",
            ["AgencyId", "ApplicantKind", "ResultLeaf", "ReceivedOn", "DecidedOn"]);

    protected override void Down(MigrationBuilder m) => m.DropIndex("IX_disclosure_requests_report_group", "disclosure_requests");
}
