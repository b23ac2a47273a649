using Gongkai.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Gongkai.Data.Migrations;

/// <summary>
/// PostgreSQL: the title positions of catalog_search.tsv (weight A, see SearchDocument) in a narrow
/// table of their own, catalog_search_title, with a GIN index; replaces the expression index
/// ix_catalog_search_title. "Title matches first" reads it newest first: its rows are small and
/// never TOASTed, whereas filtering ts_filter(tsv, '{a}') along catalog_search's primary key
/// detoasted a whole document per row (the 20 newest title hits of 医保 公开 meant 21,000 documents).
/// A trigger keeps it in step with catalog_search (every INSERT, UPDATE, DELETE, TRUNCATE and COPY),
/// so the writers are unchanged. Existing rows are copied here (about a minute per million items).
/// Nothing on SQLite, where FTS5 filters the title column itself.
/// </summary>
[DbContext(typeof(GongkaiDb))]
[Migration("20261204200001_SearchTitleTable")]
public sealed class SearchTitleTable : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        if (m.ActiveProvider != "Npgsql.EntityFrameworkCore.PostgreSQL") return;
        m.Sql("""
            CREATE TABLE catalog_search_title (search_key bigint PRIMARY KEY, tsv tsvector NOT NULL);
            INSERT INTO catalog_search_title (search_key, tsv) SELECT search_key, ts_filter(tsv, '{a}') FROM catalog_search ORDER BY search_key;
            CREATE INDEX ix_catalog_search_title_tsv ON catalog_search_title USING gin (tsv);
            DROP INDEX IF EXISTS ix_catalog_search_title;

            CREATE FUNCTION catalog_search_title_sync() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP IN ('UPDATE', 'DELETE') THEN
                    DELETE FROM catalog_search_title WHERE search_key = OLD.search_key;
                END IF;
                IF TG_OP IN ('INSERT', 'UPDATE') THEN
                    INSERT INTO catalog_search_title (search_key, tsv) VALUES (NEW.search_key, ts_filter(NEW.tsv, '{a}'));
                END IF;
                RETURN NULL;
            END $$;
            CREATE TRIGGER catalog_search_title_sync AFTER INSERT OR UPDATE OR DELETE ON catalog_search
                FOR EACH ROW EXECUTE FUNCTION catalog_search_title_sync();

            CREATE FUNCTION catalog_search_title_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                TRUNCATE catalog_search_title;
                RETURN NULL;
            END $$;
            CREATE TRIGGER catalog_search_title_truncate AFTER TRUNCATE ON catalog_search
                FOR EACH STATEMENT EXECUTE FUNCTION catalog_search_title_truncate();

            ANALYZE catalog_search_title;
            """);
    }

    protected override void Down(MigrationBuilder m)
    {
        if (m.ActiveProvider != "Npgsql.EntityFrameworkCore.PostgreSQL") return;
        m.Sql("""
            DROP TRIGGER catalog_search_title_truncate ON catalog_search;
            DROP TRIGGER catalog_search_title_sync ON catalog_search;
            DROP FUNCTION catalog_search_title_truncate();
            DROP FUNCTION catalog_search_title_sync();
            DROP TABLE catalog_search_title;
            CREATE INDEX ix_catalog_search_title ON catalog_search USING gin (ts_filter(tsv, '{a}'));
            """);
    }
}
