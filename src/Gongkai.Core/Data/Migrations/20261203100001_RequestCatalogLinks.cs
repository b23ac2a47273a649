using Gongkai.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Gongkai.Data.Migrations;

/// <summary>Requests whose answer became a catalogue draft (Art. 44), one per request.</summary>
[DbContext(typeof(GongkaiDb))]
[Migration("20261203100001_RequestCatalogLinks")]
public sealed class RequestCatalogLinks : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable(
            name: "request_catalog_links",
            columns: t => new
            {
                RequestId = t.Column<Guid>(nullable: false),
                ItemId = t.Column<Guid>(nullable: false),
                CreatedAt = t.Column<DateTimeOffset>(nullable: false),
                CreatedBy = t.Column<string>(maxLength: 64, nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_request_catalog_links", x => x.RequestId);
                t.ForeignKey("FK_request_catalog_links_disclosure_requests_RequestId", x => x.RequestId, "disclosure_requests", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_request_catalog_links_catalog_items_ItemId", x => x.ItemId, "catalog_items", "Id", onDelete: ReferentialAction.Cascade);
            });
        m.CreateIndex("IX_request_catalog_links_ItemId", "request_catalog_links", ["ItemId"], unique: true);
    }

    protected override void Down(MigrationBuilder m) => m.DropTable("request_catalog_links");
}
