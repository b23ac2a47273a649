using Gongkai.Calendar;
using Gongkai.Common;
using Gongkai.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Requests;

/// <summary>
/// When an admin edits the calendar, each open request whose period the changed dates touch gets a
/// <see cref="RequestEventType.CalendarChanged"/> line in its log, saying how its deadline moved.
/// The deadline itself is derived from the log and the calendar in force, so nothing else is stored.
/// </summary>
public sealed class RequestCalendarChanges(GongkaiDb db, TimeProvider clock, RequestClocks clocks, RequestOptions options) : ICalendarChangeHandler
{
    public async Task<int> HandleAsync(CalendarChange change, CancellationToken cancellationToken)
    {
        if (change.ChangedDates.Count == 0) return 0;
        var today = ChinaTime.Today(clock);
        var before = clocks.With(change.Before);
        var after = clocks.With(change.After);
        var open = await db.DisclosureRequests.Include(r => r.Events).Where(r => r.IsOpen).ToListAsync(cancellationToken);
        var count = 0;
        foreach (var request in open)
        {
            var log = request.Events.OrderBy(e => e.Seq).Select(e => e.ToEvent()).ToList();
            // The period counts from the receipt, or from the latest reopening.
            var from = log.Last(e => e.Type is RequestEventType.Registered or RequestEventType.Reopened).On;
            var oldDue = before.Deadline(log, today).DueOn;
            var through = oldDue is { } d && d > today ? d : today;
            if (!change.Affects(from, through)) continue;
            var newDue = after.Deadline(log, today).DueOn;
            var on = log[^1].On > today ? log[^1].On : today;
            var e = new RequestEvent(RequestEventType.CalendarChanged, on) { Actor = "calendar", Note = change.HistoryLine(oldDue, newDue) };
            // The log was accepted under the old calendar; replaying it under the new one could refuse an
            // earlier step that was on time then (e.g. a 补正 notice on the 7th working day).
            if (request.Append(e, before.AddWorkingDays, clock.GetUtcNow(), options.Decisions) is null) count++;
        }
        return count;
    }
}
