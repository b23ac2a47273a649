using Gongkai.Data;
using Gongkai.Search;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Catalog;

/// <summary>
/// What publishing a version means, shared by the review workflow, the import and the demo data:
/// the public copy is replaced, the version is kept, pending attachment changes take effect, and
/// the search index follows — all in the caller's transaction.
/// </summary>
internal static class Publication
{
    /// <summary>Counter row (agency = empty, year = -1) for the running part of search keys.</summary>
    private const int SearchKeyCounterYear = -1;

    public static async Task<AgencyCatalogSettings> SettingsAsync(GongkaiDb db, Guid agencyId, CancellationToken ct) =>
        await db.CatalogSettings.FindAsync([agencyId], ct) ?? new AgencyCatalogSettings { AgencyId = agencyId };

    /// <summary>The next serial of a counter; counters only go up, so a number is never issued twice.</summary>
    public static async Task<long> NextAsync(GongkaiDb db, Guid agencyId, int year, CancellationToken ct)
    {
        var counter = db.IndexCounters.Local.FirstOrDefault(c => c.AgencyId == agencyId && c.Year == year)
            ?? await db.IndexCounters.FirstOrDefaultAsync(c => c.AgencyId == agencyId && c.Year == year, ct);
        if (counter is null)
        {
            counter = new IndexCounter { AgencyId = agencyId, Year = year };
            db.IndexCounters.Add(counter);
        }
        return ++counter.Last;
    }

    /// <summary>Reserves <paramref name="count"/> consecutive serials of a counter and returns the first.</summary>
    public static async Task<long> ReserveAsync(GongkaiDb db, Guid agencyId, int year, int count, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var first = await NextAsync(db, agencyId, year, ct);
        var counter = db.IndexCounters.Local.First(c => c.AgencyId == agencyId && c.Year == year);
        counter.Last += count - 1;
        return first;
    }

    /// <summary>Reserves running numbers for the search keys of <paramref name="count"/> new public copies; returns the first.</summary>
    public static Task<long> ReserveSearchKeysAsync(GongkaiDb db, int count, CancellationToken ct) =>
        ReserveAsync(db, Guid.Empty, SearchKeyCounterYear, count, ct);

    public static async Task<string> NextIndexNoAsync(GongkaiDb db, Guid agencyId, DateOnly publishedOn, DisclosureCategory category, CancellationToken ct)
    {
        var settings = await SettingsAsync(db, agencyId, ct);
        var creditCode = await db.Agencies.Where(a => a.Id == agencyId).Select(a => a.CreditCode).SingleAsync(ct);
        var serial = await NextAsync(db, agencyId, IndexNumbers.CounterYear(settings.IndexPattern, publishedOn), ct);
        return IndexNumbers.Format(settings.IndexPattern, creditCode, publishedOn, serial, category);
    }

    /// <summary>Copies the item's (already published) working copy to the public and the history.</summary>
    public static async Task<PublishedItem> PublishVersionAsync(GongkaiDb db, InformationItem item, string publishedBy, DateTimeOffset now, bool indexNow, CancellationToken ct)
    {
        var published = await db.PublishedItems.FindAsync([item.Id], ct);
        if (published is null)
        {
            var sequence = await NextAsync(db, Guid.Empty, SearchKeyCounterYear, ct);
            published = new PublishedItem { SearchKey = PublishedItem.MakeSearchKey(item.PublishedOn!.Value, sequence) };
            published.CopyFrom(item, now);
            db.PublishedItems.Add(published);
        }
        else
        {
            published.CopyFrom(item, now);
        }
        db.ItemVersions.Add(ItemVersion.Of(item, now, publishedBy));

        foreach (var a in await db.ItemAttachments.Where(a => a.ItemId == item.Id && a.RemovedAt == null).ToListAsync(ct))
        {
            if (a.PendingRemoval) a.RemovedAt = now;
            else a.PublishedAt ??= now;
        }
        if (indexNow) await new CatalogSearchIndex(db).PutAsync(published, ct);
        return published;
    }

    /// <summary>Carries a withdrawal or a change of validity over to the public copy.</summary>
    public static async Task UpdateStatusAsync(GongkaiDb db, InformationItem item, CancellationToken ct)
    {
        var published = await db.PublishedItems.FindAsync([item.Id], ct);
        published?.CopyStatusFrom(item);
    }
}
