using Gongkai.Calendar;

namespace Gongkai.Core.Tests.Calendar;

public class WorkingCalendarTests
{
    private static readonly WorkingCalendar Cal = WorkingCalendar.Embedded;

    public static TheoryData<int> SpecYears() => new(Enumerable.Range(2008, 19));

    private static DateOnly D(string s) => DateOnly.Parse(s);

    [Fact]
    public void The_spec_reading_covers_every_year_2008_to_2026_and_its_bracketed_counts()
    {
        Assert.Equal(Enumerable.Range(2008, 19), SpecHolidays.Years.Keys.Order());
        foreach (var y in SpecHolidays.Years.Values)
        {
            Assert.Equal(y.StatedOff, y.WeekdaysOff.Count);
            Assert.Equal(y.StatedWork, y.WeekendWorkdays.Count);
        }
    }

    [Theory]
    [MemberData(nameof(SpecYears))]
    public void Every_weekday_off_in_the_spec_is_not_a_working_day(int year)
    {
        foreach (var d in SpecHolidays.Years[year].WeekdaysOff)
        {
            Assert.False(Cal.IsWorkingDay(d), $"{d} should be a day off ({year})");
            Assert.Equal(DayKind.Holiday, Cal.Day(d).Kind);
            Assert.False(string.IsNullOrEmpty(Cal.Day(d).Period?.Name));
        }
    }

    [Theory]
    [MemberData(nameof(SpecYears))]
    public void Every_weekend_make_up_day_in_the_spec_is_a_working_day(int year)
    {
        foreach (var d in SpecHolidays.Years[year].WeekendWorkdays)
        {
            Assert.True(Cal.IsWorkingDay(d), $"{d} should be a make-up working day ({year})");
            Assert.Equal(DayKind.MakeUpWorkday, Cal.Day(d).Kind);
        }
    }

    [Theory]
    [MemberData(nameof(SpecYears))]
    public void Every_day_of_the_year_is_classified_as_the_spec_rule_says(int year)
    {
        for (var d = new DateOnly(year, 1, 1); d.Year == year; d = d.AddDays(1))
        {
            Assert.True(SpecHolidays.IsWorkingDay(d) == Cal.IsWorkingDay(d), $"{d} misclassified");
            // Only the last week of 2026 waits for the (unpublished) 2027 notice.
            var published = year < 2026 || d < new DateOnly(2026, 12, 24);
            Assert.True(published == Cal.Day(d).Published, $"{d} published status wrong");
        }
    }

    [Fact]
    public void Adding_working_days_matches_a_day_by_day_count_for_every_start_date_2008_to_2026()
    {
        int[] periods = [1, 7, 15, 20, 40];
        for (var d = new DateOnly(2008, 1, 1); d <= new DateOnly(2026, 10, 31); d = d.AddDays(1))
        {
            foreach (var n in periods)
            {
                var expected = SpecHolidays.AddWorkingDays(d, n);
                var actual = Cal.AddWorkingDays(d, n);
                if (expected != actual) Assert.Fail($"{d} + {n} WD: expected {expected}, got {actual}");
                Assert.Equal(n, Cal.WorkingDaysBetween(d, actual));
            }
        }
    }

