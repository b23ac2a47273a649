using System.CommandLine;
using System.Globalization;
using System.Text;
using Gongkai.Reporting;
using Gongkai.Reporting.Export;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli.Reporting;

/// <summary>
/// <c>gongkai report generate --agency CODE --year 2024 [--format v2021|v2019|legacy] [--scope own|tree] [--out FILE.json|.docx|.html|.csv]</c>:
/// builds the report from the records; JSON to standard output when no file is given.
/// </summary>
public static class GenerateReportVerb
{
    public static Command Create(CliContext cli)
    {
        var agency = new Option<string>("--agency") { Description = "机关代码（如 xzfb）" };
        var year = new Option<string>("--year") { Description = "报告年度，如 2024" };
        var format = new Option<string?>("--format") { Description = "报告格式：v2021、v2019 或 legacy（默认按年度）" };
        var scope = new Option<string?>("--scope") { Description = "统计范围：own（本机关记录）或 tree（含全部下级机关）" };
        var output = new Option<string?>("--out") { Description = "输出文件，按扩展名决定格式：.json .docx .html .csv" };
        var command = new Command("generate", "根据办理记录生成政府信息公开工作年度报告") { agency, year, format, scope, output };
        command.SetAction((parse, ct) =>
        {
            var errors = new List<string>();
            var code = parse.GetValue(agency);
            if (string.IsNullOrWhiteSpace(code)) errors.Add("请用 --agency 指定机关代码。");
            var yearText = parse.GetValue(year);
            if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var y))
                errors.Add(yearText is null ? "请用 --year 指定报告年度，如 --year 2024。" : $"年度“{yearText}”不是四位数字的年份，如 2024。");
            ReportFormat? f = null;
            if (parse.GetValue(format) is { } formatText)
            {
                if (ReportKeys.TryParseFormat(formatText, out var parsed)) f = parsed;
                else errors.Add($"格式“{formatText}”无法识别，请使用 v2021、v2019 或 legacy。");
            }
            ReportScope? s = null;
            if (parse.GetValue(scope) is { } scopeText)
            {
                if (Enum.TryParse<ReportScope>(scopeText, false, out var parsed) && Enum.IsDefined(parsed)) s = parsed;
                else errors.Add($"统计范围“{scopeText}”无法识别，请使用 own 或 tree。");
            }
            var file = parse.GetValue(output);
            var extension = file is null ? ".json" : Path.GetExtension(file).ToLowerInvariant();
            if (extension is not (".json" or ".docx" or ".html" or ".csv"))
                errors.Add($"输出文件“{file}”的扩展名应为 .json、.docx、.html 或 .csv。");
            if (errors.Count > 0)
            {
                foreach (var e in errors) cli.Error.WriteLine($"错误：{e}");
                return Task.FromResult(2);
            }
            return cli.RunAsync(parse, async services =>
            {
                var result = await services.GetRequiredService<GenerateReport>().RunAsync(code, y, f, s, ct);
                if (!result.Succeeded) return await cli.FailAsync(result.Errors);
                var report = result.Value;
                byte[] bytes = extension switch
                {
                    ".docx" => ReportDocx.Write(report),
                    ".html" => Encoding.UTF8.GetBytes(ReportHtml.Document(report)),
                    ".csv" => Encoding.UTF8.GetBytes(ReportCsv.Write(report)),
                    _ => Encoding.UTF8.GetBytes(ReportJson.Write(report)),
                };
                if (file is null) await cli.Out.WriteLineAsync(Encoding.UTF8.GetString(bytes));
                else
                {
                    try { await File.WriteAllBytesAsync(file, bytes, ct); }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        await cli.Error.WriteLineAsync($"错误：无法写入文件“{file}”，请检查路径和权限。");
                        return 1;
                    }
                    await cli.Out.WriteLineAsync($"已生成{report.Agency.Name}{y}年度报告（{report.Figures.Format.Key()}）：{file}");
                }
                foreach (var failure in report.Checks.SelectMany(c => c.Failures))
                    await cli.Error.WriteLineAsync($"{(failure.Severity == RuleSeverity.Error ? "未通过" : "提示")}：{failure.Message}");
                return 0;
            });
        });
        return command;
    }
}
