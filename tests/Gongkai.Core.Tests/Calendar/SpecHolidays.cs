using System.Text.RegularExpressions;

namespace Gongkai.Core.Tests.Calendar;

/// <summary>
/// An independent reading of spec/holidays.md: for each year it parses the two summary lines
/// ("周一至周五放假日（N天）：…；周末上班日（M天）：…") that the spec gives for writing tests,
/// and checks the counts in brackets. The calendar's own data file is authored from the tables
/// instead, so the two readings must agree.
/// </summary>
public static partial class SpecHolidays
{
    public sealed record Year(int Number, IReadOnlySet<DateOnly> WeekdaysOff, IReadOnlySet<DateOnly> WeekendWorkdays, int StatedOff, int StatedWork);

    public static IReadOnlyDictionary<int, Year> Years { get; } = Load();

    public static IReadOnlySet<DateOnly> AllWeekdaysOff { get; } = Years.Values.SelectMany(y => y.WeekdaysOff).ToHashSet();

    public static IReadOnlySet<DateOnly> AllWeekendWorkdays { get; } = Years.Values.SelectMany(y => y.WeekendWorkdays).ToHashSet();

    /// <summary>The reference rule of spec §1, day by day.</summary>
    public static bool IsWorkingDay(DateOnly d) =>
        AllWeekendWorkdays.Contains(d) || (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !AllWeekdaysOff.Contains(d));

    /// <summary>The reference "add N working days", a plain loop.</summary>
    public static DateOnly AddWorkingDays(DateOnly start, int n)
    {
        var d = start;
        while (n > 0)
        {
            d = d.AddDays(1);
            if (IsWorkingDay(d)) n--;
        }
        return d;
    }

    private static Dictionary<int, Year> Load()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Calendar", "Data", "holidays.md"));
        var years = new Dictionary<int, Year>();
        var sections = SectionHeading().Split(text);
        for (var i = 1; i < sections.Length; i += 2)
        {
            var year = int.Parse(sections[i]);
            var m = SummaryLine().Match(sections[i + 1]);
            if (!m.Success) throw new InvalidOperationException($"No summary line for {year}");
            var off = Parse(m.Groups["off"].Value, year).Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).ToHashSet();
            var work = Parse(m.Groups["work"].Value, year).ToHashSet();
            years[year] = new Year(year, off, work, int.Parse(m.Groups["n"].Value), int.Parse(m.Groups["m"].Value));
        }
        return years;
    }

    // Tokens: "2/6–2/8", "4/4", "2007/12/31–1/1" (a year is written only for the previous December).
    private static IEnumerable<DateOnly> Parse(string list, int year)
    {
        foreach (var token in list.Split('、', StringSplitOptions.TrimEntries))
        {
            var ends = token.Split('–');
            var first = ParseDay(ends[0], year);
            var last = ends.Length > 1 ? ParseDay(ends[1], year) : first;
            for (var d = first; d <= last; d = d.AddDays(1)) yield return d;
        }
    }

    private static DateOnly ParseDay(string s, int year)
    {
        var f = s.Trim().Split('/').Select(int.Parse).ToArray();
        return f.Length == 3 ? new DateOnly(f[0], f[1], f[2]) : new DateOnly(year, f[0], f[1]);
    }

    [GeneratedRegex(@"^### (\d{4})\s*$", RegexOptions.Multiline)]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"周一至周五放假日（(?<n>\d+)天）：(?<off>[^；\n]*)；周末上班日（(?<m>\d+)天）：(?<work>[^\n]*)")]
    private static partial Regex SummaryLine();
}
