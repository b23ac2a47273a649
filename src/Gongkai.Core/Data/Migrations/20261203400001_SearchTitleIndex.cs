using Gongkai.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Gongkai.Data.Migrations;

/// <summary>
/// PostgreSQL: a GIN index over the title positions of catalog_search.tsv (weight A, see
/// SearchDocument), so that "title matches first" finds a word's title hits without reading
/// every matching tsvector. An expression index: the write path is unchanged. Nothing on SQLite,
/// where FTS5 filters the title column itself.
/// </summary>
[DbContext(typeof(GongkaiDb))]
[Migration("20261203400001_SearchTitleIndex")]
public sealed class SearchTitleIndex : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        if (m.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
            m.Sql("CREATE INDEX IF NOT EXISTS ix_catalog_search_title ON catalog_search USING gin (ts_filter(tsv, '{a}'));");
    }

    protected override void Down(MigrationBuilder m)
    {
        if (m.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
            m.Sql("DROP INDEX IF EXISTS ix_catalog_search_title;");
    }
}
