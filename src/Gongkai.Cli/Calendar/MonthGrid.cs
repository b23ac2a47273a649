using System.Text;
using Gongkai.Calendar;

namespace Gongkai.Cli.Calendar;

/// <summary>A year as twelve month grids for a terminal (CJK characters take two columns, so every cell is five columns).</summary>
public static class MonthGrid
{
    public const string RestMark = "休";
    public const string WorkMark = "班";

    public static string Render(WorkingCalendar calendar, int year)
    {
        var sb = new StringBuilder();
        var arrangement = calendar.Arrangement(year);
        sb.AppendLine(arrangement is null
            ? $"{year}年工作日历"
            : $"{year}年工作日历（{arrangement.NoticeNumbers}{(calendar.IsOverridden(year) ? "，已由管理员修订" : "")}）");
        if (arrangement is null)
            sb.AppendLine($"注意：{year}年节假日安排尚未发布，以下按仅周六、周日休息显示。");
        else if (!calendar.IsPublished(year + 1))
            sb.AppendLine($"注意：{year + 1}年节假日安排尚未发布，{year}年12月下旬的元旦调休可能变化。");
        sb.AppendLine($"图例：{RestMark} = 放假（法定节假日及与之连休的周末）  {WorkMark} = 调休上班  其余周六、周日休息");

        for (var month = 1; month <= 12; month++)
        {
            sb.AppendLine();
            sb.AppendLine($"{year}年{month}月");
            sb.AppendLine(" 一   二   三   四   五   六   日");
            var first = new DateOnly(year, month, 1);
            var column = ((int)first.DayOfWeek + 6) % 7; // Monday = 0
            var line = new StringBuilder(new string(' ', column * 5));
            for (var d = first; d.Month == month; d = d.AddDays(1))
            {
                var day = calendar.Day(d);
                var mark = day.Kind switch
                {
                    DayKind.Holiday or DayKind.HolidayWeekend => RestMark,
                    DayKind.MakeUpWorkday => WorkMark,
                    _ => "  ",
                };
                line.Append($"{d.Day,2}{mark} ");
                if (++column == 7)
                {
                    sb.AppendLine(line.ToString().TrimEnd());
                    line.Clear();
                    column = 0;
                }
            }
            if (line.Length > 0) sb.AppendLine(line.ToString().TrimEnd());
        }

        if (arrangement is not null)
        {
            sb.AppendLine();
            sb.AppendLine("放假安排：");
            foreach (var h in arrangement.Holidays)
            {
                var work = h.MakeUpWorkdays.Count == 0 ? "" :
                    $"；{string.Join("、", h.MakeUpWorkdays.Select(w => ChineseDate.WithWeekday(w)))}上班";
                var notice = h.Notice is null ? "" : $"（{h.Notice}）";
                sb.AppendLine($"  {h.Name}：{ChineseDate.Period(h.FirstDayOff, h.LastDayOff)}放假，共{h.Days}天{work}{notice}");
            }
            sb.AppendLine("通知：");
            foreach (var n in arrangement.Notices)
                sb.AppendLine($"  {n.Title}（{n.Number ?? "文号未证实"}{(n.Issued is null ? "" : "，" + n.Issued)}）{(n.Note is null ? "" : "：" + n.Note)}");
        }
        return sb.ToString();
    }
}
