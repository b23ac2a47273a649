using System.Globalization;

namespace Gongkai.Reporting;

public enum RuleSeverity
{
    Error,
    /// <summary>Practice, not the format: organs re-baseline, so this must not block publication.</summary>
    Warning,
}

/// <summary>
/// A failed consistency rule: the rule's id, a Chinese sentence with the numbers, and every cell
/// involved (null = the cell is blank in the report).
/// </summary>
public sealed record RuleFailure(string Rule, RuleSeverity Severity, string Message, IReadOnlyDictionary<string, decimal?> Cells);

/// <summary>
/// The 勾稽关系 of annual-report-format.md §4.3 and §5, plus the sums implied by the legacy
/// statistics tables (§7), as pure functions over a cell map. Shared by the report builder (where
/// every cell is present) and the report reader (where an absent key means a blank cell). A rule
/// is skipped when every cell it involves is blank; otherwise blanks count as 0.
/// </summary>
public static class ConsistencyRules
{
    public const string ApplicationsBalance = "applications.balance";
    public const string ApplicationsResultTotal = "applications.result_total";
    public const string ApplicationsTotalColumn = "applications.total_column";
    public const string AppealsTotal = "appeals.total";
    public const string CarryOverContinuity = "applications.carry_over_continuity";
    public const string ParentEqualsChildren = "aggregation.parent_equals_children";
    public const string LegacyChannels = "legacy.applications.channels";
    public const string LegacyResponses = "legacy.responses.parts";
    public const string LegacyDeniedExempt = "legacy.responses.denied_exempt";
    public const string LegacyStaff = "legacy.staff.parts";
    public const string LegacyAppeals = "legacy.appeals.parts";
    public const string LegacyFees = "legacy.fees.parts";
    public const string LegacyFullText = "legacy.proactive.full_text_within_total";

    private static readonly string[] AppealGroups = ["review", "litigation.direct", "litigation.after_review"];

    /// <summary>All rules of one report in its format.</summary>
    public static IReadOnlyList<RuleFailure> Check(ReportFormat format, IReadOnlyDictionary<string, decimal> cells)
    {
        var failures = new List<RuleFailure>();
        if (format == ReportFormat.Legacy)
        {
            CheckLegacy(cells, failures);
            return failures;
        }
        CheckApplications(format, cells, failures);
        CheckAppeals(cells, failures);
        return failures;
    }

    /// <summary>
    /// Cross-year continuity: last year's 结转下年度继续办理 should equal this year's 上年结转, per
    /// column. A warning only (practice, not the format).
    /// </summary>
    public static IReadOnlyList<RuleFailure> CheckCarryOver(
        IReadOnlyDictionary<string, decimal> previousYear, IReadOnlyDictionary<string, decimal> thisYear,
        string previousLabel = "上年报告", string thisLabel = "本年报告")
    {
        var failures = new List<RuleFailure>();
        foreach (var column in ReportKeys.Columns)
        {
            var forwardKey = ReportKeys.ApplicationCell("carry_forward", column);
            var overKey = ReportKeys.ApplicationCell("carried_over", column);
            var forward = Get(previousYear, forwardKey);
            var over = Get(thisYear, overKey);
            if (forward is null && over is null) continue;
            if ((forward ?? 0) == (over ?? 0)) continue;
            failures.Add(new RuleFailure(CarryOverContinuity, RuleSeverity.Warning,
                $"“{ColumnLabel(column)}”列：{previousLabel}结转下年度继续办理{Show(forward)}件，{thisLabel}上年结转{Show(over)}件，两者不一致。",
                new Dictionary<string, decimal?> { [$"previous:{forwardKey}"] = forward, [overKey] = over }));
        }
        return failures;
    }

    /// <summary>
    /// A parent's report against the sum of its children's, cell by cell, over <paramref name="keys"/>
    /// (default: every key any of them states).
    /// </summary>
    public static IReadOnlyList<RuleFailure> CheckAggregation(
        IReadOnlyDictionary<string, decimal> parent, IReadOnlyList<IReadOnlyDictionary<string, decimal>> children,
        IEnumerable<string>? keys = null)
    {
        var failures = new List<RuleFailure>();
        var allKeys = keys ?? parent.Keys.Concat(children.SelectMany(c => c.Keys)).Distinct().Order(StringComparer.Ordinal);
        foreach (var key in allKeys)
        {
            var own = Get(parent, key);
            var childValues = children.Select(c => Get(c, key)).ToList();
            if (own is null && childValues.All(v => v is null)) continue;
            var sum = childValues.Sum(v => v ?? 0);
            if ((own ?? 0) == sum) continue;
            var involved = new Dictionary<string, decimal?> { [key] = own };
            for (var i = 0; i < childValues.Count; i++) involved[$"child{i + 1}:{key}"] = childValues[i];
            failures.Add(new RuleFailure(ParentEqualsChildren, RuleSeverity.Error,
                $"{key}：上级报告为{Show(own)}，下级{children.Count}份报告合计为{Show(sum)}，相差{Show((own ?? 0) - sum)}。",
                involved));
        }
        return failures;
    }

