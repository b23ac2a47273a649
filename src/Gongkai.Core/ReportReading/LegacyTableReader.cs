using System.Text.RegularExpressions;

namespace Gongkai.ReportReading;

/// <summary>
/// Reads the statistics tables of pre-2019 reports (annual-report-format.md §7). Their labels
/// vary by locality, so each <c>legacy.*</c> key has the label variants seen in templates; a
/// label's value is the first number after it, with only a unit word or separators between
/// ("受理申请数 件 42", "网上咨询数\n人次\n9700"). A label followed by another label is a blank cell.
/// </summary>
internal static partial class LegacyTableReader
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.Compiled;

    private static readonly (string Key, Regex Label)[] Labels =
    [
        .. new (string, string)[]
        {
            ("legacy.proactive.total", @"(?<!电子化的?)(?<!规范性文件)主动公开(?:政府)?信息(?:总)?数"),
            ("legacy.proactive.full_text_electronic", @"全文电子化(?:的)?(?:主动公开)?(?:政府)?信息数"),
            ("legacy.proactive.normative_docs", @"(?:新增|制发)(?:的)?(?:行政)?规范性文件(?:总)?数|主动公开规范性文件数"),
            ("legacy.proactive.by_channel.website", @"通过政府网站公开(?:信息)?数"),
            ("legacy.proactive.by_channel.gazette", @"通过政府公报公开(?:信息)?数"),
            ("legacy.proactive.by_channel.other", @"通过其他(?:渠道|方式)公开(?:信息)?数"),
            ("legacy.proactive.page_views", @"(?:网站)?(?:专栏)?页面访问量"),
            ("legacy.applications.total", @"受理(?:政府信息公开)?申请(?:总)?数|(?<!对)申请总数|受理依申请公开(?:信息)?总数"),
            ("legacy.applications.by_channel.in_person", @"当面申请数"),
            ("legacy.applications.by_channel.fax", @"传真申请数"),
            ("legacy.applications.by_channel.email", @"电子邮件申请数"),
            ("legacy.applications.by_channel.online", @"(?:网上|网络)申请数"),
            ("legacy.applications.by_channel.letter", @"信函申请数"),
            ("legacy.applications.by_channel.other", @"其他(?:形式)?申请数"),
            ("legacy.applications.closed_on_time", @"按时办结数"),
            ("legacy.applications.closed_extended", @"延期办结数"),
            ("legacy.responses.total", @"对申请的答复总数|答复总数"),
            ("legacy.responses.granted", @"(?<!部分)同意公开(?:答复)?数"),
            ("legacy.responses.partial", @"同意部分公开(?:答复)?数"),
            ("legacy.responses.denied.total", @"(?:否决公开|不予公开)(?:答复)?(?:总)?数"),
            ("legacy.responses.denied.not_government_info", @"非""?《(?:条例|规定)》所指(?:政府)?信息""?数"),
            ("legacy.responses.denied.not_exist", @"(?<!申请)""?信息不存在""?数"),
            ("legacy.responses.denied.not_held", @"""?非本(?:部门|机关|行政机关)(?:掌握|职责权限范围)""?数"),
            ("legacy.responses.denied.unclear", @"""?申请内容不明确""?数"),
            ("legacy.responses.denied.repeat", @"""?重复申请""?数"),
            ("legacy.responses.denied.other", @"其他原因(?:数)?"),
            ("legacy.responses.already_public", @"属于已主动公开范围数"),
            ("legacy.responses.not_responsible", @"不属于本行政机关公开数"),
            ("legacy.responses.not_exist", @"申请信息不存在数"),
            ("legacy.responses.asked_to_amend", @"告知作出更改补充数"),
            ("legacy.responses.other_channel", @"告知通过其他途径办理数"),
            ("legacy.consultations.in_person", @"现场(?:咨询)?接待人(?:次)?数"),
            ("legacy.consultations.online", @"网上咨询(?:人次)?数"),
            ("legacy.consultations.phone", @"咨询电话(?:接)?听(?:人次)?数"),
            ("legacy.review.total", @"行政复议(?:案件)?(?:总)?数"),
            ("legacy.litigation.total", @"行政诉讼(?:案件)?(?:总)?数"),
            ("legacy.complaints.total", @"(?:行政申诉|举报投诉)(?:案件)?数"),
            ("legacy.fees.total", @"收取费用总(?:数|额)|收费总(?:数|额)"),
            ("legacy.fees.retrieval", @"检索费"),
            ("legacy.fees.postage", @"邮寄费"),
            ("legacy.fees.copy", @"复制费(?!\s*\()"),
            ("legacy.staff.total", @"(?:指定)?专职人员总数|工作人员总数"),
            ("legacy.staff.full_time", @"(?:全职|专职)人员数"),
            ("legacy.staff.part_time", @"兼职人员数"),
            ("legacy.budget.special_funds", @"(?:处理)?政府信息公开的?专项经费"),
            ("legacy.budget.actual_expenditure", @"处理政府信息公开的实际支出|政府信息公开实际支出(?:总)?(?:额|数)"),
            ("legacy.org.bodies", @"(?:政府信息公开)?专门机构数"),
            ("legacy.org.reading_points", @"查阅(?:场)?点数"),
        }.Select(p => (p.Item1, new Regex(p.Item2, Options))),
    ];

    public static void Read(ReadingState state)
    {
        var norm = state.Norm;
        int first = int.MaxValue, last = -1;
        var consumed = new HashSet<int>();
        foreach (var (key, label) in Labels)
        {
            for (var m = label.Match(norm); m.Success; m = m.NextMatch())
            {
                var value = ValueAfter(norm, m.Index + m.Length);
                if (value is { } token)
                {
                    state.AddTableCell(key, token);
                    consumed.Add(token.Start);
                    first = Math.Min(first, m.Index);
                    last = Math.Max(last, token.End);
                    break;
                }
                if (LooksLikeTableCell(norm, m.Index, m.Index + m.Length))
                {
                    state.BlankInTable.Add(key);
                    first = Math.Min(first, m.Index);
                    last = Math.Max(last, m.Index + m.Length);
                }
            }
        }

        // The exemption sub-items under 不予公开 are numbered by each locality: "(5)“危及安全和稳定”数".
        for (var m = Exemption().Match(norm); m.Success; m = m.NextMatch())
        {
            var key = $"legacy.responses.denied.exempt_{m.Groups[1].Value}";
            if (ValueAfter(norm, m.Index + m.Length) is { } token)
            {
                state.AddTableCell(key, token);
                consumed.Add(token.Start);
                last = Math.Max(last, token.End);
            }
            else
            {
                state.BlankInTable.Add(key);
            }
        }

        if (last < 0) return;
        foreach (var token in NumberToken.Scan(norm, first, last))
        {
            if (token.Kind == NumberKind.Value && !consumed.Contains(token.Start))
            {
                state.AddUnplaced(token, "统计表中的此项不属于规范中的统计指标");
            }
        }
    }

    /// <summary>The number right after a label, past separators and a unit word; null if text intervenes.</summary>
    private static NumberToken? ValueAfter(string norm, int from)
    {
        var i = Skip(norm, from);
        if (i >= norm.Length || !(char.IsAsciiDigit(norm[i]) || norm[i] == '-')) return null;
        var tokens = NumberToken.Scan(norm, i, Math.Min(norm.Length, i + 24));
        return tokens.Count > 0 && tokens[0].Start == i && tokens[0].Kind == NumberKind.Value ? tokens[0] : null;
    }

    private static int Skip(string norm, int i)
    {
        while (i < norm.Length)
        {
            var c = norm[i];
            if (char.IsWhiteSpace(c) || c is '|' or ':' or '"' or ')' or '(')
            {
                i++;
                continue;
            }
            var unit = Unit().Match(norm, i, Math.Min(4, norm.Length - i));
            if (unit.Success && unit.Index == i)
            {
                i += unit.Length;
                continue;
            }
            break;
        }
        return i;
    }

    /// <summary>A label alone on its line (or cell) is a table row; inside a sentence it is prose.</summary>
    private static bool LooksLikeTableCell(string norm, int start, int end)
    {
        var after = end;
        while (after < norm.Length && norm[after] is ' ' or '"') after++;
        return after >= norm.Length || norm[after] is '\n' or '\t' or '|';
    }

    [GeneratedRegex(@"\((\d)\)\s*""[^""\n]{1,24}""\s*数")]
    private static partial Regex Exemption();

    [GeneratedRegex(@"人次|万元|条|件|个|人|次|元|项|单位|数量")]
    private static partial Regex Unit();
}
