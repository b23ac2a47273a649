using System.Collections.Concurrent;

namespace Gongkai.Requests;

/// <summary>An open request as read for the tabs: its handler and clock inputs (from the row, or from its log's clock lines).</summary>
internal sealed record OpenRequestRow(Guid Id, Guid AgencyId, string? HandlerId, string ClockInputs);

/// <summary>What every inbox page of one agency (or of all, for the overview) needs besides its own rows.</summary>
internal sealed record InboxSnapshot(IReadOnlyList<OpenRequestRow> Open, IReadOnlyDictionary<RequestStatus, int> ByStatus)
{
    /// <summary>The open requests' deadlines as last computed, for one day, calendar and set of clock options.</summary>
    internal volatile ComputedDeadlines? Computed;
}

internal sealed record ComputedDeadlines(DateOnly Today, Gongkai.Calendar.WorkingCalendar Calendar, string Options, IReadOnlyList<OpenRequestClock> Clocks);

/// <summary>
/// Counts of request writes made through <see cref="Gongkai.Data.GongkaiDb"/> in this process (moved on by
/// <see cref="Gongkai.Data.SaveSignals"/>): any save that adds,
/// changes or removes a request or a request event moves it on, which makes every cached inbox snapshot stale.
/// </summary>
public static class RequestWrites
{
    private static long _generation;
    public static long Generation => Interlocked.Read(ref _generation);
    public static void Happened() => Interlocked.Increment(ref _generation);
}

/// <summary>
/// The per-agency tab counts and open requests' clock inputs, kept for a few seconds (<see cref="Lifetime"/>) so that
/// paging and switching tabs does not re-read 10,000 open requests each time. A snapshot is dropped as soon as a
/// request is written in this process (<see cref="RequestWrites"/>); writes by another process (a second web node,
/// the CLI) show after at most <see cref="Lifetime"/>. Deadlines are not cached here: they are derived per day and
/// calendar from the clock inputs (memoized in <see cref="RequestClocks"/>).
/// </summary>
public sealed class InboxSnapshots
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private sealed record Entry(long Generation, long LoadedAt, InboxSnapshot Snapshot);

    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();

    internal async Task<InboxSnapshot> GetAsync(Guid? agencyId, Func<CancellationToken, Task<InboxSnapshot>> load, CancellationToken ct)
    {
        var key = agencyId ?? Guid.Empty;
        var generation = RequestWrites.Generation; // read before loading: a write during the load makes the result stale at once
        if (_entries.TryGetValue(key, out var entry) && entry.Generation == generation
            && System.Diagnostics.Stopwatch.GetElapsedTime(entry.LoadedAt) < Lifetime)
            return entry.Snapshot;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var snapshot = await load(ct);
        _entries[key] = new Entry(generation, started, snapshot);
        return snapshot;
    }
}
