using Gongkai.Reporting;

namespace Gongkai.ReportReading;

/// <summary>
/// Checks across several reports read together: carry-over between consecutive years of the same
/// agency (a warning, on the later report), and a government's report against the sum of its
/// children's (on the parent). A child is a report of the same year and format whose agency name
/// starts with the parent's place name ("开阳县人民政府" → "开阳县教育局", "开阳县龙岗镇人民政府").
/// </summary>
public static class CheckReports
{
    public static IReadOnlyList<ReportReadResult> Across(IReadOnlyList<ReportReadResult> reports)
    {
        var extra = reports.Select(_ => new List<ReportFinding>()).ToList();
        for (var i = 0; i < reports.Count; i++)
        {
            var current = reports[i];
            if (current.Agency is null || current.Year is null || current.Format is null or ReportFormat.Legacy) continue;
            for (var j = 0; j < reports.Count; j++)
            {
                var previous = reports[j];
                if (previous.Agency != current.Agency || previous.Year != current.Year - 1 || previous.Format is null or ReportFormat.Legacy) continue;
                var lines = current.Cells.ToDictionary(c => c.Key, c => c.Source.Line);
                foreach (var failure in ConsistencyRules.CheckCarryOver(previous.CellMap, current.CellMap, $"{previous.Year}年报告", $"{current.Year}年报告"))
                {
                    extra[i].Add(ReadReport.ToFinding(failure, lines));
                }
            }
        }

        for (var p = 0; p < reports.Count; p++)
        {
            var parent = reports[p];
            var place = Place(parent.Agency);
            if (place is null || parent.Format is null) continue;
            var children = reports
                .Where((r, i) => i != p && r.Year == parent.Year && r.Format == parent.Format && r.Agency is not null
                    && r.Agency.StartsWith(place, StringComparison.Ordinal) && r.Agency != parent.Agency)
                .ToList();
            if (children.Count == 0) continue;
            var keys = parent.CellMap.Keys.Concat(children.SelectMany(c => c.CellMap.Keys)).Distinct()
                .Where(IsAdditive).Order(StringComparer.Ordinal).ToList();
            var lines = parent.Cells.ToDictionary(c => c.Key, c => c.Source.Line);
            foreach (var failure in ConsistencyRules.CheckAggregation(parent.CellMap, [.. children.Select(c => c.CellMap)], keys))
            {
                var names = string.Join("、", children.Select(c => c.Agency));
                extra[p].Add(ReadReport.ToFinding(failure with { Message = $"{failure.Message}（下级：{names}）" }, lines));
            }
        }

        return [.. reports.Select((r, i) => extra[i].Count == 0 ? r : r with { Findings = [.. r.Findings, .. extra[i]] })];
    }

    /// <summary>"开阳县" for "开阳县人民政府"; null for agencies that are not a people's government.</summary>
    private static string? Place(string? agency) =>
        agency is not null && agency.EndsWith("人民政府", StringComparison.Ordinal) && agency.Length > 4 ? agency[..^4] : null;

    /// <summary>Request, appeal and legacy request counts add up over agencies; proactive stock figures need not.</summary>
    private static bool IsAdditive(string key) =>
        key.StartsWith("applications.", StringComparison.Ordinal) || key.StartsWith("review.", StringComparison.Ordinal)
        || key.StartsWith("litigation.", StringComparison.Ordinal) || key.StartsWith("legacy.applications.", StringComparison.Ordinal)
        || key.StartsWith("legacy.responses.", StringComparison.Ordinal);
}
