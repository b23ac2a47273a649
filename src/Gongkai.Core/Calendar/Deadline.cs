namespace Gongkai.Calendar;

/// <summary>
/// Named rule for the first day of a period. The regulation does not say whether the start day
/// (e.g. the day the request was received) counts; general Chinese practice (民法典 Art. 201) and
/// the fee measures ("收到收费通知次日起") count from the next day, which is our default.
/// </summary>
public enum StartDayRule
{
    /// <summary>次日起算: the start day is not counted, the period begins the next day (default).</summary>
    NextDay,
    /// <summary>当日起算: the start day counts when it is a working day.</summary>
    SameDay,
}

/// <param name="Start">The date the period runs from (receipt, formation of the information, …).</param>
/// <param name="StartLabel">What the start date is, in Chinese, e.g. "收到申请之日".</param>
/// <param name="Basis">The rule that sets the period, in Chinese, e.g. "《政府信息公开条例》第三十三条".</param>
public sealed record DeadlineRequest(
    DateOnly Start,
    int WorkingDays,
    StartDayRule Rule = StartDayRule.NextDay,
    string? StartLabel = null,
    string? Basis = null);

/// <summary>A rest period met while counting: which of its weekdays were skipped, which of its make-up days were counted.</summary>
public sealed record HolidayNote(string Name, DateOnly FirstDayOff, DateOnly LastDayOff, IReadOnlyList<DateOnly> Skipped, IReadOnlyList<DateOnly> MadeUp);

/// <summary>A computed deadline with its explanation, as shown wherever the deadline is shown.</summary>
/// <param name="Skipped">Monday–Friday days off inside the counted range (the days the holidays cost); ordinary weekends are not listed.</param>
/// <param name="MadeUp">Weekend make-up working days (调休上班) inside the counted range, counted as working days.</param>
/// <param name="Flagged">True when a day of the range lies in a year whose arrangement is not published (weekends-only guess).</param>
public sealed record DeadlineResult(
    DateOnly Start,
    int WorkingDays,
    StartDayRule Rule,
    DateOnly Due,
    string Explanation,
    IReadOnlyList<DateOnly> Skipped,
    IReadOnlyList<DateOnly> MadeUp,
    IReadOnlyList<HolidayNote> Holidays,
    bool Flagged,
    IReadOnlyList<int> UnpublishedYears);

internal static class DeadlineExplainer
{
    public static DeadlineResult Explain(WorkingCalendar calendar, DeadlineRequest r)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(r.WorkingDays);
        // SameDay counts the start day itself, i.e. counting "after" the day before.
        var countAfter = r.Rule == StartDayRule.SameDay ? r.Start.AddDays(-1) : r.Start;
        var due = calendar.AddWorkingDays(countAfter, r.WorkingDays);
        var notes = RangeNotes(calendar, countAfter, due);
        var unpublished = calendar.UnpublishedYears(countAfter, due);

        var label = r.StartLabel is null ? "" : "，" + r.StartLabel;
        var text = new System.Text.StringBuilder();
        text.Append(r.Rule == StartDayRule.NextDay
            ? $"自{ChineseDate.WithWeekday(r.Start, label)}的次日起计算（起算日当天不计入）"
            : $"自{ChineseDate.WithWeekday(r.Start, label)}当日起计算（起算日为工作日的计入）");
        text.Append(r.WorkingDays == 0
            ? $"，期限为当日。"
            : $"，计{r.WorkingDays}个工作日，期限届满日为{ChineseDate.WithWeekday(due)}。");
        AppendHolidayNotes(text, notes);
        if (r.Basis is not null) text.Append($"依据：{r.Basis}。");
        AppendUnpublishedWarning(text, unpublished);

