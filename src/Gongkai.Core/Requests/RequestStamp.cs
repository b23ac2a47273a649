using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Requests;

/// <summary>
/// One row per agency with requests whose <see cref="Value"/> is set to a new random value by every save that adds,
/// changes or removes one of its requests or request events, in that save's own transaction — whichever process saves
/// (web, the <c>gongkai</c> command line, the demo seeder). A reader that sees a new value therefore also sees the
/// change. Written by <see cref="Gongkai.Data.SaveSignals"/>; read by <see cref="InboxSnapshots"/> at most once a second
/// to reload only the inboxes another process wrote to. Random rather than a counter, as <see cref="Gongkai.Catalog.CatalogStamp"/>.
/// </summary>
public sealed class RequestStamp
{
    public Guid AgencyId { get; set; }
    public Guid Value { get; set; }
}

public sealed class RequestStampConfiguration : IEntityTypeConfiguration<RequestStamp>
{
    public void Configure(EntityTypeBuilder<RequestStamp> b)
    {
        b.ToTable("request_stamps");
        b.HasKey(s => s.AgencyId);
        b.Property(s => s.AgencyId).ValueGeneratedNever();
    }
}

/// <summary>
/// The stamp values this process wrote, each with the value it replaced as read just before the save: a stamp that
/// moved only by this process's writes needs no reload, as those writes are patched into the snapshots already
/// (<see cref="RequestWrites"/>). Process-wide like <see cref="RequestWrites"/>; the oldest are forgotten.
/// </summary>
public static class OwnRequestStamps
{
    private const int Kept = 100_000;
    private static readonly ConcurrentDictionary<Guid, Guid> Replaced = new();
    private static readonly ConcurrentQueue<Guid> Order = new();

    public static void Wrote(Guid value, Guid replaced)
    {
        Replaced[value] = replaced;
        Order.Enqueue(value);
        while (Order.Count > Kept && Order.TryDequeue(out var old)) Replaced.TryRemove(old, out _);
    }

    /// <summary>Whether <paramref name="now"/> was reached from <paramref name="seen"/> by this process's writes alone.</summary>
    public static bool OnlyOwnSince(Guid seen, Guid now)
    {
        for (var steps = 0; now != seen; steps++)
        {
            if (steps > 10_000 || !Replaced.TryGetValue(now, out var before)) return false;
            now = before;
        }
        return true;
    }
}
