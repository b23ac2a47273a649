using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Gongkai.Data;

/// <summary>
/// Inserts many new rows of one mapped entity type without the change tracker — on SQLite as one
/// prepared single-row INSERT executed per row, on PostgreSQL as one binary COPY: tables, columns
/// and value conversions come from the EF model (the same type mappings SaveChanges uses), so
/// enums, dates and Guids are stored exactly as EF stores them.
/// Database-generated keys (identity columns) are left to the database and not read back.
/// Runs on the context's connection, inside whatever transaction the caller has begun.
/// Only for rows that are new; nothing here updates or checks concurrency.
/// </summary>
internal static class BulkInsert
{
    /// <summary>Keeps each statement well under SQLite's 32,766 and PostgreSQL's 65,535 parameters.</summary>
    private const int MaxParameters = 16_000;

    public static async Task InsertAsync<T>(GongkaiDb db, IReadOnlyList<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0) return;
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties()
            .Where(p => !(p.ValueGenerated == ValueGenerated.OnAdd && p.IsPrimaryKey() && p.ClrType != typeof(Guid)))
            .Select(p => (Property: p, Mapping: (RelationalTypeMapping)p.GetRelationalTypeMapping(), Getter: p.GetGetter()))
            .ToArray();
        var sql = db.GetService<ISqlGenerationHelper>();
        var columnList = string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Property.GetColumnName(table)!)));
        if (db.Database.IsNpgsql())
        {
            await CopyAsync(db, sql.DelimitIdentifier(table.Name, table.Schema), columnList, columns, rows, ct);
            return;
        }
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({columnList}) VALUES ";
        // SQLite binds parameters by name with a linear search, so large statements cost O(n²); there
        // one prepared single-row statement, executed per row inside the transaction, is fastest.
        var perStatement = db.Database.IsSqlite() ? 1 : Math.Max(1, MaxParameters / columns.Length);

        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var text = new StringBuilder();
        DbCommand? command = null;
        try
        {
            for (var start = 0; start < rows.Count; start += perStatement)
            {
                var count = Math.Min(perStatement, rows.Count - start);
                // Reused while the statement shape is the same, so SQLite keeps it prepared.
                if (command is null || count != perStatement)
                {
                    if (command is not null) await command.DisposeAsync();
                    command = connection.CreateCommand();
                    command.Transaction = transaction;
                    command.CommandTimeout = 600;
                }
                command.Parameters.Clear();
                text.Clear().Append(head);
                var n = 0;
                for (var r = 0; r < count; r++)
                {
                    var row = rows[start + r];
                    text.Append(r == 0 ? "(" : ", (");
                    for (var c = 0; c < columns.Length; c++)
                    {
                        var name = "@p" + n++;
                        if (c > 0) text.Append(", ");
                        text.Append(name);
                        var (property, mapping, getter) = columns[c];
                        command.Parameters.Add(mapping.CreateParameter(command, name, getter.GetClrValue(row), property.IsNullable));
                    }
                    text.Append(')');
                }
                var commandText = text.ToString();
                if (command.CommandText != commandText) command.CommandText = commandText;
                await command.ExecuteNonQueryAsync(ct);
            }
        }
        finally
        {
            if (command is not null) await command.DisposeAsync();
        }
    }

    /// <summary>
    /// PostgreSQL: one binary COPY for all rows (no SQL to parse, no parameters), on the context's
    /// connection and so inside its transaction. Values go through the EF model's value converters
    /// and are written as the PostgreSQL type of their provider CLR type.
    /// </summary>
    private static async Task CopyAsync<T>(GongkaiDb db, string table, string columnList,
        (IProperty Property, RelationalTypeMapping Mapping, IClrPropertyGetter Getter)[] columns, IReadOnlyList<T> rows, CancellationToken ct) where T : class
    {
        var types = columns.Select(c => PostgresType(c.Mapping.Converter?.ProviderClrType ?? c.Mapping.ClrType)).ToArray();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        await using var writer = await connection.BeginBinaryImportAsync($"COPY {table} ({columnList}) FROM STDIN (FORMAT BINARY)", ct);
        writer.Timeout = TimeSpan.FromMinutes(10);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(ct);
            for (var c = 0; c < columns.Length; c++)
            {
                var (_, mapping, getter) = columns[c];
                var value = getter.GetClrValue(row);
                if (value is not null && mapping.Converter is { } converter) value = converter.ConvertToProvider(value);
                if (value is null) await writer.WriteNullAsync(ct);
                else await writer.WriteAsync(value, types[c], ct);
            }
        }
        await writer.CompleteAsync(ct);
    }

    private static NpgsqlDbType PostgresType(Type clr) => (Nullable.GetUnderlyingType(clr) ?? clr) switch
    {
        var t when t == typeof(string) => NpgsqlDbType.Text,
        var t when t == typeof(Guid) => NpgsqlDbType.Uuid,
        var t when t == typeof(int) => NpgsqlDbType.Integer,
        var t when t == typeof(long) => NpgsqlDbType.Bigint,
        var t when t == typeof(short) => NpgsqlDbType.Smallint,
        var t when t == typeof(bool) => NpgsqlDbType.Boolean,
        var t when t == typeof(DateOnly) => NpgsqlDbType.Date,
        var t when t == typeof(DateTimeOffset) => NpgsqlDbType.TimestampTz,
        var t when t == typeof(decimal) => NpgsqlDbType.Numeric,
        var t when t == typeof(double) => NpgsqlDbType.Double,
        var t => throw new NotSupportedException($"BulkInsert cannot COPY a column of type {t.Name}."),
    };
}
