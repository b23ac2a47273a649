using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Gongkai.ReportReading;
using Gongkai.Reporting;

namespace Gongkai.Cli.Reporting;

/// <summary>
/// <c>gongkai report read FILE... [--json]</c>: reads published annual reports and prints their
/// figures and contradictions; with several files, also the checks across them.
/// </summary>
public static class ReadReportVerb
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create()
    {
        var files = new Argument<string[]>("FILE") { Description = "年度报告文件（纯文本或网页），可以多个", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "以 JSON 输出（每个文件一个对象的数组）" };
        var command = new Command("read", "读取已发布的政府信息公开工作年度报告，提取统计数字并检查矛盾") { files, json };
        command.SetAction(parse => Run(
            parse.GetValue(files) ?? [], parse.GetValue(json),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>Exit code 0 when every file was read, 1 when any file could not be read.</summary>
    public static int Run(IReadOnlyList<string> files, bool json, TextWriter output, TextWriter error)
    {
        var results = new List<(string File, ReportReadResult? Result, string? Problem)>();
        foreach (var file in files)
        {
            var (text, problem) = Load(file);
            if (text is null)
            {
                results.Add((file, null, problem));
                continue;
            }
            var result = ReadReport.Read(text);
            results.Add((file, result.IsReport ? result : null, result.Problem));
        }

        var read = results.Where(r => r.Result is not null).ToList();
        var checkedAcross = CheckReports.Across([.. read.Select(r => r.Result!)]);
        var byFile = new Dictionary<string, ReportReadResult>();
        for (var i = 0; i < read.Count; i++) byFile[read[i].File] = checkedAcross[i];

        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(results.Select(r => ToJson(r.File, byFile.GetValueOrDefault(r.File), r.Problem)), Json));
        }
        else
        {
            foreach (var (file, _, problem) in results)
            {
                if (byFile.TryGetValue(file, out var result)) WriteHuman(output, file, result);
                else output.WriteLine($"{file}：{problem}\n");
            }
        }
        foreach (var (file, _, problem) in results.Where(r => r.Result is null))
        {
            error.WriteLine($"无法读取 {file}：{problem}");
        }
        return results.All(r => r.Result is not null) ? 0 : 1;
    }

    private static (string? Text, string? Problem) Load(string file)
    {
        if (!File.Exists(file)) return (null, "文件不存在，请检查路径。");
        try
        {
            var bytes = File.ReadAllBytes(file);
            if (bytes.Length == 0) return (null, "文件是空的，请提供年度报告的正文。");
            return (Gongkai.ReportReading.ReportInput.Decode(bytes), null);
        }
        catch (IOException e)
        {
            return (null, $"文件无法打开（{e.Message}）。");
        }
        catch (UnauthorizedAccessException)
        {
            return (null, "没有读取该文件的权限。");
        }
    }

    private static Dictionary<string, object?> ToJson(string file, ReportReadResult? result, string? problem)
    {
        var obj = new Dictionary<string, object?>
        {
            ["file"] = file,
            ["agency"] = result?.Agency,
            ["year"] = result?.Year,
            ["format"] = result?.Format?.Key(),
            ["cells"] = result?.Cells.ToDictionary(c => c.Key, c => c.Value) ?? new Dictionary<string, decimal>(),
            ["findings"] = result?.Findings.Select(f => new Dictionary<string, object?>
            {
                ["rule"] = f.Rule,
                ["severity"] = f.Severity == FindingSeverity.Warning ? "warning" : "error",
                ["message"] = f.Message,
                ["cells"] = f.Cells,
            }).ToList() ?? [],
        };
        if (result is not null)
        {
            obj["sources"] = result.Cells.ToDictionary(c => c.Key, c => new { line = c.Source.Line, column = c.Source.Column, origin = c.Origin == CellOrigin.Table ? "table" : "text" });
            obj["unplaced"] = result.Unplaced.Select(u => new { value = u.Value, line = u.Source.Line, reason = u.Reason }).ToList();
        }
        if (problem is not null) obj["error"] = problem;
        return obj;
    }

    private static void WriteHuman(TextWriter output, string file, ReportReadResult result)
    {
        var format = result.Format switch
        {
            ReportFormat.V2021 => "2021年格式",
            ReportFormat.V2019 => "2019年格式（试行）",
            _ => "2019年以前（旧统计口径）",
        };
        output.WriteLine($"== {file}");
        output.WriteLine($"机关：{result.Agency ?? "（未识别）"}　年度：{result.Year?.ToString(CultureInfo.InvariantCulture) ?? "（未识别）"}　格式：{format}");
        output.WriteLine($"读取到 {result.Cells.Count} 个数字：");
        foreach (var cell in result.Cells)
        {
            var from = cell.Origin == CellOrigin.Table ? "表" : "正文";
            output.WriteLine($"  {cell.Key} = {cell.Value.ToString("0.####", CultureInfo.InvariantCulture)}　（{from}第{cell.Source.Line}行）");
        }
        if (result.Unplaced.Count > 0)
        {
            output.WriteLine($"未能归位的数字 {result.Unplaced.Count} 个：");
            foreach (var u in result.Unplaced)
            {
                output.WriteLine($"  {u.Value.ToString("0.####", CultureInfo.InvariantCulture)}　（第{u.Source.Line}行：{u.Reason}）");
            }
        }
        if (result.Findings.Count == 0)
        {
            output.WriteLine("未发现矛盾。");
        }
        else
        {
            output.WriteLine($"发现 {result.Findings.Count} 处问题：");
            foreach (var f in result.Findings)
            {
                output.WriteLine($"  [{(f.Severity == FindingSeverity.Warning ? "提示" : "矛盾")}] {f.Message}（规则 {f.Rule}）");
            }
        }
        output.WriteLine();
    }
}
