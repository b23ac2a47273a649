using Gongkai.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Gongkai.Data.Migrations;

/// <summary>
/// The inbox's status lists are ordered by (received on, id) and paged on this index alone: a deep page
/// (page 500 of 90,000 closed requests) skips index entries, not rows, and then reads its 50 rows by key.
/// Replaces the (agency, status, received on) index, of which it is an extension.
/// </summary>
[DbContext(typeof(GongkaiDb))]
[Migration("20261203610001_StatusListIndex")]
public sealed class StatusListIndex : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.DropIndex("IX_disclosure_requests_AgencyId_Status_ReceivedOn", "disclosure_requests");
        m.CreateIndex("IX_disclosure_requests_AgencyId_Status_ReceivedOn_Id", "disclosure_requests", ["AgencyId", "Status", "ReceivedOn", "Id"]);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropIndex("IX_disclosure_requests_AgencyId_Status_ReceivedOn_Id", "disclosure_requests");
        m.CreateIndex("IX_disclosure_requests_AgencyId_Status_ReceivedOn", "disclosure_requests", ["AgencyId", "Status", "ReceivedOn"]);
    }
}
