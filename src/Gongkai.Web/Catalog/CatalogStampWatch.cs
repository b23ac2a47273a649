using System.Data.Common;
using Gongkai.Catalog;
using Gongkai.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Catalog;

/// <summary>
/// Notices catalogue changes saved by other processes (the <c>gongkai</c> command line, another web node): reads the
/// persisted <see cref="CatalogStamp"/> at most once per <see cref="Interval"/> — one primary-key read, done by the
/// first request after the interval while the others keep the last value — so the page cache key moves within about
/// a second of the other process's commit. Changes made in this process move <see cref="CatalogVersion"/> at once.
/// </summary>
public sealed class CatalogStampWatch(IServiceScopeFactory scopes, ILogger<CatalogStampWatch> log)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private string _value = "";
    /// <summary>Environment.TickCount64 of the last read; 0 before the first.</summary>
    private long _checkedAt;
    private int _reading;

    /// <summary>The stamp as last read (an opaque string), refreshed first when the last read is older than <see cref="Interval"/>.</summary>
    public async ValueTask<string> CurrentAsync()
    {
        var now = Environment.TickCount64;
        var checkedAt = Interlocked.Read(ref _checkedAt);
        if (checkedAt != 0 && now - checkedAt < (long)Interval.TotalMilliseconds) return Volatile.Read(ref _value);
        // One reader at a time; the requests meanwhile use the last value.
        if (Interlocked.CompareExchange(ref _reading, 1, 0) != 0) return Volatile.Read(ref _value);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
            var value = await db.Set<CatalogStamp>().AsNoTracking().Where(s => s.Id == CatalogStamp.RowId).Select(s => s.Value).FirstOrDefaultAsync();
            Volatile.Write(ref _value, value.ToString("N"));
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            // Keep serving with the last value; in-process changes still show at once. Tried again after the interval.
            log.LogWarning(e, "Could not read the catalogue stamp");
        }
        finally
        {
            Interlocked.Exchange(ref _checkedAt, Environment.TickCount64);
            Volatile.Write(ref _reading, 0);
        }
        return Volatile.Read(ref _value);
    }
}
