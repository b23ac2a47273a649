using Gongkai.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Gongkai.Data.Migrations;

/// <summary>
/// A partial index over the open requests only, holding all the inbox tabs read (id, handler and clock
/// inputs): the tabs of an agency with 100,000 requests read 10,000 index entries, not 10,000 rows (IsOpen is a key column too, so SQLite sees the index as covering).
/// </summary>
[DbContext(typeof(GongkaiDb))]
[Migration("20261203600002_OpenRequestClockIndex")]
public sealed class OpenRequestClockIndex : Migration
{
    protected override void Up(MigrationBuilder m) =>
        m.CreateIndex("IX_disclosure_requests_AgencyId_IsOpen_HandlerId_ClockInputs_Id", "disclosure_requests", ["AgencyId", "IsOpen", "HandlerId", "ClockInputs", "Id"],
            filter: "\"IsOpen\"");

    protected override void Down(MigrationBuilder m) => m.DropIndex("IX_disclosure_requests_AgencyId_IsOpen_HandlerId_ClockInputs_Id", "disclosure_requests");
}
