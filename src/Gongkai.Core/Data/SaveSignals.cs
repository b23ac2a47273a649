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
/// new value within the same save, which the web process's page cache polls (see <c>CatalogStampWatch</c>).
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

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
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

    private void Note(DbContext? context)
    {
        if (context is null) return;
        var changed = Changed.None;
        var requests = new List<ChangedRequest>();
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
            else if (PublicCatalogTypes.Contains(entry.Metadata.ClrType)) changed |= Changed.Catalog;
        }
        if (changed == Changed.None) return;
        if (changed.HasFlag(Changed.Catalog)) Stamp(context);
        _saving.AddOrUpdate(context, new Box(changed, requests));
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
