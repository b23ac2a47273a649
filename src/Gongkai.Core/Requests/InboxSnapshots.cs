using System.Collections.Concurrent;
using System.Diagnostics;
using Gongkai.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gongkai.Requests;

/// <summary>An open request as read for the tabs: its handler and clock inputs (from the row, or from its log's clock lines).</summary>
internal sealed record OpenRequestRow(Guid Id, Guid AgencyId, RequestStatus Status, string? HandlerId, string ClockInputs);

/// <summary>
/// What every inbox page of one agency (or of all, for the overview) needs besides its own rows. When
/// <see cref="CountsExact"/>, <see cref="ByStatus"/> counts exactly the open rows of <see cref="Open"/>, the closed
/// rows of <see cref="Known"/> (requests patched in since the load) and the other requests as they were at the load,
/// so a write can move the counts by one (from its status in the snapshot to its status now) without re-counting.
/// </summary>
internal sealed record InboxSnapshot(IReadOnlyList<OpenRequestRow> Open, IReadOnlyDictionary<RequestStatus, int> ByStatus,
    bool CountsExact = false, IReadOnlyDictionary<Guid, RequestStatus>? Known = null)
{
    /// <summary>The open requests' deadlines as last computed, for one day, calendar and set of clock options.</summary>
    internal volatile ComputedDeadlines? Computed;

    /// <summary>The snapshot this one was patched from and the requests re-read, so its deadlines are those of the base but for them.</summary>
    internal volatile PatchBase? Base;
}

internal sealed record PatchBase(InboxSnapshot Snapshot, IReadOnlySet<Guid> Changed);

internal sealed record ComputedDeadlines(DateOnly Today, Gongkai.Calendar.WorkingCalendar Calendar, string Options, IReadOnlyList<OpenRequestClock> Clocks);

/// <summary>A request written in this process: its id, and its agency when the save knew it (not for a bare log line).</summary>
public readonly record struct ChangedRequest(Guid Id, Guid? AgencyId, bool Added = false);

/// <summary>
/// Request writes made through <see cref="GongkaiDb"/> in this process (reported by <see cref="SaveSignals"/>):
/// a generation that moves on with every save that adds, changes or removes a request or a request event, and a
/// short journal of which requests each generation touched, so that a cached inbox snapshot can be brought up to
/// date by re-reading just those requests.
/// </summary>
public static class RequestWrites
{
    private const int JournalLength = 4096;
    private static readonly Lock Gate = new();
    private static readonly Queue<(long Generation, ChangedRequest[] Requests)> Journal = new();
    private static long _generation;

    public static long Generation => Interlocked.Read(ref _generation);

    public static void Happened(IReadOnlyCollection<ChangedRequest> requests)
    {
        lock (Gate)
        {
            Journal.Enqueue((_generation + 1, requests.ToArray()));
            while (Journal.Count > JournalLength) Journal.Dequeue();
            Interlocked.Increment(ref _generation);
        }
    }

    /// <summary>The requests written after generation <paramref name="since"/>; null when the journal no longer reaches back that far or they are more than <paramref name="max"/>.</summary>
    public static IReadOnlyList<ChangedRequest>? ChangedSince(long since, int max)
    {
        lock (Gate)
        {
            if (since >= _generation) return [];
            if (Journal.Count == 0 || Journal.Peek().Generation > since + 1) return null;
            var changed = new List<ChangedRequest>();
            foreach (var (generation, requests) in Journal)
            {
                if (generation <= since) continue;
                changed.AddRange(requests);
                if (changed.Count > max) return null;
            }
            return changed;
        }
    }
}

/// <summary>
/// The per-agency tab counts and open requests' clock inputs, so that paging, switching tabs and the page after a
/// write do not re-read 10,000 open requests. A request written in this process updates the snapshots at their next
/// use: only the written requests are re-read by key and patched in (another agency's write leaves a snapshot as it
/// is), and the agency's status counts are re-counted on the (agency, status, …) index. Writes by another process
/// (a second web node, the CLI) are caught through the persisted per-agency <see cref="RequestStamp"/>: a background
/// loop reads all stamps at most once per <see cref="PollInterval"/> (one small query) and reloads only the snapshots
/// whose agency's stamp moved by another process's write (a stamp moved by this process's own writes alone, see
/// <see cref="OwnRequestStamps"/>, is only taken over, as those writes are patched in). Once started (by the web at
/// startup, <see cref="Start"/>), the loop also preloads the snapshot of every agency, and keeps them without expiry, so
/// pages never wait for a full read but before the preload reached their agency. Deadlines are not cached here
/// beyond one day: they are derived per day and calendar from the clock inputs (memoized in <see cref="RequestClocks"/>);
/// the loop computes today's after each load so the next page finds them.
/// </summary>
public sealed class InboxSnapshots(IServiceScopeFactory scopes, ILogger<InboxSnapshots> logger) : IDisposable, IAsyncDisposable
{
    /// <summary>How often the background loop reads the stamps: the longest another process's write stays unseen, plus a reload.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    /// <summary>
    /// A snapshot that took over stamps of this process's writes is reloaded in the background when older than this: the
    /// stamp a write replaced is read just before the write, so another process's commit in between could go unseen.
    /// </summary>
    public static readonly TimeSpan RecheckAfterOwnWrites = TimeSpan.FromMinutes(5);
    /// <summary>More written requests than this since a snapshot was read: reload it instead of patching.</summary>
    private const int MaxPatched = 1000;

