using System.Text.Json;
using System.Text.Json.Serialization;
using Gongkai.Common;

namespace Gongkai.Calendar;

/// <summary>
/// One year's holiday arrangement as the State Council notice(s) set it: every rest period with
/// its name, and the weekend days made working days (调休上班). Dates may lie in the previous
/// December (e.g. the 元旦 break of 2019 starts on 2018-12-30): they belong to the year whose
/// notice set them.
/// </summary>
public sealed record YearArrangement(int Year, IReadOnlyList<CalendarNotice> Notices, IReadOnlyList<HolidayPeriod> Holidays)
{
    /// <summary>Earliest date a year's notice may govern: the New Year break or its make-up day can start in the previous December.</summary>
    public DateOnly FirstGovernedDay => new(Year - 1, 12, 1);

    public DateOnly LastGovernedDay => new(Year, 12, 31);

    /// <summary>The notice numbers joined for display, e.g. "国办发明电〔2018〕15号、国办发明电〔2019〕3号".</summary>
    public string NoticeNumbers => string.Join("、", Notices.Select(n => n.Number ?? "文号未证实"));

    /// <summary>Checks the arrangement before it is used or stored; every problem is a Chinese sentence saying what to fix.</summary>
    public IReadOnlyList<Error> Validate()
    {
        var errors = new List<Error>();
        if (Year < WorkingCalendar.FirstSupportedYear + 1 || Year > WorkingCalendar.LastSupportedYear)
        {
            errors.Add(CalendarErrors.YearOutOfRange(Year));
            return errors;
        }
        if (Notices.Count == 0 || Notices.Any(n => string.IsNullOrWhiteSpace(n.Title)))
            errors.Add(new("notice_missing", $"{Year}年的安排缺少通知名称，请填写国务院办公厅通知的标题。"));

        var offDays = new Dictionary<DateOnly, string>();
        var workDays = new HashSet<DateOnly>();
        foreach (var h in Holidays)
        {
            var name = string.IsNullOrWhiteSpace(h.Name) ? "（未命名）" : h.Name;
            if (string.IsNullOrWhiteSpace(h.Name))
                errors.Add(new("holiday_name_missing", $"{Year}年有一个假期没有名称，请填写节日名称（如“春节”）。"));
            if (h.LastDayOff < h.FirstDayOff)
                errors.Add(new("period_reversed", $"{name}的放假结束日 {h.LastDayOff:yyyy-MM-dd} 早于开始日 {h.FirstDayOff:yyyy-MM-dd}，请检查日期。"));
            else if (h.LastDayOff.DayNumber - h.FirstDayOff.DayNumber > 30)
                errors.Add(new("period_too_long", $"{name}的放假区间超过31天，请检查日期。"));
            if (h.FirstDayOff < FirstGovernedDay || h.LastDayOff > LastGovernedDay)
                errors.Add(new("period_outside_year", $"{name}的放假日期须在{Year - 1}年12月1日至{Year}年12月31日之间。"));

            for (var d = h.FirstDayOff; d <= h.LastDayOff && d <= LastGovernedDay; d = d.AddDays(1))
            {
                if (!offDays.TryAdd(d, name))
                    errors.Add(new("day_off_twice", $"{d:yyyy-MM-dd} 同时出现在{offDays[d]}和{name}的放假区间中，请删去其一。"));
            }
            foreach (var w in h.MakeUpWorkdays)
            {
                if (!WorkingCalendar.IsWeekend(w))
                    errors.Add(new("makeup_not_weekend", $"{name}的调休上班日 {w:yyyy-MM-dd} 不是周六或周日；周一至周五本来就是工作日，请检查日期。"));
                if (w < FirstGovernedDay || w > LastGovernedDay)
                    errors.Add(new("makeup_outside_year", $"{name}的调休上班日 {w:yyyy-MM-dd} 须在{Year - 1}年12月1日至{Year}年12月31日之间。"));
                if (!workDays.Add(w))
                    errors.Add(new("makeup_twice", $"调休上班日 {w:yyyy-MM-dd} 重复出现，请删去重复项。"));
            }
        }
        foreach (var w in workDays.Where(offDays.ContainsKey))
            errors.Add(new("day_both_off_and_work", $"{w:yyyy-MM-dd} 既在放假区间内又被列为调休上班日，请更正其一。"));
        return errors;
    }

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    /// <summary>The storage form used by the embedded data and the override table: {"year":…, "notices":[…], "holidays":[{"name","off":[first,last],"work":[…]}]}.</summary>
    public string ToJson() => JsonSerializer.Serialize(YearJson.From(this), Json);

    public static YearArrangement FromJson(string json) =>
        (JsonSerializer.Deserialize<YearJson>(json, Json) ?? throw new JsonException("empty arrangement")).ToArrangement();

    internal static IReadOnlyList<YearArrangement> ListFromJson(string json) =>
        (JsonSerializer.Deserialize<FileJson>(json, Json) ?? throw new JsonException("empty arrangement file")).Years
            .Select(y => y.ToArrangement()).ToList();

    private sealed record FileJson(string? Source, List<YearJson> Years);

    private sealed record YearJson(int Year, List<CalendarNotice> Notices, List<HolidayJson> Holidays)
    {
        public static YearJson From(YearArrangement a) => new(a.Year, a.Notices.ToList(),
            a.Holidays.Select(h => new HolidayJson(h.Name, [h.FirstDayOff, h.LastDayOff], h.MakeUpWorkdays.ToList(), h.Notice)).ToList());

        public YearArrangement ToArrangement() => new(Year, Notices ?? [],
            (Holidays ?? []).Select(h => h.Off is [var first, var last]
                ? new HolidayPeriod(h.Name, first, last, h.Work ?? [], h.Notice)
                : throw new JsonException($"{Year} {h.Name}: \"off\" must be [first, last]")).ToList());
    }

    private sealed record HolidayJson(string Name, List<DateOnly> Off, List<DateOnly>? Work, string? Notice);
}

/// <summary>A rest period named after its festival, with the make-up working days the notice tied to it.</summary>
/// <param name="Notice">Set when a later notice than the year's first one fixed this period (mid-year changes: 2015, 2019, 2020).</param>
public sealed record HolidayPeriod(string Name, DateOnly FirstDayOff, DateOnly LastDayOff, IReadOnlyList<DateOnly> MakeUpWorkdays, string? Notice = null)
{
    public int Days => LastDayOff.DayNumber - FirstDayOff.DayNumber + 1;
}

/// <param name="Number">文号; null when no reliable source confirms it.</param>
/// <param name="Issued">Issue date as written in the sources (free text, sometimes only the month is known).</param>
public sealed record CalendarNotice(string? Number, string Title, string? Issued, string? Note = null);

/// <summary>Errors shared by the calendar's checks.</summary>
public static class CalendarErrors
{
    public static Error YearOutOfRange(int year) => new("year_out_of_range",
        $"年份 {year} 超出支持范围，请填写 {WorkingCalendar.FirstSupportedYear + 1} 至 {WorkingCalendar.LastSupportedYear} 之间的年份。", "year");

    public static Error EditedMeanwhile(int year) => new("edited_meanwhile",
        $"另一位管理员刚刚修改了{year}年的安排，您的修改没有保存。请刷新页面，查看最新安排后再提交。");
}
