using System.Data.Common;
using System.Runtime.CompilerServices;
using Gongkai.Agencies;
using Gongkai.Catalog;
using Gongkai.Reporting;
using Gongkai.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Gongkai.Data;

/// <summary>
/// Tells the in-process caches that a save changed what they hold, from one look at the change
/// tracker per save: public catalogue data moves <see cref="CatalogVersion"/> (public page cache),
/// requests and their events move <see cref="RequestWrites"/> with the ids of the requests written (inbox snapshots). Each signal fires
/// after the save and once more when the surrounding transaction commits (a page rendered between
/// the save and the commit saw the old data; the second signal keeps it from being served afterwards).
/// For other processes, a save of public catalogue data also gives the single <see cref="CatalogStamp"/> row a
/// new value within the same save, which the web process's page cache polls (see <c>CatalogStampWatch</c>); a save of
/// requests or request events likewise gives their agencies' <see cref="RequestStamp"/> rows new values, which the
/// inbox snapshots poll (see <see cref="InboxSnapshots"/>).
/// </summary>
internal sealed class SaveSignals(CatalogVersion catalogVersion) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    [Flags]
    private enum Changed { None = 0, Catalog = 1, Requests = 2 }

    private static readonly HashSet<Type> PublicCatalogTypes =
        [typeof(PublishedItem), typeof(IndexCounter), typeof(ItemAttachment), typeof(AgencyCatalogSettings), typeof(Agency), typeof(AnnualReport)];

    private sealed class Box(Changed value, List<ChangedRequest> requests)
    {
        public Changed Value = value;
        public readonly List<ChangedRequest> Requests = requests;
    }

    /// <summary>What the save in progress changes, per context.</summary>
    private readonly ConditionalWeakTable<DbContext, Box> _saving = new();
    /// <summary>What was saved in a transaction that has not committed yet, per context.</summary>
    private readonly ConditionalWeakTable<DbContext, Box> _pending = new();

    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        if (Note(eventData.Context) is { Count: > 0 } requests) await StampRequestsAsync(eventData.Context!, requests, sync: false, ct);
        return result;
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (Note(eventData.Context) is { Count: > 0 } requests) StampRequestsAsync(eventData.Context!, requests, sync: true, default).GetAwaiter().GetResult();
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    /// <summary>Notes what the save changes; returns the requests it writes (for their agencies' stamps).</summary>
    private List<ChangedRequest>? Note(DbContext? context)
    {
        if (context is null) return null;
        var changed = Changed.None;
        var requests = new List<ChangedRequest>();
        List<Guid>? newAgencies = null;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            if (entry.Entity is DisclosureRequest request)
            {
                changed |= Changed.Requests;
                requests.Add(new ChangedRequest(request.Id, request.AgencyId, entry.State == EntityState.Added));
            }
            else if (entry.Entity is RequestEventRow line)
            {
                changed |= Changed.Requests;
                requests.Add(new ChangedRequest(line.RequestId, null));
            }
            else if (PublicCatalogTypes.Contains(entry.Metadata.ClrType))
            {
                changed |= Changed.Catalog;
                if (entry is { Entity: Agency agency, State: EntityState.Added }) (newAgencies ??= []).Add(agency.Id);
            }
        }
        // A new agency gets its request stamp row with it, so its first requests only update the row (no insert race).
        foreach (var id in newAgencies ?? [])
            if (context.ChangeTracker.Entries<RequestStamp>().All(e => e.Entity.AgencyId != id)) context.Add(new RequestStamp { AgencyId = id });
        if (changed == Changed.None) return null;
        if (changed.HasFlag(Changed.Catalog)) Stamp(context);
        _saving.AddOrUpdate(context, new Box(changed, requests));
        return requests;
    }

    /// <summary>
    /// Gives the <see cref="RequestStamp"/> of every agency whose requests this save writes a new value in this save
    /// (so in its transaction), for other processes' inbox snapshots; the row is added with the agency's first request.
    /// Each value is remembered with the one it replaced (<see cref="OwnRequestStamps"/>), so this process's own
    /// snapshots, patched already, are not reloaded for it. A bare request event names its request only: its agency is
    /// that of the tracked request, or read by key.
    /// </summary>
    private static async Task StampRequestsAsync(DbContext context, List<ChangedRequest> requests, bool sync, CancellationToken ct)
    {
        var agencies = new HashSet<Guid>();
        var unknown = new List<Guid>();
        Dictionary<Guid, Guid>? tracked = null;
        foreach (var r in requests)
        {
            if (r.AgencyId is { } a) { agencies.Add(a); continue; }
            tracked ??= context.ChangeTracker.Entries<DisclosureRequest>().ToDictionary(e => e.Entity.Id, e => e.Entity.AgencyId);
            if (tracked.TryGetValue(r.Id, out var t)) agencies.Add(t);
            else unknown.Add(r.Id);
        }
        foreach (var entry in context.ChangeTracker.Entries<DisclosureRequest>())
            if (entry.State == EntityState.Modified && entry.Property(x => x.AgencyId).IsModified)
                agencies.Add(entry.Property(x => x.AgencyId).OriginalValue); // moved to another agency: both inboxes change
        if (unknown.Count > 0)
        {
            var query = context.Set<DisclosureRequest>().AsNoTracking().Where(x => unknown.Contains(x.Id)).Select(x => x.AgencyId).Distinct();
            agencies.UnionWith(sync ? query.ToList() : await query.ToListAsync(ct));
        }
        if (agencies.Count == 0) return;
        // Rows added in this save are new; the others are read again even when tracked, as another process may have moved them since.
        var stamps = context.ChangeTracker.Entries<RequestStamp>().ToDictionary(e => e.Entity.AgencyId);
        var toRead = agencies.Where(a => !(stamps.TryGetValue(a, out var e) && e.State == EntityState.Added)).ToList();
        var current = new Dictionary<Guid, Guid>();
        if (toRead.Count > 0)
        {
            var query = context.Set<RequestStamp>().AsNoTracking().Where(s => toRead.Contains(s.AgencyId));
            foreach (var s in sync ? query.ToList() : await query.ToListAsync(ct)) current[s.AgencyId] = s.Value;
        }
        foreach (var agency in agencies)
        {
            var value = Guid.NewGuid();
            if (stamps.TryGetValue(agency, out var entry) && entry.State == EntityState.Added)
            {
                OwnRequestStamps.Wrote(value, Guid.Empty);
                entry.Entity.Value = value;
            }
            else if (current.TryGetValue(agency, out var before))
            {
                OwnRequestStamps.Wrote(value, before);
                var attached = entry ?? context.Attach(new RequestStamp { AgencyId = agency });
                attached.Entity.Value = value;
                attached.Property(s => s.Value).IsModified = true;
            }
            else
            {
                OwnRequestStamps.Wrote(value, Guid.Empty); // a new row: whoever saw no row saw the empty value
                context.Add(new RequestStamp { AgencyId = agency, Value = value });
            }
        }
    }

    /// <summary>Gives the persisted <see cref="CatalogStamp"/> a new value in this save (so in its transaction), for other processes.</summary>
    private static void Stamp(DbContext context)
    {
        var entry = context.ChangeTracker.Entries<CatalogStamp>().FirstOrDefault() ?? context.Attach(new CatalogStamp());
        entry.Entity.Value = Guid.NewGuid();
        entry.Property(s => s.Value).IsModified = true;
    }

    private void Saved(DbContext? context)
    {
        if (context is null || !_saving.TryGetValue(context, out var saved)) return;
        _saving.Remove(context);
        Signal(saved);
        if (context.Database.CurrentTransaction is null) return;
        if (_pending.TryGetValue(context, out var pending))
        {
            pending.Value |= saved.Value;
            pending.Requests.AddRange(saved.Requests);
        }
        else _pending.AddOrUpdate(context, new Box(saved.Value, [.. saved.Requests]));
    }

    private void Committed(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending)) return;
        _pending.Remove(context);
        Signal(pending);
    }

    private void Signal(Box changed)
    {
        if (changed.Value.HasFlag(Changed.Catalog)) catalogVersion.Bump();
        if (changed.Value.HasFlag(Changed.Requests)) RequestWrites.Happened(changed.Requests.Distinct().ToList());
    }
}