    /// <summary>A snapshot, the generation of this process's writes it includes, and its agencies' stamps as read with it (or taken over).</summary>
    private sealed record Entry(long Generation, long LoadedAt, InboxSnapshot Snapshot, IReadOnlyDictionary<Guid, Guid> Stamps, bool TookOver = false);

    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _startGate = new();
    private readonly TaskCompletionSource _preloaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _refresher;

    /// <summary>Completes when the background loop's first pass (the preload of every agency) has ended, loaded or not.</summary>
    public Task Preloaded => _preloaded.Task;

    /// <summary>Starts the background loop (preload, then polling the stamps); the first inbox page starts it too.</summary>
    public void Start() => StartRefresher();

    internal async Task<InboxSnapshot> GetAsync(Guid? agencyId, GongkaiDb db, CancellationToken ct)
    {
        var key = agencyId ?? Guid.Empty;
        StartRefresher();
        var generation = RequestWrites.Generation; // read before reading the database: a write meanwhile is patched in next time
        if (_entries.TryGetValue(key, out var entry))
        {
            if (entry.Generation == generation) return entry.Snapshot;
            if (RequestWrites.ChangedSince(entry.Generation, MaxPatched) is { } changed
                && await PatchAsync(db, agencyId, entry.Snapshot, changed, ct) is { } patched)
            {
                Store(key, entry with { Generation = generation, Snapshot = patched });
                return patched;
            }
        }
        return await ReloadAsync(key, agencyId, db, ct);
    }

    private async Task<InboxSnapshot> ReloadAsync(Guid key, Guid? agencyId, GongkaiDb db, CancellationToken ct)
    {
        var generation = RequestWrites.Generation;
        var started = Stopwatch.GetTimestamp();
        var (snapshot, stamps) = await OpenDeadlines.LoadAsync(db, agencyId, ct);
        Store(key, new Entry(generation, started, snapshot, stamps));
        return snapshot;
    }

    /// <summary>Keeps the entry that has seen more writes (or, at equal generations, the more recently read one).</summary>
    private void Store(Guid key, Entry entry) =>
        _entries.AddOrUpdate(key, entry, (_, old) =>
            entry.Generation > old.Generation || (entry.Generation == old.Generation && entry.LoadedAt >= old.LoadedAt) ? entry : old);

    /// <summary>The snapshot with the written requests re-read; null when it must be reloaded instead.</summary>
    private static async Task<InboxSnapshot?> PatchAsync(GongkaiDb db, Guid? agencyId, InboxSnapshot snapshot, IReadOnlyList<ChangedRequest> changed, CancellationToken ct)
    {
        if (changed.Count == 0) return snapshot;
        var ids = changed.Select(c => c.Id).ToHashSet();
        var list = ids.ToList();
        var rows = (await db.DisclosureRequests.AsNoTracking().Where(r => list.Contains(r.Id))
            .Select(r => new { r.Id, r.AgencyId, r.Status, r.IsOpen, r.HandlerId, r.ClockInputs }).ToListAsync(ct)).ToDictionary(r => r.Id);
        // Each written request's status in the snapshot: open ones from the open rows, closed ones patched in before from Known.
        var before = new Dictionary<Guid, RequestStatus>();
        foreach (var o in snapshot.Open)
            if (ids.Contains(o.Id)) before[o.Id] = o.Status;
        if (snapshot.Known is { } known)
            foreach (var id in ids)
                if (!before.ContainsKey(id) && known.TryGetValue(id, out var k)) before[id] = k;
        bool Ours(Guid? agency) => agencyId is null || agency == agencyId;
        var ours = before.Count > 0 || changed.Any(c => c.AgencyId is { } a && Ours(a)) || rows.Values.Any(r => Ours(r.AgencyId));
        if (!ours) return snapshot; // another agency's requests
        var opened = rows.Values.Where(r => r.IsOpen && Ours(r.AgencyId)).ToList();
        if (opened.Any(r => r.ClockInputs is null)) return null; // clock inputs too long to keep on the row: read from the log on reload
        var open = new List<OpenRequestRow>(snapshot.Open.Count + opened.Count);
        open.AddRange(snapshot.Open.Where(o => !ids.Contains(o.Id)));
        open.AddRange(opened.Select(r => new OpenRequestRow(r.Id, r.AgencyId, r.Status, r.HandlerId, r.ClockInputs!)));
        if (agencyId is not { } agencyOnly)
            return new InboxSnapshot(open, snapshot.ByStatus) { Base = snapshot.Computed is null ? null : new PatchBase(snapshot, ids) };

        // Move the counts by the written requests' status changes when each one's status in the snapshot is known:
        // it was open (Open), patched in before (Known), or added since the load and not in the snapshot at all.
        var added = changed.Where(c => c.Added).Select(c => c.Id).ToHashSet();
        var counts = snapshot.CountsExact ? new Dictionary<RequestStatus, int>(snapshot.ByStatus) : null;
        var nowKnown = new Dictionary<Guid, RequestStatus>(snapshot.Known ?? new Dictionary<Guid, RequestStatus>());
        foreach (var id in ids)
        {
            var now = rows.GetValueOrDefault(id) is { } r && Ours(r.AgencyId) ? r : null;
            var wasCounted = before.TryGetValue(id, out var was);
            if (!wasCounted && now is null && (added.Contains(id) || !changed.Any(c => c.Id == id && c.AgencyId == agencyOnly)))
                continue; // not ours, or added in a transaction not committed yet (its commit is patched in next)
            if (!wasCounted && !(now is { IsOpen: true } && added.Contains(id))) counts = null; // a closed request not in the snapshot: its old status is unknown
            if (counts is not null)
            {
                if (wasCounted) counts[was] = counts.GetValueOrDefault(was) - 1;
                if (now is not null) counts[now.Status] = counts.GetValueOrDefault(now.Status) + 1;
            }
            if (now is { IsOpen: false }) nowKnown[id] = now.Status;
            else nowKnown.Remove(id);
        }
        var patched = counts is not null
            ? new InboxSnapshot(open, counts.Where(c => c.Value != 0).ToDictionary(), CountsExact: true, nowKnown)
            // Re-counted on the index: exact now, but not in step with the open rows for later writes, so those re-count too until the next load.
            : new InboxSnapshot(open, await OpenDeadlines.CountsAsync(db, agencyOnly, ct));
        if (snapshot.Computed is not null) patched.Base = new PatchBase(snapshot, ids);
        return patched;
    }

