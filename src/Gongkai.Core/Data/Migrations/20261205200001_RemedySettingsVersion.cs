using Gongkai.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Gongkai.Data.Migrations;

/// <summary>A version on an agency's remedy-body settings, so a save from a page showing older settings is refused.</summary>
[DbContext(typeof(GongkaiDb))]
[Migration("20261205200001_RemedySettingsVersion")]
public sealed class RemedySettingsVersion : Migration
{
    protected override void Up(MigrationBuilder m) =>
        m.AddColumn<long>(name: "Version", table: "request_agency_settings", nullable: false, defaultValue: 0L);

    protected override void Down(MigrationBuilder m) => m.DropColumn(name: "Version", table: "request_agency_settings");
}