    private static void CheckApplications(ReportFormat format, IReadOnlyDictionary<string, decimal> cells, List<RuleFailure> failures)
    {
        var leafRows = ReportFormats.ResultLeafRows(format);
        foreach (var column in ReportKeys.Columns)
        {
            string K(string row) => ReportKeys.ApplicationCell(row, column);
            var label = ColumnLabel(column);

            var lhs = new[] { K("new"), K("carried_over") };
            var rhs = new[] { K("result.total"), K("carry_forward") };
            if (AnyPresent(cells, [.. lhs, .. rhs]) && SumOf(cells, lhs) != SumOf(cells, rhs))
            {
                failures.Add(new RuleFailure(ApplicationsBalance, RuleSeverity.Error,
                    $"“{label}”列：本年新收{Show(cells, lhs[0])} + 上年结转{Show(cells, lhs[1])} = {Fmt(SumOf(cells, lhs))}，" +
                    $"而办理结果总计{Show(cells, rhs[0])} + 结转下年度{Show(cells, rhs[1])} = {Fmt(SumOf(cells, rhs))}，" +
                    "不符合“第一项加第二项之和，等于第三项加第四项之和”。",
                    Involved(cells, [.. lhs, .. rhs])));
            }

            var leaves = leafRows.Select(r => K(r.Key)).ToArray();
            CheckSum(cells, K("result.total"), leaves, ApplicationsResultTotal, failures,
                (total, sum) => $"“{label}”列：办理结果总计为{total}，但各项办理结果之和为{sum}。");
        }

        var rowKeys = new[] { "new", "carried_over" }.Concat(leafRows.Select(r => r.Key)).Concat(["result.total", "carry_forward"]);
        foreach (var row in rowKeys)
        {
            var parts = ReportKeys.ApplicantParts.Select(c => ReportKeys.ApplicationCell(row, c)).ToArray();
            // A total with every part blank cannot be checked (reports that fill only the 总计 column).
            if (!AnyPresent(cells, parts)) continue;
            var rowLabel = ReportFormats.For(format).FindCell(ReportKeys.ApplicationCell(row, ApplicantColumn.Total))?.Row.Label ?? row;
            CheckSum(cells, ReportKeys.ApplicationCell(row, ApplicantColumn.Total), parts, ApplicationsTotalColumn, failures,
                (total, sum) => $"“{rowLabel}”行：总计为{total}，但自然人与法人或其他组织各列之和为{sum}。");
        }
    }

    private static void CheckAppeals(IReadOnlyDictionary<string, decimal> cells, List<RuleFailure> failures)
    {
        foreach (var group in AppealGroups)
        {
            var name = group switch { "review" => "行政复议", "litigation.direct" => "行政诉讼（未经复议直接起诉）", _ => "行政诉讼（复议后起诉）" };
            CheckSum(cells, $"{group}.total", [$"{group}.upheld", $"{group}.corrected", $"{group}.other", $"{group}.pending"], AppealsTotal, failures,
                (total, sum) => $"{name}：总计为{total}，但结果维持、结果纠正、其他结果、尚未审结之和为{sum}。");
        }
    }

