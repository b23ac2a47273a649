using Gongkai.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Calendar;

/// <summary>
/// The calendar in force: the embedded years plus the override table. Every caller (pages, the
/// request clock, the CLI) asks here, so an admin's edit applies everywhere at once. The override
/// rows are read on each call (a tiny table), the built calendar is shared through
/// <see cref="WorkingCalendarCache"/> as long as no row changed — which keeps several web nodes consistent.
/// </summary>
public sealed class CalendarStore(GongkaiDb db, WorkingCalendarCache cache)
{
    public async Task<WorkingCalendar> CurrentAsync(CancellationToken ct = default)
    {
        var rows = await db.Set<CalendarYearOverride>().AsNoTracking().OrderBy(o => o.Year).ToListAsync(ct);
        return cache.Get(rows);
    }

    /// <summary>The same, for synchronous callers (the request clock's working-day delegate); one query on a tiny table.</summary>
    public WorkingCalendar Current() =>
        cache.Get(db.Set<CalendarYearOverride>().AsNoTracking().OrderBy(o => o.Year).ToList());

    /// <summary>The calendar with one year replaced (or removed when <paramref name="arrangement"/> is null), for previewing an edit.</summary>
    internal static Common.Result<WorkingCalendar> With(WorkingCalendar current, int year, YearArrangement? arrangement)
    {
        var overrides = current.Years.Where(y => current.IsOverridden(y.Year) && y.Year != year).ToList();
        if (arrangement is not null) overrides.Add(arrangement);
        return WorkingCalendar.Create(overrides);
    }
}

/// <summary>Holds the last built calendar, keyed by the override rows' years and versions.</summary>
public sealed class WorkingCalendarCache
{
    private readonly Lock _lock = new();
    private string _key = "";
    private WorkingCalendar _calendar = WorkingCalendar.Embedded;

    public WorkingCalendar Get(IReadOnlyList<CalendarYearOverride> rows)
    {
        var key = string.Join(",", rows.Select(r => $"{r.Year}:{r.Version}"));
        lock (_lock)
        {
            if (key == _key) return _calendar;
        }
        // A row that no longer parses or validates is left out rather than taking the calendar down;
        // the staff calendar page shows the embedded year for it, so the admin sees and fixes it.
        var arrangements = new List<YearArrangement>();
        foreach (var row in rows)
        {
            try
            {
                var a = row.ToArrangement();
                if (a.Year == row.Year && a.Validate().Count == 0) arrangements.Add(a);
            }
            catch (System.Text.Json.JsonException)
            {
            }
        }
        var built = WorkingCalendar.Create(arrangements).Value;
        lock (_lock)
        {
            (_key, _calendar) = (key, built);
        }
        return built;
    }
}
