namespace Gongkai.Calendar;

/// <summary>
/// What a calendar edit changed: the dates whose working-day status (or published status) differs
/// between the old and new calendar. Features with open deadlines register a
/// <see cref="ICalendarChangeHandler"/>; after an edit is saved every handler recomputes the
/// deadlines that <see cref="Affects"/> and writes the change into each record's history.
/// </summary>
public sealed class CalendarChange
{
    private readonly HashSet<DateOnly> _changed;

    public CalendarChange(WorkingCalendar before, WorkingCalendar after, int year, string reason)
    {
        Before = before;
        After = after;
        Year = year;
        Reason = reason;
        ChangedDates = before.DatesThatDiffer(after);
        _changed = [.. ChangedDates];
    }

    public WorkingCalendar Before { get; }

    public WorkingCalendar After { get; }

    /// <summary>The arrangement year that was added or corrected.</summary>
    public int Year { get; }

    /// <summary>Why, in Chinese, as entered by the admin (e.g. "国办发明电〔2026〕X号发布").</summary>
    public string Reason { get; }

    public IReadOnlyList<DateOnly> ChangedDates { get; }

    /// <summary>
    /// True when a deadline counted over (from, through] may have moved. Pass the later of the old
    /// due date and today as <paramref name="through"/>, since a change can also pull a deadline earlier.
    /// </summary>
    public bool Affects(DateOnly from, DateOnly through)
    {
        if (_changed.Count == 0) return false;
        if (through < from) (from, through) = (through, from);
        return ChangedDates.Any(d => d > from && d <= through);
    }

    /// <summary>The Chinese line a record's history shows, e.g. "工作日历变更（2027年安排：…），期限由…改为…".</summary>
    public string HistoryLine(DateOnly? oldDue, DateOnly? newDue) =>
        $"工作日历变更（{Year}年节假日安排：{Reason}）" + (oldDue == newDue
            ? "，期限不变。"
            : $"，期限由{(oldDue is { } o ? ChineseDate.Long(o) : "未定")}改为{(newDue is { } n ? ChineseDate.Long(n) : "未定")}。");
}

/// <summary>Implemented by each feature that stores deadlines (Requests, Catalog, Interaction) and registered once in DI.</summary>
public interface ICalendarChangeHandler
{
    /// <summary>Recompute the open deadlines the change affects and append the change to their history, in the caller's unit of work.</summary>
    Task<int> HandleAsync(CalendarChange change, CancellationToken cancellationToken);
}