        return new DeadlineResult(r.Start, r.WorkingDays, r.Rule, due, text.ToString(),
            notes.SelectMany(n => n.Skipped).Order().ToList(),
            notes.SelectMany(n => n.MadeUp).Order().ToList(),
            notes, unpublished.Count > 0, unpublished);
    }

    /// <summary>The rest periods touching (after, through]: skipped weekdays and counted make-up days, grouped by holiday.</summary>
    public static IReadOnlyList<HolidayNote> RangeNotes(WorkingCalendar calendar, DateOnly after, DateOnly through)
    {
        var notes = new List<HolidayNote>();
        HolidayPeriod? current = null;
        List<DateOnly> skipped = [], madeUp = [];
        for (var d = after.AddDays(1); d <= through; d = d.AddDays(1))
        {
            var day = calendar.Day(d);
            if (day.Period is null || day.Kind == DayKind.HolidayWeekend) continue;
            if (!ReferenceEquals(day.Period, current))
            {
                Flush();
                current = day.Period;
            }
            (day.Kind == DayKind.MakeUpWorkday ? madeUp : skipped).Add(d);
        }
        Flush();
        // A holiday may be met twice (make-up day before, rest period after): merge by period.
        return notes.GroupBy(n => (n.Name, n.FirstDayOff))
            .Select(g => new HolidayNote(g.Key.Name, g.Key.FirstDayOff, g.First().LastDayOff,
                g.SelectMany(n => n.Skipped).ToList(), g.SelectMany(n => n.MadeUp).ToList()))
            .ToList();

        void Flush()
        {
            if (current is not null && (skipped.Count > 0 || madeUp.Count > 0))
                notes.Add(new HolidayNote(current.Name, current.FirstDayOff, current.LastDayOff, skipped, madeUp));
            skipped = [];
            madeUp = [];
        }
    }

    public static void AppendHolidayNotes(System.Text.StringBuilder text, IReadOnlyList<HolidayNote> notes)
    {
        foreach (var n in notes)
        {
            var parts = new List<string>();
            if (n.Skipped.Count > 0)
                parts.Add($"其中{ChineseDate.Runs(n.Skipped)}为周一至周五的放假日，不计入工作日");
            if (n.MadeUp.Count > 0)
                parts.Add($"{string.Join("、", n.MadeUp.Select(d => ChineseDate.WithWeekday(d)))}为调休上班日，计为工作日");
            text.Append($"其间{n.Name}放假{ChineseDate.Period(n.FirstDayOff, n.LastDayOff)}，{string.Join("；", parts)}。");
        }
    }

    public static void AppendUnpublishedWarning(System.Text.StringBuilder text, IReadOnlyList<int> years)
    {
        foreach (var y in years)
            text.Append($"注意：{y}年节假日安排尚未发布，相关日期暂按仅周六、周日休息计算，通知发布后期限可能变化。");
    }
}

/// <summary>Chinese date wording for explanations.</summary>
public static class ChineseDate
{
    private static readonly string[] Weekdays = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];

    public static string Long(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";

    public static string Weekday(DateOnly d) => Weekdays[(int)d.DayOfWeek];

    public static string WithWeekday(DateOnly d, string extra = "") => $"{Long(d)}（{Weekday(d)}{extra}）";

    /// <summary>"2024年10月1日至10月7日", or a single day.</summary>
    public static string Period(DateOnly first, DateOnly last) =>
        first == last ? Long(first) : $"{Long(first)}至{(first.Year == last.Year ? $"{last.Month}月{last.Day}日" : Long(last))}";

    /// <summary>Dates folded into runs of consecutive days: "2024年10月1日至10月4日、10月7日".</summary>
    public static string Runs(IReadOnlyList<DateOnly> dates)
    {
        var parts = new List<string>();
        int? year = null;
        var i = 0;
        while (i < dates.Count)
        {
            var j = i;
            while (j + 1 < dates.Count && dates[j + 1] == dates[j].AddDays(1)) j++;
            var first = dates[i];
            var head = year == first.Year ? $"{first.Month}月{first.Day}日" : Long(first);
            var last = dates[j];
            parts.Add(i == j ? head : $"{head}至{(last.Year == first.Year ? $"{last.Month}月{last.Day}日" : Long(last))}");
            year = last.Year;
            i = j + 1;
        }
        return string.Join("、", parts);
    }
}
