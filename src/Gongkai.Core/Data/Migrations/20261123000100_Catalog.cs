using Gongkai.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Gongkai.Data.Migrations;

/// <summary>
/// The catalogue: items, their published copies, versions, reviews, attachments, index-number
/// counters and per-agency settings; plus the full-text index, which is provider-specific SQL
/// outside the EF model (SQLite: an FTS5 table over our tokens; PostgreSQL: a tsvector with GIN).
/// </summary>
[DbContext(typeof(GongkaiDb))]
[Migration("20261123000100_Catalog")]
public sealed class Catalog : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable(
            name: "catalog_items",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                AgencyId = t.Column<Guid>(nullable: false),
                Status = t.Column<string>(maxLength: 20, nullable: false),
                Title = t.Column<string>(maxLength: 200, nullable: false),
                DocNo = t.Column<string>(maxLength: 100, nullable: true),
                Category = t.Column<string>(maxLength: 40, nullable: false),
                Topic = t.Column<string>(maxLength: 40, nullable: false),
                Genre = t.Column<string>(maxLength: 40, nullable: false),
                Kind = t.Column<string>(maxLength: 40, nullable: false),
                WrittenOn = t.Column<DateOnly>(nullable: false),
                FormedOn = t.Column<DateOnly>(nullable: false),
                Keywords = t.Column<string>(maxLength: 200, nullable: true),
                Summary = t.Column<string>(maxLength: 1000, nullable: true),
                Body = t.Column<string>(nullable: true),
                Mode = t.Column<string>(maxLength: 20, nullable: false),
                WithholdingReason = t.Column<string>(maxLength: 40, nullable: true),
                IndexNo = t.Column<string>(maxLength: 40, nullable: true),
                PublishedOn = t.Column<DateOnly>(nullable: true),
                PublishedVersion = t.Column<int>(nullable: false),
                Validity = t.Column<string>(maxLength: 20, nullable: false),
                ValidityChangedOn = t.Column<DateOnly>(nullable: true),
                ValidityReason = t.Column<string>(maxLength: 500, nullable: true),
                WithdrawnOn = t.Column<DateOnly>(nullable: true),
                WithdrawnReason = t.Column<string>(maxLength: 500, nullable: true),
                CreatedBy = t.Column<Guid>(nullable: false),
                CreatedAt = t.Column<DateTimeOffset>(nullable: false),
                LastEditedBy = t.Column<Guid>(nullable: false),
                UpdatedAt = t.Column<DateTimeOffset>(nullable: false),
                SubmittedBy = t.Column<Guid>(nullable: true),
                SubmittedAt = t.Column<DateTimeOffset>(nullable: true),
                ReturnReason = t.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_catalog_items", x => x.Id);
                t.ForeignKey("FK_catalog_items_agencies_AgencyId", x => x.AgencyId, "agencies", "Id", onDelete: ReferentialAction.Restrict);
            });
        m.CreateIndex("IX_catalog_items_AgencyId_Status", "catalog_items", ["AgencyId", "Status"]);
        m.CreateIndex("IX_catalog_items_AgencyId_IndexNo", "catalog_items", ["AgencyId", "IndexNo"], unique: true);

        m.CreateTable(
            name: "catalog_published",
            columns: t => new
            {
                ItemId = t.Column<Guid>(nullable: false),
                AgencyId = t.Column<Guid>(nullable: false),
                SearchKey = t.Column<long>(nullable: false),
                IndexNo = t.Column<string>(maxLength: 40, nullable: false),
                Title = t.Column<string>(maxLength: 200, nullable: false),
                DocNo = t.Column<string>(maxLength: 100, nullable: true),
                Category = t.Column<string>(maxLength: 40, nullable: false),
                Topic = t.Column<string>(maxLength: 40, nullable: false),
                Genre = t.Column<string>(maxLength: 40, nullable: false),
                Kind = t.Column<string>(maxLength: 40, nullable: false),
                Mode = t.Column<string>(maxLength: 20, nullable: false),
                WithholdingReason = t.Column<string>(maxLength: 40, nullable: true),
                WrittenOn = t.Column<DateOnly>(nullable: false),
                PublishedOn = t.Column<DateOnly>(nullable: false),
                Year = t.Column<int>(nullable: false),
                Keywords = t.Column<string>(maxLength: 200, nullable: true),
                Summary = t.Column<string>(maxLength: 1000, nullable: true),
                Body = t.Column<string>(nullable: true),
                Version = t.Column<int>(nullable: false),
                UpdatedAt = t.Column<DateTimeOffset>(nullable: false),
                Validity = t.Column<string>(maxLength: 20, nullable: false),
                ValidityChangedOn = t.Column<DateOnly>(nullable: true),
                Withdrawn = t.Column<bool>(nullable: false),
                WithdrawnOn = t.Column<DateOnly>(nullable: true),
                WithdrawnReason = t.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_catalog_published", x => x.ItemId);
                t.ForeignKey("FK_catalog_published_catalog_items_ItemId", x => x.ItemId, "catalog_items", "Id", onDelete: ReferentialAction.Restrict);
            });
        m.CreateIndex("IX_catalog_published_SearchKey", "catalog_published", "SearchKey", unique: true);
        m.CreateIndex("IX_catalog_published_AgencyId_SearchKey", "catalog_published", ["AgencyId", "SearchKey"]);
        m.CreateIndex("IX_catalog_published_Category_SearchKey", "catalog_published", ["Category", "SearchKey"]);
        m.CreateIndex("IX_catalog_published_Year_SearchKey", "catalog_published", ["Year", "SearchKey"]);

        m.CreateTable(
            name: "catalog_item_versions",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                ItemId = t.Column<Guid>(nullable: false),
                Version = t.Column<int>(nullable: false),
                PublishedAt = t.Column<DateTimeOffset>(nullable: false),
                PublishedBy = t.Column<string>(maxLength: 64, nullable: false),
                ContentJson = t.Column<string>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_catalog_item_versions", x => x.Id);
                t.ForeignKey("FK_catalog_item_versions_catalog_items_ItemId", x => x.ItemId, "catalog_items", "Id", onDelete: ReferentialAction.Restrict);
            });
        m.CreateIndex("IX_catalog_item_versions_ItemId_Version", "catalog_item_versions", ["ItemId", "Version"], unique: true);

        m.CreateTable(
            name: "catalog_item_reviews",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                ItemId = t.Column<Guid>(nullable: false),
                Version = t.Column<int>(nullable: false),
                Decision = t.Column<string>(maxLength: 20, nullable: false),
                Basis = t.Column<string>(maxLength: 500, nullable: false),
                Comment = t.Column<string>(maxLength: 500, nullable: true),
                ReviewerId = t.Column<Guid>(nullable: false),
                ReviewerName = t.Column<string>(maxLength: 64, nullable: false),
                At = t.Column<DateTimeOffset>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_catalog_item_reviews", x => x.Id);
                t.ForeignKey("FK_catalog_item_reviews_catalog_items_ItemId", x => x.ItemId, "catalog_items", "Id", onDelete: ReferentialAction.Restrict);
            });
        m.CreateIndex("IX_catalog_item_reviews_ItemId", "catalog_item_reviews", "ItemId");

        m.CreateTable(
            name: "catalog_attachments",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                ItemId = t.Column<Guid>(nullable: false),
                DisplayName = t.Column<string>(maxLength: 120, nullable: false),
                Type = t.Column<string>(maxLength: 10, nullable: false),
                Size = t.Column<long>(nullable: false),
                StoredName = t.Column<string>(maxLength: 80, nullable: false),
                Sha256 = t.Column<string>(maxLength: 64, nullable: false),
                UploadedAt = t.Column<DateTimeOffset>(nullable: false),
                PublishedAt = t.Column<DateTimeOffset>(nullable: true),
                PendingRemoval = t.Column<bool>(nullable: false),
                RemovedAt = t.Column<DateTimeOffset>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_catalog_attachments", x => x.Id);
                t.ForeignKey("FK_catalog_attachments_catalog_items_ItemId", x => x.ItemId, "catalog_items", "Id", onDelete: ReferentialAction.Cascade);
            });
        m.CreateIndex("IX_catalog_attachments_ItemId", "catalog_attachments", "ItemId");

        m.CreateTable(
            name: "catalog_index_counters",
            columns: t => new
            {
                AgencyId = t.Column<Guid>(nullable: false),
                Year = t.Column<int>(nullable: false),
                Last = t.Column<long>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_catalog_index_counters", x => new { x.AgencyId, x.Year }));

        m.CreateTable(
            name: "catalog_agency_settings",
            columns: t => new
            {
                AgencyId = t.Column<Guid>(nullable: false),
                IndexPattern = t.Column<string>(maxLength: 40, nullable: false),
                Art21Level = t.Column<string>(maxLength: 20, nullable: false),
                GuideMarkdown = t.Column<string>(nullable: true),
                GuideUpdatedAt = t.Column<DateTimeOffset>(nullable: true),
                RulesMarkdown = t.Column<string>(nullable: true),
                RulesUpdatedAt = t.Column<DateTimeOffset>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_catalog_agency_settings", x => x.AgencyId));

        if (m.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            m.Sql("""
                CREATE TABLE catalog_search (search_key bigint PRIMARY KEY, tsv tsvector NOT NULL);
                CREATE INDEX ix_catalog_search_tsv ON catalog_search USING gin (tsv);
                """);
        }
        else if (m.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            // Our tokenizer writes space-separated tokens; FTS5's ascii tokenizer keeps every non-ASCII
            // character inside a token, so it splits on our spaces and nothing else. Contentless: the
            // text lives in catalog_published, the index needs only the tokens.
            m.Sql("CREATE VIRTUAL TABLE catalog_search USING fts5(title, doc_no, keywords, summary, body, tokenize = 'ascii', content = '', contentless_delete = 1);");
        }
    }

    protected override void Down(MigrationBuilder m)
    {
        m.Sql("DROP TABLE catalog_search;");
        foreach (var table in new[] { "catalog_agency_settings", "catalog_index_counters", "catalog_attachments", "catalog_item_reviews", "catalog_item_versions", "catalog_published", "catalog_items" })
            m.DropTable(table);
    }
}
