using System.Data.Common;
using System.Runtime.CompilerServices;
using Gongkai.Agencies;
using Gongkai.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Gongkai.Catalog;

/// <summary>
/// A number that goes up whenever something the public disclosure column shows may have changed in
/// this process: a publication, revision, withdrawal or abolition (the public copy), an import (the
/// index counters), attachments, the guide and rules (catalogue settings), the agency itself, or an
/// annual report. Caches of rendered public pages put it in their key, so a change is seen at once.
/// </summary>
public sealed class CatalogVersion
{
    private long _value;

    public long Current => Interlocked.Read(ref _value);

    public void Bump() => Interlocked.Increment(ref _value);
}

/// <summary>
/// Bumps <see cref="CatalogVersion"/> after a save touching public catalogue data, and once more
/// when the surrounding transaction commits (a page rendered between the save and the commit saw
/// the old data; the second bump keeps it from being served afterwards).
/// </summary>
internal sealed class CatalogVersionInterceptor(CatalogVersion version) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly HashSet<Type> PublicTypes =
        [typeof(PublishedItem), typeof(IndexCounter), typeof(ItemAttachment), typeof(AgencyCatalogSettings), typeof(Agency), typeof(AnnualReport)];

    /// <summary>Contexts with a public change saved in a transaction that has not committed yet.</summary>
    private readonly ConditionalWeakTable<DbContext, object> _pending = new();
    private readonly ConditionalWeakTable<DbContext, object> _saving = new();

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
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && PublicTypes.Contains(entry.Metadata.ClrType))
            {
                _saving.AddOrUpdate(context, this);
                return;
            }
        }
    }

    private void Saved(DbContext? context)
    {
        if (context is null || !_saving.TryGetValue(context, out _)) return;
        _saving.Remove(context);
        version.Bump();
        if (context.Database.CurrentTransaction is not null) _pending.AddOrUpdate(context, this);
    }

    private void Committed(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out _)) return;
        _pending.Remove(context);
        version.Bump();
    }
}
