using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Data.Common;
using Gongkai.Calendar;
using Gongkai.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli.Calendar;

/// <summary>
/// `gongkai calendar due --from 2024-09-27 --working-days 20 [--json]` and `gongkai calendar show 2025`.
/// Input is taken as text and checked here so that every mistake gets a Chinese sentence and exit code 2.
/// </summary>
public static class CalendarCommands
{
    public const int BadInput = 2;

    private static readonly JsonSerializerOptions JsonText = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The verbs over the calendar in force: the embedded years plus the database's overrides when a database exists.</summary>
    public static Command Build(CliContext cli) => Create((parse, ct) => CalendarInForceAsync(cli, parse, ct));

    /// <summary>The verbs over a given calendar (tests, or the embedded years by default).</summary>
    public static Command Create(Func<WorkingCalendar>? calendar = null)
    {
        var fixedCalendar = calendar ?? (() => WorkingCalendar.Embedded);
        return Create((_, _) => Task.FromResult(fixedCalendar()));
    }

    private static Command Create(Func<ParseResult, CancellationToken, Task<WorkingCalendar>> calendar)
    {
        var command = new Command("calendar", "工作日历：按法定节假日和调休计算期限，查看年度安排");
        command.Subcommands.Add(Due(calendar));
        command.Subcommands.Add(Show(calendar));
        return command;
    }

    /// <summary>
    /// Reads the admins' overrides without creating anything: no SQLite file means no overrides.
    /// An unreachable or unmigrated database falls back to the embedded years, with a note.
    /// </summary>
    private static async Task<WorkingCalendar> CalendarInForceAsync(CliContext cli, ParseResult parse, CancellationToken ct)
    {
        try
        {
            var database = DatabaseOptions.From(cli.Configuration(parse));
            if (database.Provider == DatabaseProvider.sqlite && !File.Exists(database.SqlitePath)) return WorkingCalendar.Embedded;
            await using var services = cli.Services(parse);
            await using var scope = services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<CalendarStore>().CurrentAsync(ct);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            await cli.Error.WriteLineAsync("注意：未能读取数据库中管理员修订的日历，以下按系统内置的节假日安排计算。");
            return WorkingCalendar.Embedded;
        }
    }

    private static Command Due(Func<ParseResult, CancellationToken, Task<WorkingCalendar>> calendar)
    {
        var from = new Option<string>("--from") { Description = "起算日期（YYYY-MM-DD），当日不计入" };
        var days = new Option<string>("--working-days") { Description = "工作日数（1–1000）" };
        var json = new Option<bool>("--json") { Description = "以 JSON 输出" };
        var command = new Command("due", "计算从某日起若干个工作日后的期限届满日，并说明计算过程") { from, days, json };
        command.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var fromText = parse.GetValue(from);
            var daysText = parse.GetValue(days);
            if (string.IsNullOrWhiteSpace(fromText))
                return Fail(error, "缺少起算日期：请用 --from 给出，例如 --from 2024-09-27。");
            if (!DateOnly.TryParseExact(fromText.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
                return Fail(error, $"起算日期“{fromText}”无法识别：请按 YYYY-MM-DD 填写，例如 2024-09-27。");
            if (string.IsNullOrWhiteSpace(daysText))
                return Fail(error, "缺少工作日数：请用 --working-days 给出，例如 --working-days 20。");
            if (!int.TryParse(daysText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n is < 1 or > 1000)
                return Fail(error, $"工作日数“{daysText}”无效：请填写 1 至 1000 之间的整数，例如 20。");
            if (start.Year <= WorkingCalendar.FirstSupportedYear || start.Year >= WorkingCalendar.LastSupportedYear - 10)
                return Fail(error, $"起算日期须在 {WorkingCalendar.FirstSupportedYear + 1} 年至 {WorkingCalendar.LastSupportedYear - 11} 年之间。");

            var result = (await calendar(parse, ct)).ComputeDeadline(start, n);
            await output.WriteLineAsync(parse.GetValue(json) ? ToJson(result) : ToText(result));
            return 0;
        });
        return command;
    }

    private static Command Show(Func<ParseResult, CancellationToken, Task<WorkingCalendar>> calendar)
    {
        var year = new Argument<string>("year") { Description = "年份，例如 2025" };
        var command = new Command("show", "按月显示某年的工作日历（放假日、调休上班日）") { year };
        command.SetAction(async (parse, ct) =>
        {
            var text = parse.GetValue(year);
            if (!int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y)
                || y <= WorkingCalendar.FirstSupportedYear || y >= WorkingCalendar.LastSupportedYear)
                return Fail(parse.InvocationConfiguration.Error,
                    $"年份“{text}”无效：请填写 {WorkingCalendar.FirstSupportedYear + 1} 至 {WorkingCalendar.LastSupportedYear - 1} 之间的四位年份，例如 2025。");
            await parse.InvocationConfiguration.Output.WriteAsync(MonthGrid.Render(await calendar(parse, ct), y));
            return 0;
        });
        return command;
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine(message);
        return BadInput;
    }

    private static string ToText(DeadlineResult r) =>
        $"期限届满日：{r.Due:yyyy-MM-dd}（{ChineseDate.Weekday(r.Due)}）{(r.Flagged ? "［未发布年份，按仅周末休息推算］" : "")}{Environment.NewLine}{r.Explanation}";

    /// <summary>The shape promised by the issue: {"due": …, "explanation": …, "skipped": […], "made_up": […], "flagged": …}.</summary>
    public static string ToJson(DeadlineResult r)
    {
        static string S(string s) => JsonSerializer.Serialize(s, JsonText);
        static string Dates(IEnumerable<DateOnly> ds) => "[" + string.Join(", ", ds.Select(d => S(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))) + "]";
        var sb = new StringBuilder("{");
        sb.Append("\"due\": ").Append(S(r.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        sb.Append(", \"explanation\": ").Append(S(r.Explanation));
        sb.Append(", \"skipped\": ").Append(Dates(r.Skipped));
        sb.Append(", \"made_up\": ").Append(Dates(r.MadeUp));
        sb.Append(", \"flagged\": ").Append(r.Flagged ? "true" : "false");
        return sb.Append('}').ToString();
    }
}
