namespace Gongkai.Reporting;

/// <summary>One rule's outcome: ok, or its failures (each naming its cells and values).</summary>
public sealed record ReportCheck(string Rule, RuleSeverity Severity, IReadOnlyList<RuleFailure> Failures)
{
    public bool Ok => Failures.Count == 0;
}

/// <summary>Runs the shared 勾稽关系 (<see cref="ConsistencyRules"/>) on built figures and lists every rule, passed or not.</summary>
public static class ReportChecks
{
    private static readonly string[] ModernRules =
    [
        ConsistencyRules.ApplicationsBalance, ConsistencyRules.ApplicationsResultTotal,
        ConsistencyRules.ApplicationsTotalColumn, ConsistencyRules.AppealsTotal,
    ];

    private static readonly string[] LegacyRules =
    [
        ConsistencyRules.LegacyChannels, ConsistencyRules.LegacyResponses, ConsistencyRules.LegacyDeniedExempt,
        ConsistencyRules.LegacyStaff, ConsistencyRules.LegacyAppeals, ConsistencyRules.LegacyFees, ConsistencyRules.LegacyFullText,
    ];

    /// <param name="previousYear">Last year's cells (its published report, or computed), for the continuity warning; null to skip.</param>
    public static IReadOnlyList<ReportCheck> Run(ReportFigures figures, IReadOnlyDictionary<string, decimal>? previousYear)
    {
        var failures = ConsistencyRules.Check(figures.Format, figures.Present).ToList();
        var rules = (figures.Format == ReportFormat.Legacy ? LegacyRules : ModernRules).ToList();
        if (figures.Format != ReportFormat.Legacy && previousYear is not null)
        {
            rules.Add(ConsistencyRules.CarryOverContinuity);
            failures.AddRange(ConsistencyRules.CheckCarryOver(previousYear, figures.Present, $"{figures.Year - 1}年报告", $"{figures.Year}年报告"));
        }
        return [.. rules.Select(rule => new ReportCheck(rule,
            rule == ConsistencyRules.CarryOverContinuity ? RuleSeverity.Warning : RuleSeverity.Error,
            [.. failures.Where(f => f.Rule == rule)]))];
    }

    public static bool BlocksPublication(IReadOnlyList<ReportCheck> checks) =>
        checks.Any(c => !c.Ok && c.Severity == RuleSeverity.Error);

    public static string RuleLabel(string rule) => rule switch
    {
        ConsistencyRules.ApplicationsBalance => "表三各列：新收＋上年结转＝办理结果总计＋结转下年度",
        ConsistencyRules.ApplicationsResultTotal => "表三各列：办理结果总计＝各项办理结果之和",
        ConsistencyRules.ApplicationsTotalColumn => "表三各行：总计列＝自然人与法人或其他组织各列之和",
        ConsistencyRules.AppealsTotal => "表四：各总计＝维持＋纠正＋其他＋尚未审结",
        ConsistencyRules.CarryOverContinuity => "跨年衔接：上年结转下年度＝本年上年结转（提示）",
        ConsistencyRules.ParentEqualsChildren => "汇总：上级报告＝下级报告之和",
        _ => rule,
    };
}
