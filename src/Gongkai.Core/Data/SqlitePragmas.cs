using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Gongkai.Data;

/// <summary>
/// Per-connection SQLite settings, applied each time EF opens a connection (the pool keeps the
/// underlying handle, so this is one cheap statement). The database file is in WAL mode
/// (<see cref="MigrateDatabase"/>):
/// <list type="bullet">
/// <item><c>synchronous=NORMAL</c>: a commit is written to the WAL without waiting for fsync; the WAL is
/// synced at checkpoints. The database stays consistent after any crash; a power cut or OS crash
/// (not an app crash) can lose the last commits before the next checkpoint. This is what makes
/// hundreds of online submissions per second possible on one disk (docs/performance.md).</item>
/// <item><c>mmap_size</c>: reads come straight from the mapped file instead of a read() call per page,
/// which is most of the cost of list pages over large tables.</item>
/// </list>
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    private const string Sql = "PRAGMA synchronous=NORMAL; PRAGMA mmap_size=268435456;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.ExecuteNonQuery();
    }
}
