using Gongkai.Common;
namespace Gongkai.Calendar;

/// <summary>
/// The Chinese working-day calendar: a day is a working day when it is Monday–Friday and not in a
/// rest period, or a Saturday/Sunday the notice made a working day (调休上班). Built once from the
/// embedded years plus run-time overrides (an admin adding 2027 or correcting a year); every query
/// afterwards is an array lookup, so "add N working days" costs O(1).
/// Years without a published arrangement fall back to weekends-only and every answer touching them
/// says so (<see cref="IsPublished"/>, <see cref="DeadlineResult.Flagged"/>) — never a silent guess.
/// </summary>
public sealed class WorkingCalendar
{
    public const int FirstSupportedYear = 1990;
    public const int LastSupportedYear = 2199;

    /// <summary>
    /// Named rule: from this day of December on, a day also depends on the NEXT year's notice
    /// (the New Year break has started as early as 12-30 and a make-up day has fallen on 12-29,
    /// spec/holidays.md §1). We take a week's margin: 24–31 December count as published only when
    /// the next year's arrangement is known.
    /// </summary>
    public static readonly (int Month, int Day) YearEndWindowStart = (12, 24);

    private static readonly int BaseDayNumber = new DateOnly(FirstSupportedYear, 1, 1).DayNumber;
    private static readonly int EndDayNumber = new DateOnly(LastSupportedYear, 12, 31).DayNumber;

    private readonly DayKind[] _kinds;
    private readonly HolidayPeriod?[] _periods;
    private readonly bool[] _unpublished;
    private readonly int[] _workingThrough;     // working days in [base, i]
    private readonly int[] _unpublishedThrough; // unpublished days in [base, i]
    private readonly int[] _workingDayOffsets;  // offset of the (j+1)-th working day
    private readonly SortedDictionary<int, YearArrangement> _years;
    private readonly HashSet<int> _overriddenYears;

    private WorkingCalendar(IEnumerable<YearArrangement> embedded, IEnumerable<YearArrangement> overrides)
    {
        _years = new SortedDictionary<int, YearArrangement>();
        foreach (var y in embedded) _years[y.Year] = y;
        _overriddenYears = [];
        foreach (var y in overrides)
        {
            _years[y.Year] = y;
            _overriddenYears.Add(y.Year);
        }

        var n = EndDayNumber - BaseDayNumber + 1;
        _kinds = new DayKind[n];
        _periods = new HolidayPeriod?[n];
        _unpublished = new bool[n];
        for (var i = 0; i < n; i++)
        {
            var d = DateOnly.FromDayNumber(BaseDayNumber + i);
            _kinds[i] = IsWeekend(d) ? DayKind.Weekend : DayKind.Workday;
            _unpublished[i] = !_years.ContainsKey(GoverningYear(d));
        }
        foreach (var year in _years.Values)
        {
            foreach (var h in year.Holidays)
            {
                for (var d = h.FirstDayOff; d <= h.LastDayOff; d = d.AddDays(1))
                {
                    var i = d.DayNumber - BaseDayNumber;
                    _kinds[i] = IsWeekend(d) ? DayKind.HolidayWeekend : DayKind.Holiday;
                    _periods[i] = h;
                }
                foreach (var w in h.MakeUpWorkdays)
                {
                    var i = w.DayNumber - BaseDayNumber;
                    _kinds[i] = DayKind.MakeUpWorkday;
                    _periods[i] = h;
                }
            }
        }

        _workingThrough = new int[n];
        _unpublishedThrough = new int[n];
        var offsets = new List<int>(n * 5 / 7);
        int working = 0, unpublished = 0;
        for (var i = 0; i < n; i++)
        {
            if (IsWorking(_kinds[i]))
            {
                working++;
                offsets.Add(i);
            }
            if (_unpublished[i]) unpublished++;
            _workingThrough[i] = working;
            _unpublishedThrough[i] = unpublished;
        }
        _workingDayOffsets = offsets.ToArray();
    }

    /// <summary>The calendar of the embedded 2008–2026 data alone (no database).</summary>
    public static WorkingCalendar Embedded { get; } = new(EmbeddedArrangements.All, []);

    /// <summary>
    /// The embedded years with some years replaced or added. Invalid overrides are refused with
    /// their errors rather than half-applied.
    /// </summary>
    public static Result<WorkingCalendar> Create(IEnumerable<YearArrangement> overrides) =>
        Create(EmbeddedArrangements.All, overrides);

    public static Result<WorkingCalendar> Create(IEnumerable<YearArrangement> embedded, IEnumerable<YearArrangement> overrides)
    {
        var list = overrides.ToList();
        var errors = list.SelectMany(o => o.Validate()).ToList();
        errors.AddRange(list.GroupBy(o => o.Year).Where(g => g.Count() > 1)
            .Select(g => new Error("year_overridden_twice", $"{g.Key}年有多条修订记录，请只保留一条。")));
        return errors.Count > 0 ? Result<WorkingCalendar>.Fail(errors) : Result<WorkingCalendar>.Ok(new WorkingCalendar(embedded, list));
    }

