using Gongkai.Catalog;
using Gongkai.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Core.Tests.Catalog;

/// <summary>The persisted catalogue stamp other processes' page caches watch: moved by catalogue saves only, in their transaction.</summary>
public sealed class CatalogStampTests : IAsyncLifetime
{
    private readonly CatalogTestDb db = new();

    public Task InitializeAsync() => db.InitializeAsync();

    public Task DisposeAsync() => db.DisposeAsync();

    private Task<Guid> StampAsync() => db.RunAsync(sp => sp.GetRequiredService<GongkaiDb>().Set<CatalogStamp>().AsNoTracking().Select(s => s.Value).SingleAsync());

    [Fact]
    public async Task Each_catalogue_save_gives_a_new_stamp_and_other_saves_leave_it()
    {
        var before = await StampAsync();
        await db.RunAsync(async sp =>
        {
            var gk = sp.GetRequiredService<GongkaiDb>();
            gk.Audit.Record("test", null, "test.noop", "Test:1", "与目录无关的保存");
            return await gk.SaveChangesAsync();
        });
        Assert.Equal(before, await StampAsync());

        var seen = new List<Guid>();
        await db.RunAsync(async sp =>
        {
            var gk = sp.GetRequiredService<GongkaiDb>();
            var agency = await gk.Agencies.SingleAsync(a => a.Id == db.AgencyB);
            gk.Entry(agency).Property(a => a.Name).CurrentValue = "测试县民政局（一）";
            await gk.SaveChangesAsync();
            seen.Add(await StampAsync());
            // A second save in the same context updates the row it already tracks.
            gk.Entry(agency).Property(a => a.Name).CurrentValue = "测试县民政局";
            await gk.SaveChangesAsync();
            seen.Add(await StampAsync());
            return 0;
        });
        Assert.Equal(3, new[] { before }.Concat(seen).Distinct().Count());
    }

    [Fact]
    public async Task A_rolled_back_catalogue_save_leaves_the_stamp()
    {
        var before = await StampAsync();
        await db.RunAsync(async sp =>
        {
            var gk = sp.GetRequiredService<GongkaiDb>();
            await using var tx = await gk.Database.BeginTransactionAsync();
            gk.Entry(await gk.Agencies.SingleAsync(a => a.Id == db.AgencyB)).Property(a => a.Name).CurrentValue = "回滚测试";
            await gk.SaveChangesAsync();
            await tx.RollbackAsync();
            return 0;
        });
        Assert.Equal(before, await StampAsync());
    }
}
