using Gongkai.Calendar;
using Gongkai.Common;
using Gongkai.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Catalog;

/// <summary>
/// An admin's calendar edit moves the Art. 26 publication deadline of items not yet published.
/// The deadline itself is always derived from the calendar in force; this handler writes the change
/// into each affected item's history (its audit trail, shown on the staff item page).
/// </summary>
public sealed class CatalogCalendarChanges(GongkaiDb db, TimeProvider clock) : ICalendarChangeHandler
{
    public const string Action = "catalog.calendar_changed";
    public const string Actor = "工作日历";

    public async Task<int> HandleAsync(CalendarChange change, CancellationToken cancellationToken)
    {
        var today = ChinaTime.Today(clock);
        var pending = await db.CatalogItems.AsNoTracking()
            .Where(i => i.Status == ItemStatus.draft || i.Status == ItemStatus.submitted || i.Status == ItemStatus.returned)
            .Select(i => new { i.Id, i.AgencyId, i.FormedOn })
            .ToListAsync(cancellationToken);
        var recomputed = 0;
        foreach (var item in pending)
        {
            if (!WorkingCalendar.Supports(item.FormedOn)) continue;
            var before = PublicationDeadline.Compute(change.Before, item.FormedOn).Due;
            var after = PublicationDeadline.Compute(change.After, item.FormedOn).Due;
            if (before == after || !change.Affects(item.FormedOn, before > today ? before : today)) continue;
            db.Audit.Record(Actor, item.AgencyId, Action, $"Item:{item.Id}", change.HistoryLine(before, after));
            recomputed++;
        }
        return recomputed;
    }
}
