using System.Text.RegularExpressions;
using Gongkai.Reporting;

namespace Gongkai.ReportReading;

/// <summary>
/// Reads one published annual report (text or HTML, any era, simplified or traditional) into the
/// spec's cell keys and checks it: the format's consistency rules (shared with the report
/// builder), narrative figures against the tables, and percentages against counts. Pure and
/// deterministic; no network.
/// </summary>
public static partial class ReadReport
{
    public const string NarrativeVsTableRule = "text.narrative_vs_table";
    public const string RateRule = "text.percentage";

    public static ReportReadResult Read(string input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return NotAReport(input ?? "", "内容为空：请提供政府信息公开工作年度报告的正文（纯文本或网页）。");
        }
        var text = ReportText.From(input);
        var state = new ReadingState(text);
        var (agency, year) = HeaderReader.Read(text.Norm);

        ReportFormat format;
        if (ModernTableReader.Locate(text.Norm) is { } at)
        {
            format = ModernTableReader.DetectFormat(text.Norm, at, year);
            ModernTableReader.Read(state, format, at);
        }
        else
        {
            format = year >= 2019 ? ReportFormat.V2021 : ReportFormat.Legacy;
            if (format == ReportFormat.Legacy) LegacyTableReader.Read(state);
        }
        NarrativeReader.Read(state, format);
        foreach (var figure in state.Narrative.Where(f => !f.IsDerivedKey))
        {
            state.AddNarrativeCell(figure.Key, figure.Value, figure.Start, figure.End);
        }

        if (!state.Cells.Any() && !(year is not null && Mentions().IsMatch(text.Norm)))
        {
            return NotAReport(text.Plain, "未能识别为政府信息公开工作年度报告：文中既没有年度报告的标题，也没有可读取的统计数字。请检查文件是否选错。");
        }

        var cells = state.Cells.OrderBy(c => c.Source.Offset).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();
        var map = cells.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        var lines = cells.ToDictionary(c => c.Key, c => c.Source.Line, StringComparer.Ordinal);

        var findings = new List<ReportFinding>();
        foreach (var failure in ConsistencyRules.Check(format, map))
        {
            findings.Add(ToFinding(failure, lines));
        }
        CompareNarrative(state, map, findings);
        CheckRates(state, map);
        TextChecks.Check(state);
        findings.AddRange(state.Findings);

        return new ReportReadResult(agency, year, format, cells, state.Unplaced, findings, text.Plain, null);
    }

    internal static ReportFinding ToFinding(RuleFailure failure, IReadOnlyDictionary<string, int> lines) =>
        new(failure.Rule,
            failure.Severity == RuleSeverity.Warning ? FindingSeverity.Warning : FindingSeverity.Error,
            failure.Message,
            failure.Cells,
            [.. failure.Cells.Keys.Where(lines.ContainsKey).Select(k => lines[k]).Distinct().Order()]);

    private static void CompareNarrative(ReadingState state, Dictionary<string, decimal> map, List<ReportFinding> findings)
    {
        var seen = new HashSet<(string, decimal)>();
        foreach (var figure in state.Narrative)
        {
            if (!seen.Add((figure.Key, figure.Value))) continue;
            var line = state.Line(figure.Start);
            var textKey = $"text:L{line}";
            if (figure.IsDerivedKey)
            {
                var leaves = ReportFormats.ResultLeafRows(ReportFormat.V2021).Select(r => r.Key).Where(k => k.StartsWith("result.withheld.", StringComparison.Ordinal))
                    .Select(k => ReportKeys.ApplicationCell(k, ApplicantColumn.Total)).ToList();
                if (!leaves.Any(map.ContainsKey)) continue;
                var sum = leaves.Sum(k => map.GetValueOrDefault(k));
                if (sum == figure.Value) continue;
                findings.Add(new ReportFinding(NarrativeVsTableRule, FindingSeverity.Error,
                    $"第{line}行正文称「{figure.Phrase}」，而表三“不予公开”各项总计为{TextChecks.Fmt(sum)}件。",
                    new Dictionary<string, decimal?> { [figure.Key] = sum, [textKey] = figure.Value }, [line]));
                continue;
            }
            var cell = state.Cells.FirstOrDefault(c => c.Key == figure.Key);
            if (cell is { Origin: CellOrigin.Table } && cell.Value != figure.Value)
            {
                findings.Add(new ReportFinding(NarrativeVsTableRule, FindingSeverity.Error,
                    $"第{line}行正文称「{figure.Phrase}」（{TextChecks.Fmt(figure.Value)}），而表中{Describe(figure.Key)}为{TextChecks.Fmt(cell.Value)}（第{cell.Source.Line}行）。",
                    new Dictionary<string, decimal?> { [figure.Key] = cell.Value, [textKey] = figure.Value },
                    [.. new[] { line, cell.Source.Line }.Distinct().Order()]));
            }
            else if (cell is null && state.BlankInTable.Contains(figure.Key) && figure.Value != 0)
            {
                findings.Add(new ReportFinding(NarrativeVsTableRule, FindingSeverity.Error,
                    $"第{line}行正文称「{figure.Phrase}」（{TextChecks.Fmt(figure.Value)}），而表中{Describe(figure.Key)}一栏为空。",
                    new Dictionary<string, decimal?> { [figure.Key] = null, [textKey] = figure.Value }, [line]));
            }
        }
    }

    /// <summary>"全文电子化率达65%" against the table's full-text count over the proactive total.</summary>
    private static void CheckRates(ReadingState state, Dictionary<string, decimal> map)
    {
        var m = FullTextRate().Match(state.Norm);
        if (!m.Success || !map.TryGetValue("legacy.proactive.full_text_electronic", out var fullText)
            || !map.TryGetValue("legacy.proactive.total", out var total) || total == 0)
        {
            return;
        }
        var stated = TextChecks.Parse(m.Groups["p"].Value);
        var actual = fullText / total * 100m;
        if (Math.Abs(actual - stated) <= 0.5m) return;
        var line = state.Line(m.Index);
        state.Findings.Add(new ReportFinding(RateRule, FindingSeverity.Error,
            $"第{line}行称全文电子化率{TextChecks.Fmt(stated)}%，而统计表全文电子化信息{TextChecks.Fmt(fullText)}条占主动公开{TextChecks.Fmt(total)}条的{Math.Round(actual, 1)}%。",
            new Dictionary<string, decimal?>
            {
                ["legacy.proactive.full_text_electronic"] = fullText,
                ["legacy.proactive.total"] = total,
                [$"text:L{line}.percent"] = stated,
            },
            [line]));
    }

    private static string Describe(string key)
    {
        var cell = ReportFormats.Legacy.FindCell(key) ?? ReportFormats.V2021.FindCell(key) ?? ReportFormats.V2019.FindCell(key);
        return cell is null ? key : $"“{cell.Describe()}”";
    }

    private static ReportReadResult NotAReport(string text, string problem) =>
        new(null, null, null, [], [], [], text, problem);

    [GeneratedRegex(@"政府信息公开|政务公开")]
    private static partial Regex Mentions();

    [GeneratedRegex(@"全文电子化率\s*(?:达到|达|为)?\s*(?<p>\d+(?:\.\d+)?)\s*%")]
    private static partial Regex FullTextRate();
}
