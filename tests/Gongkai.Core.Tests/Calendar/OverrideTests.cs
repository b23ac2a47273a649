using Gongkai.Calendar;
using Gongkai.Common;

namespace Gongkai.Core.Tests.Calendar;

public class OverrideTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s);

    private static YearArrangement Year2027() => new(2027,
        [new CalendarNotice("国办发明电〔2026〕9号", "国务院办公厅关于2027年部分节假日安排的通知", "2026年11月")],
        [
            new HolidayPeriod("元旦", D("2027-01-01"), D("2027-01-03"), []),
            new HolidayPeriod("国庆节", D("2027-10-01"), D("2027-10-07"), [D("2027-09-26"), D("2027-10-09")]),
        ]);

    [Fact]
    public void Adding_a_year_at_run_time_removes_the_flag_and_applies_its_holidays()
    {
        var cal = WorkingCalendar.Create([Year2027()]).Value!;
        var r = cal.ComputeDeadline(D("2027-09-28"), 20);
        Assert.False(r.Flagged);
        Assert.Equal(SpecHolidaysFree(D("2027-09-28"), 20, cal), r.Due);
        Assert.Contains("国庆节", r.Explanation);
        Assert.True(cal.IsOverridden(2027));
        Assert.False(WorkingCalendar.Embedded.IsPublished(2027));
        // 2026's year-end window is now governed by a published notice.
        Assert.True(cal.Day(D("2026-12-28")).Published);
    }

    // A plain day-by-day count over the override calendar's own classification.
    private static DateOnly SpecHolidaysFree(DateOnly start, int n, WorkingCalendar cal)
    {
        var d = start;
        while (n > 0)
        {
            d = d.AddDays(1);
            var off = d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            if (d >= D("2027-10-01") && d <= D("2027-10-07")) off = true;
            if (d == D("2027-09-26") || d == D("2027-10-09")) off = false;
            if (!off) n--;
        }
        Assert.True(cal.IsWorkingDay(d));
        return d;
    }

    [Fact]
    public void Correcting_a_year_replaces_the_embedded_one_and_reports_the_changed_dates()
    {
        // 2020 as first published, before the epidemic extension: 31 Jan worked, 1 Feb make-up day.
        var embedded2020 = WorkingCalendar.Embedded.Arrangement(2020)!;
        var original = embedded2020 with
        {
            Holidays = embedded2020.Holidays.Select(h => h.Name == "春节"
                ? new HolidayPeriod("春节", D("2020-01-24"), D("2020-01-30"), [D("2020-01-19"), D("2020-02-01")])
                : h).ToList(),
        };
        var corrected = WorkingCalendar.Create([original]).Value!;
        Assert.True(corrected.IsWorkingDay(D("2020-01-31")));
        Assert.True(corrected.IsWorkingDay(D("2020-02-01")));

        var change = new CalendarChange(corrected, WorkingCalendar.Embedded, 2020, "国办发明电〔2020〕1号延长春节假期");
        Assert.Equal([D("2020-01-31"), D("2020-02-01")], change.ChangedDates);
        Assert.True(change.Affects(D("2020-01-20"), D("2020-02-20")));
        Assert.False(change.Affects(D("2020-02-01"), D("2020-03-20")));
        var before = corrected.AddWorkingDays(D("2020-01-21"), 20);
        var after = WorkingCalendar.Embedded.AddWorkingDays(D("2020-01-21"), 20);
        Assert.Equal(D("2020-02-24"), before);
        Assert.Equal(D("2020-02-26"), after);
        Assert.Equal("工作日历变更（2020年节假日安排：国办发明电〔2020〕1号延长春节假期），期限由2020年2月24日改为2020年2月26日。",
            change.HistoryLine(before, after));
    }

    [Fact]
    public void Invalid_overrides_are_refused_with_chinese_reasons()
    {
        var bad = new YearArrangement(2027, [new CalendarNotice(null, "通知", null)],
        [
            new HolidayPeriod("国庆节", D("2027-10-07"), D("2027-10-01"), [D("2027-10-08")]),
            new HolidayPeriod("", D("2027-05-01"), D("2027-05-05"), [D("2027-05-03")]),
        ]);
        var result = WorkingCalendar.Create([bad]);
        Assert.False(result.Succeeded);
        var codes = result.Errors.Select(e => e.Code).ToList();
        Assert.Contains("period_reversed", codes);
        Assert.Contains("makeup_not_weekend", codes);
        Assert.Contains("holiday_name_missing", codes);
        Assert.Contains("day_both_off_and_work", codes);
        Assert.All(result.Errors, e => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", e.Message));
    }

    [Fact]
    public void An_arrangement_survives_its_storage_form()
    {
        var y = WorkingCalendar.Embedded.Arrangement(2019)!;
        var back = YearArrangement.FromJson(y.ToJson());
        Assert.Equal(y.Year, back.Year);
        Assert.Equal(y.Notices, back.Notices);
        Assert.Equal(y.Holidays.Count, back.Holidays.Count);
        for (var i = 0; i < y.Holidays.Count; i++)
        {
            Assert.Equal(y.Holidays[i].Name, back.Holidays[i].Name);
            Assert.Equal(y.Holidays[i].FirstDayOff, back.Holidays[i].FirstDayOff);
            Assert.Equal(y.Holidays[i].MakeUpWorkdays, back.Holidays[i].MakeUpWorkdays);
            Assert.Equal(y.Holidays[i].Notice, back.Holidays[i].Notice);
        }
        Assert.Contains("国办发明电〔2019〕3号", y.ToJson()); // readable Chinese, not \u escapes
    }
}