    // Three days before each Spring Festival break, 20 working days (start day not counted).
    [Theory]
    [InlineData("2008-02-03", "2008-03-07")]
    [InlineData("2009-01-22", "2009-02-24")]
    [InlineData("2010-02-10", "2010-03-15")]
    [InlineData("2011-01-30", "2011-03-03")]
    [InlineData("2012-01-19", "2012-02-21")]
    [InlineData("2013-02-06", "2013-03-11")]
    [InlineData("2014-01-28", "2014-03-03")]
    [InlineData("2015-02-15", "2015-03-19")]
    [InlineData("2016-02-04", "2016-03-08")]
    [InlineData("2017-01-24", "2017-02-27")]
    [InlineData("2018-02-12", "2018-03-16")]
    [InlineData("2019-02-01", "2019-03-06")]
    [InlineData("2020-01-21", "2020-02-26")]
    [InlineData("2021-02-08", "2021-03-12")]
    [InlineData("2022-01-28", "2022-03-02")]
    [InlineData("2023-01-18", "2023-02-20")]
    [InlineData("2024-02-07", "2024-03-12")]
    [InlineData("2025-01-25", "2025-02-27")]
    [InlineData("2026-02-12", "2026-03-18")]
    public void Twenty_working_days_across_the_Spring_Festival(string start, string due)
    {
        var result = Cal.ComputeDeadline(D(start), 20);
        Assert.Equal(D(due), result.Due);
        Assert.Contains("春节", result.Explanation);
        Assert.Contains(result.Holidays, h => h.Name == "春节" && h.Skipped.Count > 0);
        Assert.False(result.Flagged);
    }

    // From 28 September each year, across the National Day break.
    [Theory]
    [InlineData("2008-09-28", "2008-10-31")]
    [InlineData("2009-09-28", "2009-11-02")]
    [InlineData("2010-09-28", "2010-11-01")]
    [InlineData("2011-09-28", "2011-10-31")]
    [InlineData("2012-09-28", "2012-11-01")]
    [InlineData("2013-09-28", "2013-10-30")]
    [InlineData("2014-09-28", "2014-10-30")]
    [InlineData("2015-09-28", "2015-10-30")]
    [InlineData("2016-09-28", "2016-10-31")]
    [InlineData("2017-09-28", "2017-11-01")]
    [InlineData("2018-09-28", "2018-10-31")]
    [InlineData("2019-09-28", "2019-10-30")]
    [InlineData("2020-09-28", "2020-11-02")]
    [InlineData("2021-09-28", "2021-11-01")]
    [InlineData("2022-09-28", "2022-10-31")]
    [InlineData("2023-09-28", "2023-11-01")]
    [InlineData("2024-09-28", "2024-10-30")]
    [InlineData("2025-09-28", "2025-10-31")]
    [InlineData("2026-09-28", "2026-10-30")]
    public void Twenty_working_days_across_National_Day(string start, string due)
    {
        var result = Cal.ComputeDeadline(D(start), 20);
        Assert.Equal(D(due), result.Due);
        Assert.Contains("国庆节", result.Explanation);
        Assert.Contains(result.Holidays, h => h.Name.Contains("国庆节") && h.Skipped.Count > 0);
    }

    [Fact]
    public void Mid_year_changes_are_in_force_2015_2019_2020()
    {
        Assert.Equal("抗战胜利70周年纪念日", Cal.Day(D("2015-09-03")).Period!.Name);
        Assert.True(Cal.IsWorkingDay(D("2015-09-06")));
        Assert.False(Cal.IsWorkingDay(D("2019-05-02")));
        Assert.True(Cal.IsWorkingDay(D("2019-05-05")));
        Assert.False(Cal.IsWorkingDay(D("2020-01-31")));
        Assert.False(Cal.IsWorkingDay(D("2020-02-01")));
        Assert.True(Cal.IsWorkingDay(D("2020-02-03")));
    }

    [Fact]
    public void December_days_set_by_the_next_years_notice_are_honoured()
    {
        Assert.True(Cal.IsWorkingDay(D("2018-12-29")));
        Assert.False(Cal.IsWorkingDay(D("2018-12-31")));
        Assert.True(Cal.IsWorkingDay(D("2011-12-31")));
        Assert.False(Cal.IsWorkingDay(D("2007-12-31")));
        Assert.Equal("元旦", Cal.Day(D("2018-12-31")).Period!.Name);
        // 2018-12-28 (Fri) + 1 WD: Saturday 29th is a make-up working day of the 2019 notice.
        Assert.Equal(D("2018-12-29"), Cal.AddWorkingDays(D("2018-12-28"), 1));
    }

