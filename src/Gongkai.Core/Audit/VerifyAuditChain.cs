using Gongkai.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Audit;

/// <summary>Walks the audit log in order and reports the first entry whose chain is broken.</summary>
public sealed class VerifyAuditChain(GongkaiDb db)
{
    public sealed record Outcome(long EntriesChecked, long? BrokenSequence, string? Problem)
    {
        public bool Ok => BrokenSequence is null;
    }

    public async Task<Outcome> RunAsync(CancellationToken ct = default)
    {
        long expected = 1, checkedCount = 0;
        var previous = AuditEntry.GenesisHash;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (entry.Sequence != expected)
                return new(checkedCount, entry.Sequence, $"第 {entry.Sequence} 条之前缺少第 {expected} 条（记录被删除或序号被改动）。");
            if (entry.PreviousHash != previous)
                return new(checkedCount, entry.Sequence, $"第 {entry.Sequence} 条记录的“前一条哈希”与第 {expected - 1} 条不符（前一条记录被改动或替换）。");
            if (entry.ComputeHash() != entry.Hash)
                return new(checkedCount, entry.Sequence, $"第 {entry.Sequence} 条记录的内容与其哈希不符（该记录被改动）。");
            previous = entry.Hash;
            expected++;
            checkedCount++;
        }
        return new(checkedCount, null, null);
    }
}
