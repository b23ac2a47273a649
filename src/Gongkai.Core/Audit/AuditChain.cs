using Gongkai.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Audit;

/// <summary>Chains new audit entries onto the log during SaveChanges and refuses updates or deletes.</summary>
internal static class AuditChain
{
    private const int MaxAttempts = 5;

    public static async Task<int> SaveWithChainAsync(GongkaiDb db, Func<Task<int>> save, CancellationToken ct)
    {
        var tracked = db.ChangeTracker.Entries<AuditEntry>().ToList();
        if (tracked.Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("The audit log is append-only: entries cannot be changed or deleted.");
        var added = tracked.Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (added.Count == 0) return await save();

        for (var attempt = 1; ; attempt++)
        {
            var last = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence)
                .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
            var sequence = last?.Sequence ?? 0;
            var previous = last?.Hash ?? AuditEntry.GenesisHash;
            foreach (var entry in added)
            {
                entry.Sequence = ++sequence;
                entry.PreviousHash = previous;
                entry.Hash = previous = entry.ComputeHash();
            }
            try
            {
                return await save();
            }
            catch (DbUpdateException) when (attempt < MaxAttempts && db.Database.CurrentTransaction is null)
            {
                // Another writer may have appended first (the unique index on Sequence caught it); nothing
                // was committed, so re-chain onto the new tail and try again. Other failures are rethrown.
                if (!await SequenceTakenAsync(db, added[0].Sequence, ct)) throw;
            }
        }
    }

    private static async Task<bool> SequenceTakenAsync(GongkaiDb db, long sequence, CancellationToken ct) =>
        await db.AuditEntries.AsNoTracking().AnyAsync(e => e.Sequence == sequence, ct);
}
