using Gongkai.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Gongkai.Data.Migrations;

/// <summary>A version on each agency, so an edit from a form showing older details is refused.</summary>
[DbContext(typeof(GongkaiDb))]
[Migration("20261205200002_AgencyVersion")]
public sealed class AgencyVersion : Migration
{
    protected override void Up(MigrationBuilder m) =>
        m.AddColumn<long>(name: "Version", table: "agencies", nullable: false, defaultValue: 0L);

    protected override void Down(MigrationBuilder m) => m.DropColumn(name: "Version", table: "agencies");
}
