using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Gongkai.Web.Tests.Infrastructure;

/// <summary>
/// A database's schema as sorted lines (tables, columns with type and nullability, indexes, foreign
/// keys), so two databases can be compared with one Assert.Equal and a readable difference.
/// </summary>
public static class SchemaSnapshot
{
    /// <summary>
    /// The full-text index tables (catalog_search, and on SQLite its FTS5 shadow tables) are created by
    /// provider-specific SQL in the Catalog migration and are not part of the EF model, so they are left out.
    /// </summary>
    public const string RawSqlTablePrefix = "catalog_search";

    public static async Task<List<string>> ReadSqliteAsync(string path)
    {
        await using var c = new SqliteConnection($"Data Source={path};Pooling=False");
        await c.OpenAsync();
        var lines = new List<string>();
        var tables = await QueryAsync(c, "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('__EFMigrationsHistory', '__EFMigrationsLock') AND name NOT LIKE '" + RawSqlTablePrefix + "%'");
        foreach (var t in tables.Select(r => r[0]))
        {
            lines.Add($"table {t}");
            foreach (var r in await QueryAsync(c, $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{t}')"))
                lines.Add($"column {t}.{r[0]} {r[1]} notnull={r[2]} pk={r[3]}");
            foreach (var r in await QueryAsync(c, $"SELECT name, \"unique\", origin FROM pragma_index_list('{t}')"))
            {
                var cols = await QueryAsync(c, $"SELECT name FROM pragma_index_info('{r[0]}') ORDER BY seqno");
                lines.Add($"index {t}({string.Join(",", cols.Select(x => x[0]))}) unique={r[1]} origin={r[2]}");
            }
            foreach (var r in await QueryAsync(c, $"SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{t}')"))
                lines.Add($"fk {t}.{r[1]} -> {r[0]}.{r[2]} on delete {r[3]}");
        }
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    public static async Task<List<string>> ReadPostgresAsync(string connectionString)
    {
        await using var c = new NpgsqlConnection(connectionString);
        await c.OpenAsync();
        var lines = new List<string>();
        foreach (var r in await QueryAsync(c, """
            SELECT table_name, column_name, data_type, coalesce(character_maximum_length::text, ''), is_nullable, coalesce(identity_generation, '')
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '__EFMigrationsHistory' AND table_name NOT LIKE 'catalog_search%'
            """))
            lines.Add($"column {r[0]}.{r[1]} {r[2]}({r[3]}) nullable={r[4]} identity={r[5]}");
        foreach (var r in await QueryAsync(c, "SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '__EFMigrationsHistory' AND tablename NOT LIKE 'catalog_search%'"))
            lines.Add($"index {r[0]} {System.Text.RegularExpressions.Regex.Replace(r[1], "INDEX \"?[^ \"]+\"? ON", "INDEX ON")}");
        foreach (var r in await QueryAsync(c, """
            SELECT tc.table_name, kcu.column_name, ccu.table_name, rc.delete_rule
            FROM information_schema.table_constraints tc
            JOIN information_schema.key_column_usage kcu ON tc.constraint_name = kcu.constraint_name
            JOIN information_schema.constraint_column_usage ccu ON tc.constraint_name = ccu.constraint_name
            JOIN information_schema.referential_constraints rc ON tc.constraint_name = rc.constraint_name
            WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = 'public'
            """))
            lines.Add($"fk {r[0]}.{r[1]} -> {r[2]} on delete {r[3]}");
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static async Task<List<string[]>> QueryAsync(DbConnection c, string sql)
    {
        await using var command = c.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            var row = new string[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!;
            rows.Add(row);
        }
        return rows;
    }
}