    [Fact]
    public void Eve_of_Spring_Festival_2024_stays_a_working_day()
    {
        Assert.True(Cal.IsWorkingDay(D("2024-02-09")));
    }

    [Fact]
    public void A_year_without_data_falls_back_to_weekends_only_and_is_flagged()
    {
        var result = Cal.ComputeDeadline(D("2027-09-28"), 20);
        Assert.Equal(D("2027-10-26"), result.Due); // Tue 28 Sep 2027 + 20 weekdays, no National Day break known
        Assert.True(result.Flagged);
        Assert.Equal([2027], result.UnpublishedYears);
        Assert.Contains("2027年节假日安排尚未发布", result.Explanation);
        Assert.False(Cal.IsPublished(2027));
        Assert.False(Cal.Day(D("2027-10-01")).Published);
    }

    [Fact]
    public void Late_December_of_the_last_published_year_is_flagged_because_the_next_notice_is_missing()
    {
        Assert.True(Cal.ComputeDeadline(D("2026-12-10"), 20).Flagged);
        Assert.False(Cal.ComputeDeadline(D("2026-11-02"), 20).Flagged);
        Assert.True(Cal.Day(D("2026-12-23")).Published);
        Assert.False(Cal.Day(D("2026-12-24")).Published);
        Assert.False(Cal.ComputeDeadline(D("2025-12-10"), 20).Flagged);
    }

    [Fact]
    public void Deadline_result_lists_skipped_weekdays_and_counted_make_up_days()
    {
        var r = Cal.ComputeDeadline(D("2024-09-27"), 20);
        Assert.Equal(D("2024-10-30"), r.Due);
        Assert.Equal([D("2024-10-01"), D("2024-10-02"), D("2024-10-03"), D("2024-10-04"), D("2024-10-07")], r.Skipped);
        Assert.Equal([D("2024-09-29"), D("2024-10-12")], r.MadeUp);
        Assert.Contains("次日起计算", r.Explanation);
        Assert.Contains("2024年10月30日（星期三）", r.Explanation);
        Assert.Contains("2024年10月1日至10月4日、10月7日", r.Explanation);
        Assert.Contains("2024年9月29日（星期日）", r.Explanation);
    }

    [Fact]
    public void Same_day_rule_counts_the_start_day_when_it_is_a_working_day()
    {
        var next = Cal.ComputeDeadline(new DeadlineRequest(D("2024-09-27"), 20));
        var same = Cal.ComputeDeadline(new DeadlineRequest(D("2024-09-27"), 20, StartDayRule.SameDay));
        Assert.Equal(D("2024-10-29"), same.Due);
        Assert.Equal(next.Due, Cal.AddWorkingDays(same.Due, 1));
        Assert.Contains("当日起计算", same.Explanation);
    }

    [Fact]
    public void Working_days_between_is_negative_backwards_and_zero_on_the_same_day()
    {
        Assert.Equal(0, Cal.WorkingDaysBetween(D("2024-10-01"), D("2024-10-07")));
        Assert.Equal(-20, Cal.WorkingDaysBetween(D("2024-10-30"), D("2024-09-27")));
        Assert.Equal(D("2024-09-27"), Cal.AddWorkingDays(D("2024-09-27"), 0));
    }

    [Fact]
    public void Embedded_years_carry_their_notice_numbers()
    {
        Assert.Equal("国办发明电〔2023〕7号", Cal.Arrangement(2024)!.NoticeNumbers);
        Assert.Contains("国办发明电〔2019〕3号", Cal.Arrangement(2019)!.NoticeNumbers);
        Assert.Contains("国办发明电〔2020〕1号", Cal.Arrangement(2020)!.NoticeNumbers);
        Assert.Contains("国发明电〔2015〕1号", Cal.Arrangement(2015)!.NoticeNumbers);
        Assert.Null(Cal.Arrangement(2008)!.Notices[0].Number);
    }
}