    public static bool IsWeekend(DateOnly d) => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    public static bool Supports(DateOnly d) => d.DayNumber >= BaseDayNumber && d.DayNumber <= EndDayNumber;

    /// <summary>The year whose notice decides this day: the next year's for the end-of-December window.</summary>
    public static int GoverningYear(DateOnly d) =>
        d.Month == YearEndWindowStart.Month && d.Day >= YearEndWindowStart.Day ? d.Year + 1 : d.Year;

    public IReadOnlyCollection<YearArrangement> Years => _years.Values;

    public YearArrangement? Arrangement(int year) => _years.GetValueOrDefault(year);

    public bool IsOverridden(int year) => _overriddenYears.Contains(year);

    public bool IsPublished(int year) => _years.ContainsKey(year);

    public bool IsWorkingDay(DateOnly d) => IsWorking(_kinds[Index(d)]);

    public CalendarDay Day(DateOnly d)
    {
        var i = Index(d);
        return new CalendarDay(d, _kinds[i], _periods[i], !_unpublished[i]);
    }

    /// <summary>
    /// The N-th working day after <paramref name="start"/>; the start day itself is never counted
    /// (次日起算, see <see cref="StartDayRule"/>). N = 0 returns the start day.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        if (workingDays == 0) return start;
        var j = _workingThrough[Index(start)] + workingDays - 1;
        if (j >= _workingDayOffsets.Length)
            throw new ArgumentOutOfRangeException(nameof(workingDays), $"The result lies beyond {LastSupportedYear}.");
        return DateOnly.FromDayNumber(BaseDayNumber + _workingDayOffsets[j]);
    }

    /// <summary>Working days in (from, to]: the inverse of <see cref="AddWorkingDays"/>; negative when to is before from.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to) => _workingThrough[Index(to)] - _workingThrough[Index(from)];

    /// <summary>True when some day in (from, to] has no published arrangement.</summary>
    public bool TouchesUnpublished(DateOnly from, DateOnly to)
    {
        if (to < from) (from, to) = (to, from);
        return _unpublishedThrough[Index(to)] - _unpublishedThrough[Index(from)] > 0;
    }

    /// <summary>The years whose missing notice makes some day of (from, to] a guess, in order.</summary>
    public IReadOnlyList<int> UnpublishedYears(DateOnly from, DateOnly to)
    {
        if (!TouchesUnpublished(from, to)) return [];
        var years = new SortedSet<int>();
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            if (_unpublished[Index(d)]) years.Add(GoverningYear(d));
        }
        return years.ToList();
    }

    /// <summary>Dates whose working-day status differs between two calendars (what a calendar edit changed).</summary>
    public IReadOnlyList<DateOnly> DatesThatDiffer(WorkingCalendar other)
    {
        var changed = new List<DateOnly>();
        for (var i = 0; i < _kinds.Length; i++)
        {
            if (IsWorking(_kinds[i]) != IsWorking(other._kinds[i]) || _unpublished[i] != other._unpublished[i])
                changed.Add(DateOnly.FromDayNumber(BaseDayNumber + i));
        }
        return changed;
    }

    public DeadlineResult ComputeDeadline(DeadlineRequest request) => DeadlineExplainer.Explain(this, request);

    /// <summary>Shorthand: N working days after a start date, start day not counted, explained.</summary>
    public DeadlineResult ComputeDeadline(DateOnly start, int workingDays) => ComputeDeadline(new DeadlineRequest(start, workingDays));

    private static bool IsWorking(DayKind k) => k is DayKind.Workday or DayKind.MakeUpWorkday;

    private static int Index(DateOnly d)
    {
        if (!Supports(d))
            throw new ArgumentOutOfRangeException(nameof(d), d, $"Dates must lie between {FirstSupportedYear} and {LastSupportedYear}.");
        return d.DayNumber - BaseDayNumber;
    }
}

public enum DayKind : byte
{
    Workday,
    Weekend,
    /// <summary>A Monday–Friday inside a rest period: the days that make holidays matter.</summary>
    Holiday,
    /// <summary>A Saturday/Sunday inside a rest period (rest anyway).</summary>
    HolidayWeekend,
    /// <summary>A Saturday/Sunday made a working day (调休上班).</summary>
    MakeUpWorkday,
}

/// <param name="Period">The rest period the day belongs to, or whose make-up day it is.</param>
/// <param name="Published">False when the governing year's notice is not in the calendar (weekends-only guess).</param>
public readonly record struct CalendarDay(DateOnly Date, DayKind Kind, HolidayPeriod? Period, bool Published)
{
    public bool IsWorkingDay => Kind is DayKind.Workday or DayKind.MakeUpWorkday;
}
