using Gongkai.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Gongkai.Data.Migrations;

/// <summary>Annual reports: format, scope, narrative, published snapshot; recorded inputs (append-only rows).</summary>
[DbContext(typeof(GongkaiDb))]
[Migration("20261123000601_AnnualReports")]
public sealed class AnnualReports : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable(
            name: "annual_reports",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                AgencyId = t.Column<Guid>(nullable: false),
                Year = t.Column<int>(nullable: false),
                Format = t.Column<string>(maxLength: 10, nullable: false),
                Scope = t.Column<string>(maxLength: 10, nullable: false),
                State = t.Column<string>(maxLength: 12, nullable: false),
                Overview = t.Column<string>(maxLength: 20000, nullable: true),
                Problems = t.Column<string>(maxLength: 20000, nullable: true),
                Other = t.Column<string>(maxLength: 20000, nullable: true),
                NarrativeEditedBy = t.Column<string>(maxLength: 64, nullable: true),
                NarrativeEditedAt = t.Column<DateTimeOffset>(nullable: true),
                PublishedAt = t.Column<DateTimeOffset>(nullable: true),
                PublishedBy = t.Column<string>(maxLength: 64, nullable: true),
                PublishedCells = t.Column<string>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_annual_reports", x => x.Id);
                t.ForeignKey("FK_annual_reports_agencies_AgencyId", x => x.AgencyId, "agencies", "Id", onDelete: ReferentialAction.Restrict);
            });
        m.CreateIndex("IX_annual_reports_AgencyId_Year", "annual_reports", ["AgencyId", "Year"], unique: true);

        m.CreateTable(
            name: "annual_report_inputs",
            columns: t => new
            {
                ReportId = t.Column<Guid>(nullable: false),
                Seq = t.Column<int>(nullable: false),
                Key = t.Column<string>(maxLength: 100, nullable: false),
                Value = t.Column<decimal>(precision: 18, scale: 4, nullable: true),
                RecordedBy = t.Column<string>(maxLength: 64, nullable: false),
                RecordedAt = t.Column<DateTimeOffset>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_annual_report_inputs", x => new { x.ReportId, x.Seq });
                t.ForeignKey("FK_annual_report_inputs_annual_reports_ReportId", x => x.ReportId, "annual_reports", "Id", onDelete: ReferentialAction.Cascade);
            });
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("annual_report_inputs");
        m.DropTable("annual_reports");
    }
}