    private static void CheckLegacy(IReadOnlyDictionary<string, decimal> cells, List<RuleFailure> failures)
    {
        // Channel and response breakdowns are often partial in prose ("其中当面申请5件"), so the sum
        // is only checked when at least two parts are stated.
        string[] channels = [.. new[] { "in_person", "fax", "email", "online", "letter", "other" }.Select(c => $"legacy.applications.by_channel.{c}")];
        if (CountPresent(cells, channels) >= 2)
        {
            CheckSum(cells, "legacy.applications.total", channels, LegacyChannels, failures,
                (total, sum) => $"受理申请数为{total}，但各申请渠道之和为{sum}。", skipWhenTotalBlank: true);
        }

        string[] responseParts =
        [
            "legacy.responses.granted", "legacy.responses.partial",
            "legacy.responses.denied.not_government_info", "legacy.responses.denied.not_exist", "legacy.responses.denied.not_held",
            "legacy.responses.denied.unclear", "legacy.responses.denied.repeat", "legacy.responses.denied.other",
            .. Enumerable.Range(1, 9).Select(n => $"legacy.responses.denied.exempt_{n}"),
            "legacy.responses.already_public", "legacy.responses.not_responsible", "legacy.responses.not_exist",
            "legacy.responses.asked_to_amend", "legacy.responses.other_channel",
        ];
        if (CountPresent(cells, responseParts) >= 2)
        {
            CheckSum(cells, "legacy.responses.total", responseParts, LegacyResponses, failures,
                (total, sum) => $"对申请的答复总数为{total}，但各类答复之和为{sum}。", skipWhenTotalBlank: true);
        }

        var exempt = Enumerable.Range(1, 9).Select(n => $"legacy.responses.denied.exempt_{n}").ToArray();
        if (Get(cells, "legacy.responses.denied.total") is { } denied && SumOf(cells, exempt) > denied)
        {
            failures.Add(new RuleFailure(LegacyDeniedExempt, RuleSeverity.Error,
                $"不予公开数为{Fmt(denied)}，小于其下各不予公开情形之和{Fmt(SumOf(cells, exempt))}。",
                Involved(cells, ["legacy.responses.denied.total", .. exempt])));
        }

        CheckSum(cells, "legacy.staff.total", ["legacy.staff.full_time", "legacy.staff.part_time"], LegacyStaff, failures,
            (total, sum) => $"工作人员总数为{total}，但全职与兼职人数之和为{sum}。", skipWhenTotalBlank: true);
        foreach (var (group, name) in new[] { ("review", "行政复议"), ("litigation", "行政诉讼") })
        {
            CheckSum(cells, $"legacy.{group}.total", [$"legacy.{group}.upheld", $"legacy.{group}.corrected", $"legacy.{group}.other"], LegacyAppeals, failures,
                (total, sum) => $"{name}数为{total}，但维持、纠错、其他之和为{sum}。", skipWhenTotalBlank: true, skipWhenPartsBlank: true);
        }
        CheckSum(cells, "legacy.fees.total", ["legacy.fees.retrieval", "legacy.fees.copy", "legacy.fees.postage"], LegacyFees, failures,
            (total, sum) => $"收取费用总数为{total}元，但检索费、复制费、邮寄费之和为{sum}元。", skipWhenTotalBlank: true, skipWhenPartsBlank: true);

        if (Get(cells, "legacy.proactive.full_text_electronic") is { } fullText && Get(cells, "legacy.proactive.total") is { } proactive && fullText > proactive)
        {
            failures.Add(new RuleFailure(LegacyFullText, RuleSeverity.Error,
                $"全文电子化的主动公开信息数{Fmt(fullText)}大于主动公开信息总数{Fmt(proactive)}。",
                Involved(cells, ["legacy.proactive.full_text_electronic", "legacy.proactive.total"])));
        }
    }

    private static void CheckSum(
        IReadOnlyDictionary<string, decimal> cells, string totalKey, string[] partKeys, string rule, List<RuleFailure> failures,
        Func<string, string, string> message, bool skipWhenTotalBlank = false, bool skipWhenPartsBlank = false)
    {
        var total = Get(cells, totalKey);
        if (total is null && !AnyPresent(cells, partKeys)) return;
        if (total is null && skipWhenTotalBlank) return;
        if (skipWhenPartsBlank && !AnyPresent(cells, partKeys)) return;
        var sum = SumOf(cells, partKeys);
        if ((total ?? 0) == sum) return;
        failures.Add(new RuleFailure(rule, RuleSeverity.Error, message(Show(total), Fmt(sum)), Involved(cells, [totalKey, .. partKeys])));
    }

    private static Dictionary<string, decimal?> Involved(IReadOnlyDictionary<string, decimal> cells, IEnumerable<string> keys)
    {
        var result = new Dictionary<string, decimal?>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var value = Get(cells, key);
            // Blank parts of long sums add noise; blank totals and balance terms are kept.
            if (value is not null || result.Count < 1 || key.EndsWith(".total", StringComparison.Ordinal)) result[key] = value;
        }
        return result;
    }

    internal static string ColumnLabel(ApplicantColumn column) =>
        ReportFormats.V2021.FindCell(ReportKeys.ApplicationCell("new", column))!.Column.Label;

    private static decimal? Get(IReadOnlyDictionary<string, decimal> cells, string key) =>
        cells.TryGetValue(key, out var value) ? value : null;

    private static bool AnyPresent(IReadOnlyDictionary<string, decimal> cells, IEnumerable<string> keys) => keys.Any(cells.ContainsKey);

    private static int CountPresent(IReadOnlyDictionary<string, decimal> cells, IEnumerable<string> keys) => keys.Count(cells.ContainsKey);

    private static decimal SumOf(IReadOnlyDictionary<string, decimal> cells, IEnumerable<string> keys) => keys.Sum(k => Get(cells, k) ?? 0);

    private static string Show(IReadOnlyDictionary<string, decimal> cells, string key) => Show(Get(cells, key));

    private static string Show(decimal? value) => value is null ? "空" : Fmt(value.Value);

    internal static string Fmt(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
