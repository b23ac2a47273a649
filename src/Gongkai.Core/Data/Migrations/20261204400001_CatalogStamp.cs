using Gongkai.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Gongkai.Data.Migrations;

/// <summary>The single-row catalogue stamp that tells other processes' page caches the public catalogue changed.</summary>
[DbContext(typeof(GongkaiDb))]
[Migration("20261204400001_CatalogStamp")]
public sealed class CatalogStampTable : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable(
            name: "catalog_stamp",
            columns: t => new
            {
                Id = t.Column<int>(nullable: false),
                Value = t.Column<Guid>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_catalog_stamp", x => x.Id));
        // The one row, which every catalogue save updates; valid as uuid (PostgreSQL) and as EF's Guid text (SQLite).
        m.Sql("INSERT INTO catalog_stamp (\"Id\", \"Value\") VALUES (1, '00000000-0000-0000-0000-000000000000');");
    }

    protected override void Down(MigrationBuilder m) => m.DropTable("catalog_stamp");
}
