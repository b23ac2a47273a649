using System.Globalization;
using Gongkai.Common;

namespace Gongkai.Calendar;

/// <summary>
/// The plain-text form in which admins type a year's holidays, one per line:
/// <c>春节：2027-02-05 至 2027-02-11；上班 2027-02-13、2027-02-14</c>
/// (a single day needs no "至"; the "上班" part is left out when there are no make-up days).
/// </summary>
public static class ArrangementText
{
    public const string Example = "春节：2027-02-05 至 2027-02-11；上班 2027-02-13、2027-02-14";

    public static string Format(IEnumerable<HolidayPeriod> holidays) => string.Join("\n", holidays.Select(h =>
        $"{h.Name}：{D(h.FirstDayOff)}{(h.LastDayOff == h.FirstDayOff ? "" : $" 至 {D(h.LastDayOff)}")}" +
        (h.MakeUpWorkdays.Count == 0 ? "" : $"；上班 {string.Join("、", h.MakeUpWorkdays.Select(D))}")));

    public static Result<IReadOnlyList<HolidayPeriod>> Parse(string? text, string field = "Holidays")
    {
        var errors = new List<Error>();
        var holidays = new List<HolidayPeriod>();
        var lines = (text ?? "").Replace("\r", "").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0) continue;
            var where = $"第{i + 1}行";
            var colon = line.IndexOfAny(['：', ':']);
            if (colon <= 0)
            {
                errors.Add(new("holiday_line", $"{where}缺少节日名称和冒号，请按“{Example}”的格式填写。", field));
                continue;
            }
            var name = line[..colon].Trim();
            var parts = line[(colon + 1)..].Split(['；', ';'], 2);
            var period = parts[0].Split(['至', '~', '～'], StringSplitOptions.TrimEntries);
            if (period.Length > 2 || !TryDate(period[0], out var first) || !TryDate(period[^1], out var last))
            {
                errors.Add(new("holiday_dates", $"{where}（{name}）的放假日期无法识别，请写成“2027-02-05 至 2027-02-11”或单独一天“2027-01-01”。", field));
                continue;
            }
            var work = new List<DateOnly>();
            if (parts.Length == 2)
            {
                var rest = parts[1].Trim();
                if (!rest.StartsWith("上班", StringComparison.Ordinal))
                {
                    errors.Add(new("holiday_work", $"{where}（{name}）分号后应以“上班”开头，列出调休上班日。", field));
                    continue;
                }
                foreach (var token in rest[2..].Split(['、', ',', '，', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (TryDate(token, out var w)) work.Add(w);
                    else errors.Add(new("holiday_work_date", $"{where}（{name}）的调休上班日“{token}”无法识别，请按 YYYY-MM-DD 填写。", field));
                }
            }
            holidays.Add(new HolidayPeriod(name, first, last, work));
        }
        if (errors.Count == 0 && holidays.Count == 0)
            errors.Add(new("holidays_empty", $"请至少填写一个假期，每行一个，例如“{Example}”。", field));
        return errors.Count > 0 ? Result<IReadOnlyList<HolidayPeriod>>.Fail(errors) : Result<IReadOnlyList<HolidayPeriod>>.Ok(holidays);
    }

    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static bool TryDate(string s, out DateOnly d) =>
        DateOnly.TryParseExact(s.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out d);
}
