using Gongkai.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Gongkai.Data.Migrations;

/// <summary>A concurrency token on catalogue items, so two staff actions on one item at once never both apply.</summary>
[DbContext(typeof(GongkaiDb))]
[Migration("20261205300001_CatalogItemRowVersion")]
public sealed class CatalogItemRowVersion : Migration
{
    protected override void Up(MigrationBuilder m) =>
        m.AddColumn<long>(name: "RowVersion", table: "catalog_items", nullable: false, defaultValue: 0L);

    protected override void Down(MigrationBuilder m) => m.DropColumn(name: "RowVersion", table: "catalog_items");
}
