using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data;

/// <summary>Applies pending migrations (idempotent) and turns on WAL for SQLite.</summary>
public sealed class MigrateDatabase(GongkaiDb db)
{
    /// <returns>The ids of the migrations that were applied; empty when the database was current.</returns>
    public async Task<IReadOnlyList<string>> RunAsync(CancellationToken ct = default)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0) await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            // WAL lets the portal read while staff write; the setting is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        return pending;
    }

    public async Task<IReadOnlyList<string>> PendingAsync(CancellationToken ct = default) =>
        (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
}
