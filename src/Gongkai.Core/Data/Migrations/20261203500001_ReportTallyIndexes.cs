using Gongkai.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Gongkai.Data.Migrations;

/// <summary>
/// Indexes for the annual report's grouped counts (issue 6): requests of an agency by receipt date
/// (covering every column table 三 groups by), and by decision date for those received earlier.
/// </summary>
[DbContext(typeof(GongkaiDb))]
[Migration("20261203500001_ReportTallyIndexes")]
public sealed class ReportTallyIndexes : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateIndex("IX_disclosure_requests_report_tally", "disclosure_requests",
            ["AgencyId", "ReceivedOn", "DecidedOn", "ApplicantKind", "ResultLeaf"]);
        m.CreateIndex("IX_disclosure_requests_report_carried", "disclosure_requests", ["AgencyId", "DecidedOn", "ReceivedOn"]);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropIndex("IX_disclosure_requests_report_carried", "disclosure_requests");
        m.DropIndex("IX_disclosure_requests_report_tally", "disclosure_requests");
    }
}
