using Gongkai.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Gongkai.Data.Migrations;

/// <summary>A version on an agency's catalogue settings (guide, rules), so a save from a page showing older ones is refused.</summary>
[DbContext(typeof(GongkaiDb))]
[Migration("20261205200004_CatalogSettingsVersion")]
public sealed class CatalogSettingsVersion : Migration
{
    protected override void Up(MigrationBuilder m) =>
        m.AddColumn<long>(name: "Version", table: "catalog_agency_settings", nullable: false, defaultValue: 0L);

    protected override void Down(MigrationBuilder m) => m.DropColumn(name: "Version", table: "catalog_agency_settings");
}
