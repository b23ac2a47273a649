using Gongkai.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Requests;

/// <summary>
/// Lets one online submission at a time write to a SQLite database. SQLite has a single writer
/// anyway; without the gate, concurrent submissions meet SQLITE_BUSY and the driver retries them
/// with blocking sleeps, which under load ties up thread-pool threads and makes latency jump. With
/// it, the waiting is an async queue in the process and each write (two inserts, one commit under
/// synchronous=NORMAL) takes a fraction of a millisecond. Validation, encryption and the
/// duplicate check run outside the gate, in parallel. PostgreSQL needs no gate.
/// </summary>
public sealed class SubmissionWriteGate
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<T> RunAsync<T>(GongkaiDb db, Func<Task<T>> write, CancellationToken ct)
    {
        if (!db.Database.IsSqlite()) return await write();
        await _gate.WaitAsync(ct);
        try
        {
            return await write();
        }
        finally
        {
            _gate.Release();
        }
    }
}
