using Gongkai.Data;
using Gongkai.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Requests;

/// <summary>
/// Runs the inbox's reads once after the web app has started (every tab, a status page, the cross-agency overview), so
/// the first staff page of the process does not pay for compiling its EF queries and the JIT of the inbox code. Reads
/// only; nothing is written, logged or audited. Turned off with <c>Requests:WarmUpInboxOnStart=false</c>.
/// </summary>
public static class InboxWarmUp
{
    public static async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var snapshots = services.GetRequiredService<InboxSnapshots>();
        snapshots.Start();
        await snapshots.Preloaded.WaitAsync(ct);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
        var queries = scope.ServiceProvider.GetRequiredService<RequestQueries>();
        var agency = await db.Agencies.AsNoTracking().OrderBy(a => a.SortOrder).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct);
        if (agency is not { } agencyId) return;
        // The competent office's view: may look at every agency's inbox, as the inbox page's reads need.
        var reader = new StaffActor(Guid.Empty, "warm-up", agencyId, new HashSet<StaffRole> { StaffRole.platform_admin });
        await queries.AcrossAgenciesAsync(reader, ct);
        foreach (var view in new[] { "open", "overdue", "due_soon" })
            await queries.InboxAsync(reader, agencyId, new InboxFilter(view), ct);
        await queries.InboxAsync(reader, agencyId, new InboxFilter(Status: RequestStatus.Closed, Page: 2), ct);
        await queries.InboxAsync(reader, agencyId, new InboxFilter("open", HandlerId: "warm-up"), ct);
        await queries.InboxAsync(reader, agencyId, new InboxFilter(Status: RequestStatus.Closed, HandlerId: "warm-up"), ct);
    }
}
