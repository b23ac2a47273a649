using Gongkai.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Requests;

/// <summary>An open request as the inbox counts it: who handles it and its deadline today.</summary>
public sealed record OpenRequestClock(Guid Id, Guid AgencyId, string? HandlerId, RequestDeadline Deadline);

/// <summary>
/// The open requests of a set (one agency, or all) with their status counts, for the inbox tabs and the
/// competent office's overview. Reads only what the clock needs — the open requests' ids and
/// handlers and clock inputs — in one query served by the
/// (agency, is_open) index, reading each open request's <see cref="ClockInputs"/>; the deadlines themselves come from
/// <see cref="RequestClocks.Deadline(string, DateOnly)"/>, which memoizes them per calendar and clock inputs.
/// </summary>
internal static class OpenDeadlines
{
    /// <summary>The snapshot, and the request stamps of its agencies (one, or all) read in the same transaction.</summary>
    public static async Task<(InboxSnapshot Snapshot, IReadOnlyDictionary<Guid, Guid> Stamps)> LoadAsync(GongkaiDb db, Guid? agencyId, CancellationToken ct)
    {
        // The counts and the open rows are read in one transaction, so they agree: the snapshot can then move its
        // counts by each later write (InboxSnapshots) instead of re-counting. On SQLite a deferred (read) transaction
        // does not take the write lock.
        await using var transaction = db.Database.CurrentTransaction is not null ? null
            : db.Database.IsSqlite() ? await BeginSqliteReadAsync(db, ct)
            : (IAsyncDisposable)await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        var stamps = db.Set<RequestStamp>().AsNoTracking();
        if (agencyId is { } one) stamps = stamps.Where(s => s.AgencyId == one);
        var stamped = await stamps.ToDictionaryAsync(s => s.AgencyId, s => s.Value, ct);
        var byStatus = agencyId is { } id ? await CountsAsync(db, id, ct) : new Dictionary<RequestStatus, int>();
        var open = db.DisclosureRequests.AsNoTracking().Where(r => r.IsOpen);
        if (agencyId is { } a) open = open.Where(r => r.AgencyId == a);
        var requests = await open.Select(r => new { r.Id, r.AgencyId, r.Status, r.HandlerId, r.ClockInputs }).ToListAsync(ct);
        if (requests.Count == 0) return (new InboxSnapshot([], byStatus, CountsExact: transaction is not null), stamped);
        // Rows stored before the ClockInputs column (or with very long ones): read the clock lines of their logs.
        var logs = new Dictionary<Guid, string>();
        if (requests.Any(r => r.ClockInputs is null))
        {
            var types = ClockInputs.Types.ToArray();
            var lines = await (
                    from e in db.RequestEvents.AsNoTracking()
                    join r in open.Where(r => r.ClockInputs == null) on e.RequestId equals r.Id
                    where types.Contains(e.Type)
                    select new { e.RequestId, e.Seq, e.Type, e.On, e.Channel, e.DueOn, e.Days, e.Party, e.ConsultationNo })
                .ToListAsync(ct);
            logs = lines.GroupBy(l => l.RequestId).ToDictionary(g => g.Key, g => ClockInputs.Of(g.OrderBy(l => l.Seq)
                .Select(l => new RequestEvent(l.Type, l.On) { Channel = l.Channel, DueOn = l.DueOn, Days = l.Days, Party = l.Party, ConsultationNo = l.ConsultationNo })
                .ToList()));
        }
        var rows = requests.Select(r => new OpenRequestRow(r.Id, r.AgencyId, r.Status, r.HandlerId,
            r.ClockInputs ?? logs.GetValueOrDefault(r.Id) ?? ClockInputs.Of([]))).ToList();
        return (new InboxSnapshot(rows, byStatus, CountsExact: transaction is not null), stamped);
    }

    private static async Task<IAsyncDisposable> BeginSqliteReadAsync(GongkaiDb db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var connection = (Microsoft.Data.Sqlite.SqliteConnection)db.Database.GetDbConnection();
        var transaction = connection.BeginTransaction(deferred: true);
        return new SqliteRead(db, transaction, await db.Database.UseTransactionAsync(transaction, ct));
    }

    /// <summary>A deferred SQLite transaction lent to the context: ended (rolled back, it only read) and the connection closed again.</summary>
    private sealed class SqliteRead(GongkaiDb db, System.Data.Common.DbTransaction transaction, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? used) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (used is not null) await used.DisposeAsync();
            await transaction.DisposeAsync();
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The agency's requests per status, counted on the (agency, status, received on, id) index alone.</summary>
    public static async Task<Dictionary<RequestStatus, int>> CountsAsync(GongkaiDb db, Guid agencyId, CancellationToken ct) =>
        (await db.DisclosureRequests.AsNoTracking().Where(r => r.AgencyId == agencyId).GroupBy(r => r.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct)).ToDictionary(x => x.Key, x => x.Count);

    /// <summary>
    /// Today's deadlines of a snapshot's open requests, computed once per snapshot, day, calendar and clock options
    /// (each from <see cref="RequestClocks"/>' memo), so paging through a tab does not look up 10,000 clocks per page.
    /// </summary>
    public static IReadOnlyList<OpenRequestClock> Deadlines(InboxSnapshot snapshot, RequestClocks clocks, DateOnly today)
    {
        var calendar = clocks.Calendar;
        var options = clocks.OptionsKey;
        if (snapshot.Computed is { } c && c.Today == today && ReferenceEquals(c.Calendar, calendar) && c.Options == options) return c.Clocks;
        List<OpenRequestClock> computed;
        if (snapshot.Base is { Snapshot.Computed: { } b } patch && b.Today == today && ReferenceEquals(b.Calendar, calendar) && b.Options == options)
        {
            // Patched from a snapshot whose deadlines are known: only the re-read requests are looked up again.
            computed = new List<OpenRequestClock>(snapshot.Open.Count);
            computed.AddRange(b.Clocks.Where(c => !patch.Changed.Contains(c.Id)));
            computed.AddRange(snapshot.Open.Where(r => patch.Changed.Contains(r.Id))
                .Select(r => new OpenRequestClock(r.Id, r.AgencyId, r.HandlerId, clocks.Deadline(r.ClockInputs, today))));
        }
        else computed = snapshot.Open.Select(r => new OpenRequestClock(r.Id, r.AgencyId, r.HandlerId, clocks.Deadline(r.ClockInputs, today))).ToList();
        snapshot.Base = null; // let the base go
        snapshot.Computed = new ComputedDeadlines(today, calendar, options, computed);
        return computed;
    }
}
