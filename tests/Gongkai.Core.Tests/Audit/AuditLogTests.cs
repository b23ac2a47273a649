using Gongkai.Audit;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Tests.Audit;

public class AuditLogTests
{
    [Fact]
    public async Task Entries_recorded_across_saves_form_one_gapless_chain_that_verifies()
    {
        await using var test = await TestDatabase.CreateAsync();
        for (var i = 0; i < 3; i++)
        {
            var db = test.NewDb();
            db.Audit.Record("tester", null, "test.write", $"Thing:{i}", $"第 {i} 次");
            db.Audit.Record("tester", null, "test.write", $"Thing:{i}b", $"第 {i} 次（附）");
            await db.SaveChangesAsync();
        }
        var entries = await test.NewDb().AuditEntries.OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal([1L, 2, 3, 4, 5, 6], entries.Select(e => e.Sequence));
        Assert.Equal(AuditEntry.GenesisHash, entries[0].PreviousHash);
        for (var i = 1; i < entries.Count; i++) Assert.Equal(entries[i - 1].Hash, entries[i].PreviousHash);
        Assert.True((await test.Get<VerifyAuditChain>().RunAsync()).Ok);
    }

    [Fact]
    public async Task Concurrent_writers_each_get_their_own_sequence_number_without_breaking_the_chain()
    {
        await using var test = await TestDatabase.CreateAsync();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            var db = test.NewDb();
            db.Audit.Record($"writer{i}", null, "test.write", $"Thing:{i}", "并发写入");
            await db.SaveChangesAsync();
        }));
        var outcome = await test.Get<VerifyAuditChain>().RunAsync();
        Assert.True(outcome.Ok, outcome.Problem);
        Assert.Equal(8, outcome.EntriesChecked);
    }

    [Fact]
    public async Task Changing_or_deleting_an_entry_through_ef_is_refused_before_reaching_the_database()
    {
        await using var test = await TestDatabase.CreateAsync();
        var db = test.NewDb();
        db.Audit.Record("tester", null, "test.write", "Thing:1", "原文");
        await db.SaveChangesAsync();

        var entry = await db.AuditEntries.SingleAsync();
        db.Entry(entry).Property(e => e.Summary).CurrentValue = "改过";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        var other = test.NewDb();
        other.AuditEntries.Remove(await other.AuditEntries.SingleAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => other.SaveChangesAsync());
        Assert.Equal("原文", (await test.NewDb().AuditEntries.SingleAsync()).Summary);
    }

    [Fact]
    public void The_hash_changes_when_any_recorded_field_changes()
    {
        var entry = new AuditEntry { Sequence = 1, At = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000), Actor = "a", Action = "x.y", Entity = "E:1", Summary = "s", PreviousHash = AuditEntry.GenesisHash };
        var original = entry.ComputeHash();
        entry.Summary = "t";
        Assert.NotEqual(original, entry.ComputeHash());
        entry.Summary = "s";
        entry.AgencyId = Guid.NewGuid();
        Assert.NotEqual(original, entry.ComputeHash());
    }
}
