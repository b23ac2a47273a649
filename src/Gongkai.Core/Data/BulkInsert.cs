using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Gongkai.Data;

/// <summary>
/// Inserts many new rows of one mapped entity type with multi-row INSERT statements, without the
/// change tracker: tables, columns and value conversions come from the EF model (the same type
/// mappings SaveChanges uses), so enums, dates and Guids are stored exactly as EF stores them.
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
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Property.GetColumnName(table)!)))}) VALUES ";
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
}
