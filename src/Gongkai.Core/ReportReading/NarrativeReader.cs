using System.Globalization;
using System.Text.RegularExpressions;
using Gongkai.Reporting;

namespace Gongkai.ReportReading;

/// <summary>
/// Reads figures stated in sentences ("共受理政府信息公开申请42件", "配备了2名全职工作人员",
/// "没有发生…实际支出") under the key they speak about, for comparison with the tables (and as the
/// only source in narrative-only reports of the legacy era).
/// </summary>
internal static partial class NarrativeReader
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.Compiled;
    private const string N = @"(?<n>\d[\d,]*(?:\.\d+)?)";
    private const string Gap = @"[^,，。;；:：\d\n]{0,14}?";

    /// <summary>A phrase, the key it gives in the legacy era and in 2019/2021, and a fixed value for "none" phrases.</summary>
    private sealed record Phrase(Regex Pattern, string? LegacyKey, string? ModernKey, decimal? Fixed = null);

    // Derived (not an official cell): the sum of the eight 不予公开 rows of table 三, 总计 column.
    internal const string WithheldTotal = "applications.result.withheld.total";

    private static readonly Phrase[] Phrases =
    [
        P($@"(?:受理|收到|办理)(?:了)?{Gap}(?:申请|依申请公开(?:政府)?(?:信息)?)(?:共)?{N}\s*(?:件|条)", "legacy.applications.total", "applications.new.total"),
        P($@"新收{Gap}申请(?:共)?{N}\s*件", "legacy.applications.total", "applications.new.total"),
        P($@"当面(?:提交|提出)?(?:形式)?申请{N}\s*件", "legacy.applications.by_channel.in_person", null),
        P($@"传真(?:形式)?申请{N}\s*件", "legacy.applications.by_channel.fax", null),
        P($@"电子邮件(?:形式)?申请{N}\s*件", "legacy.applications.by_channel.email", null),
        P($@"(?:网上|网络)(?:提交|提出)?(?:形式)?申请{N}\s*件", "legacy.applications.by_channel.online", null),
        P($@"信函(?:形式)?申请{N}\s*件", "legacy.applications.by_channel.letter", null),
        P($@"已(?:经)?(?:作出)?答复的{N}\s*件", "legacy.responses.total", null),
        P($@"(?<!部分)""?(?:同意公开|予以公开)""?(?:答复)?(?:的)?{N}\s*件", "legacy.responses.granted", "applications.result.granted.total"),
        P($@"""?(?:同意)?部分公开""?(?:答复)?(?:的)?{N}\s*件", "legacy.responses.partial", "applications.result.partial.total"),
        P($@"""?申请内容不明确""?(?:的)?{N}\s*件", "legacy.responses.denied.unclear", null),
        P($@"""?不予公开""?(?:答复)?(?:的)?{N}\s*件", "legacy.responses.denied.total", WithheldTotal),
        P($@"上年结转(?:政府信息公开)?(?:申请)?{N}\s*件", null, "applications.carried_over.total"),
        P($@"结转(?:至)?下(?:一)?年度?(?:继续办理)?(?:的)?(?:申请)?{N}\s*件", null, "applications.carry_forward.total"),
        P($@"{N}\s*名(?:全职|专职)(?:工作)?人员", "legacy.staff.full_time", null),
        P($@"{N}\s*名兼职(?:工作)?人员", "legacy.staff.part_time", null),
        P($@"(?:没有|未)发生[^。;；,，\n]{{0,16}}?实际支出", "legacy.budget.actual_expenditure", null, 0),
        P($@"(?:没有|未|均未)[^。;；,，\d\n]{{0,20}}?(?:收取|进行收费|收费)", "legacy.fees.total", null, 0),
        P($@"(?:没有|未)(?:发生|收到)[^。;；,，\d\n]{{0,20}}?行政复议", "legacy.review.total", "review.total", 0),
        P($@"行政复议(?:案件)?(?:申请)?{N}\s*(?:件|起)", "legacy.review.total", "review.total"),
        P($@"行政诉讼(?:案件)?{N}\s*(?:件|起)", "legacy.litigation.total", null),
        P($@"咨询电话(?:接听)?{N}\s*(?:人次|次)", "legacy.consultations.phone", null),
        P($@"(?:当面|现场)咨询(?:接待)?{N}\s*(?:人次|次)", "legacy.consultations.in_person", null),
        P($@"网上(?:接受)?(?:公众)?咨询(?:服务事项)?{N}\s*(?:人次|次|件)", "legacy.consultations.online", null),
        P($@"访问量(?:为|达)?{N}\s*(?:人次|次)", "legacy.proactive.page_views", null),
        P($@"(?:累计|共)主动公开(?:政府)?信息{N}\s*条", "legacy.proactive.total", null),
        P($@"网站新增主动公开(?:政府)?信息{N}\s*条", "legacy.proactive.by_channel.website", null),
        P($@"(?:发布|制发|出台)(?:了)?(?:行政)?规范性文件{N}\s*件", "legacy.proactive.normative_docs", null),
    ];

    public static void Read(ReadingState state, ReportFormat format)
    {
        var norm = state.Norm;
        foreach (var phrase in Phrases)
        {
            var key = format == ReportFormat.Legacy ? phrase.LegacyKey : phrase.ModernKey;
            if (key is null) continue;
            for (var m = phrase.Pattern.Match(norm); m.Success; m = m.NextMatch())
            {
                var number = m.Groups["n"];
                decimal value;
                int start, end;
                if (phrase.Fixed is { } fixedValue)
                {
                    (value, start, end) = (fixedValue, m.Index, m.Index + m.Length);
                }
                else
                {
                    if (IsApproximate(norm, number.Index + number.Length)) continue;
                    value = decimal.Parse(number.Value.Replace(",", ""), CultureInfo.InvariantCulture);
                    (start, end) = (number.Index, number.Index + number.Length);
                }
                state.Narrative.Add(new NarrativeFigure(key, value, start, end, state.Text.Plain.Substring(m.Index, m.Length), key == WithheldTotal));
            }
        }
    }

    /// <summary>"13000多条", "约500余条": an approximation, not a figure to check.</summary>
    internal static bool IsApproximate(string norm, int afterNumber) =>
        afterNumber < norm.Length && norm[afterNumber] is '多' or '余';

    private static Phrase P(string pattern, string? legacyKey, string? modernKey, decimal? fixedValue = null) =>
        new(new Regex(pattern, Options), legacyKey, modernKey, fixedValue);
}