    private void StartRefresher()
    {
        if (_refresher is not null) return;
        lock (_startGate)
        {
            if (_refresher is null && !_stop.IsCancellationRequested) _refresher = Task.Run(() => RefreshAsync(_stop.Token));
        }
    }

    /// <summary>Every <see cref="PollInterval"/>: reads the stamps, loads the agencies not loaded yet, reloads those another process wrote to.</summary>
    private async Task RefreshAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(PollInterval);
        try
        {
            do
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await RefreshOnceAsync(scope.ServiceProvider, ct);
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    // Pages keep the snapshots they have (this process's writes are still patched in); the next tick tries again.
                    logger.LogWarning(e, "Background refresh of the inbox snapshots failed.");
                }
                _preloaded.TrySetResult();
            }
            while (await timer.WaitForNextTickAsync(ct));
        }
        catch (Exception) when (ct.IsCancellationRequested) { } // stopping: whatever the reload in progress threw
        finally { _preloaded.TrySetResult(); }
    }

    private async Task RefreshOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<GongkaiDb>();
        var current = await db.Set<RequestStamp>().AsNoTracking().ToDictionaryAsync(s => s.AgencyId, s => s.Value, ct);
        var reload = current.Keys.Where(a => !_entries.ContainsKey(a)).ToList(); // the preload, and agencies added since
        foreach (var (key, entry) in _entries)
        {
            var moved = false;
            var byOthers = false;
            foreach (var agency in key == Guid.Empty ? current.Keys.Union(entry.Stamps.Keys) : [key])
            {
                var now = current.GetValueOrDefault(agency);
                var seen = entry.Stamps.GetValueOrDefault(agency);
                if (now == seen) continue;
                moved = true;
                if (!OwnRequestStamps.OnlyOwnSince(seen, now)) byOthers = true;
            }
            if (byOthers || (entry.TookOver && Stopwatch.GetElapsedTime(entry.LoadedAt) > RecheckAfterOwnWrites)) reload.Add(key);
            else if (moved)
            {
                var stamps = key == Guid.Empty ? current : new Dictionary<Guid, Guid> { [key] = current.GetValueOrDefault(key) };
                _entries.TryUpdate(key, entry with { Stamps = stamps, TookOver = true }, entry);
            }
        }
        if (reload.Count == 0) return;
        var clocks = services.GetRequiredService<RequestClocks>();
        var today = Gongkai.Common.ChinaTime.Today(services.GetRequiredService<TimeProvider>());
        foreach (var key in reload)
        {
            var snapshot = await ReloadAsync(key, key == Guid.Empty ? null : key, db, ct);
            OpenDeadlines.Deadlines(snapshot, clocks, today); // so the next page finds today's deadlines computed
        }
    }

    public void Dispose()
    {
        if (!_stop.IsCancellationRequested) _stop.Cancel();
    }

    public async ValueTask DisposeAsync()
    {
        Dispose();
        if (_refresher is { } running)
        {
            try { await running; }
            catch (OperationCanceledException) { }
        }
    }
}
