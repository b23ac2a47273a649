using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Gongkai.Calendar;
using Gongkai.Cli.Calendar;

namespace Gongkai.Cli.Tests.Calendar;

public class CalendarCommandsTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => Run(null, args);

    private static (int Code, string Out, string Err) Run(Func<WorkingCalendar>? calendar, params string[] args)
    {
        var root = new RootCommand();
        root.Subcommands.Add(CalendarCommands.Create(calendar));
        var output = new StringWriter();
        var error = new StringWriter();
        var code = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Due_prints_the_due_date_and_the_explanation()
    {
        var (code, output, _) = Run("calendar", "due", "--from", "2024-09-27", "--working-days", "20");
        Assert.Equal(0, code);
        Assert.StartsWith("期限届满日：2024-10-30（星期三）", output);
        Assert.Contains("国庆节", output);
        Assert.Contains("调休上班日", output);
    }

    [Fact]
    public void Due_with_json_prints_the_promised_shape()
    {
        var (code, output, _) = Run("calendar", "due", "--from", "2024-09-27", "--working-days", "20", "--json");
        Assert.Equal(0, code);
        Assert.StartsWith("{\"due\": \"2024-10-30\", \"explanation\": \"", output);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal(["due", "explanation", "skipped", "made_up", "flagged"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2024-10-30", root.GetProperty("due").GetString());
        Assert.Equal(["2024-10-01", "2024-10-02", "2024-10-03", "2024-10-04", "2024-10-07"],
            root.GetProperty("skipped").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["2024-09-29", "2024-10-12"], root.GetProperty("made_up").EnumerateArray().Select(e => e.GetString()));
        Assert.False(root.GetProperty("flagged").GetBoolean());
        Assert.Contains("国庆节", root.GetProperty("explanation").GetString());
    }

    [Fact]
    public void Due_in_a_year_without_data_is_flagged()
    {
        var (code, output, _) = Run("calendar", "due", "--from", "2027-09-27", "--working-days", "20", "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        Assert.True(doc.RootElement.GetProperty("flagged").GetBoolean());
        Assert.Equal("2027-10-25", doc.RootElement.GetProperty("due").GetString());
        Assert.Contains("2027年节假日安排尚未发布", doc.RootElement.GetProperty("explanation").GetString());

        var text = Run("calendar", "due", "--from", "2027-09-27", "--working-days", "20");
        Assert.Contains("未发布年份", text.Out);
    }

    [Fact]
    public void Due_uses_the_calendar_it_is_given_so_overrides_apply()
    {
        var y2027 = new YearArrangement(2027, [new CalendarNotice("测试", "2027年安排", null)],
            [new HolidayPeriod("国庆节", new(2027, 10, 1), new(2027, 10, 7), [])]);
        var calendar = WorkingCalendar.Create([y2027]).Value!;
        var (_, output, _) = Run(() => calendar, "calendar", "due", "--from", "2027-09-27", "--working-days", "20", "--json");
        using var doc = JsonDocument.Parse(output);
        Assert.False(doc.RootElement.GetProperty("flagged").GetBoolean());
        // 1 and 4–7 October 2027 are weekdays off: five more working days than the weekends-only 2027-10-25.
        Assert.Equal("2027-11-01", doc.RootElement.GetProperty("due").GetString());
    }

    [Theory]
    [InlineData(new[] { "calendar", "due", "--working-days", "20" }, "缺少起算日期")]
    [InlineData(new[] { "calendar", "due", "--from", "2024-13-01", "--working-days", "20" }, "无法识别")]
    [InlineData(new[] { "calendar", "due", "--from", "2024/09/27", "--working-days", "20" }, "YYYY-MM-DD")]
    [InlineData(new[] { "calendar", "due", "--from", "2024-09-27" }, "缺少工作日数")]
    [InlineData(new[] { "calendar", "due", "--from", "2024-09-27", "--working-days", "-3" }, "1 至 1000")]
    [InlineData(new[] { "calendar", "due", "--from", "2024-09-27", "--working-days", "二十" }, "1 至 1000")]
    [InlineData(new[] { "calendar", "due", "--from", "1900-01-01", "--working-days", "20" }, "起算日期须在")]
    [InlineData(new[] { "calendar", "show", "twenty" }, "年份“twenty”无效")]
    [InlineData(new[] { "calendar", "show", "99999" }, "四位年份")]
    public void Bad_input_gets_a_chinese_message_and_a_non_zero_exit(string[] args, string expected)
    {
        var (code, output, error) = Run(args);
        Assert.Equal(CalendarCommands.BadInput, code);
        Assert.Contains(expected, error);
        Assert.Equal("", output);
    }

    [Fact]
    public void Show_prints_twelve_month_grids_with_holidays_and_make_up_days_marked()
    {
        var (code, output, _) = Run("calendar", "show", "2025");
        Assert.Equal(0, code);
        for (var m = 1; m <= 12; m++) Assert.Contains($"2025年{m}月", output);
        Assert.Contains("国办发明电〔2024〕12号", output);
        // January 2025 starts on a Wednesday; 1 Jan is 元旦, Sunday 26 Jan is a make-up working day.
        Assert.Contains("           1休  2    3    4    5", output);
        Assert.Contains("20   21   22   23   24   25   26班", output);
        Assert.Contains("春节：2025年1月28日至2月4日放假，共8天", output);
        Assert.DoesNotContain("尚未发布", output);
    }

    [Fact]
    public void Show_of_an_unpublished_year_says_so()
    {
        var (code, output, _) = Run("calendar", "show", "2027");
        Assert.Equal(0, code);
        Assert.Contains("2027年节假日安排尚未发布", output);
        Assert.DoesNotMatch(@"\d[休班]", output);
    }

    [Fact]
    public void The_gongkai_program_has_the_calendar_verbs()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "gongkai.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { dll, "calendar", "due", "--from", "2024-09-27", "--working-days", "20", "--json" }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        Assert.StartsWith("{\"due\": \"2024-10-30\"", output);
    }
}
