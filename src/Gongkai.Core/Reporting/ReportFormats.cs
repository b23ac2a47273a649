namespace Gongkai.Reporting;

/// <summary>
/// The three report formats of annual-report-format.md as data. Labels are verbatim from the
/// spec (they are matched when reading and printed when rendering); keys are the spec's keys.
/// </summary>
public static class ReportFormats
{
    public const string ApplicationsNote = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

    private const string Results = "三、本年度办理结果";
    private const string Withheld = "（三）不予公开";
    private const string Unable = "（四）无法提供";
    private const string NotProcessed = "（五）不予处理";
    private const string OtherHandling = "（六）其他处理";

    public static ReportFormatDefinition V2021 { get; } = new(
        ReportFormat.V2021,
        "中华人民共和国政府信息公开工作年度报告格式（国办公开办函〔2021〕30号）",
        ModernSections,
        [Proactive2021(), Applications(v2021: true), Appeals()]);

    public static ReportFormatDefinition V2019 { get; } = new(
        ReportFormat.V2019,
        "中华人民共和国政府信息公开工作年度报告格式（试行）（国办公开办函〔2019〕60号）",
        ModernSections,
        [Proactive2019(), Applications(v2021: false), Appeals()]);

    public static ReportFormatDefinition Legacy { get; } = new(
        ReportFormat.Legacy,
        "政府信息公开工作年度报告（2019年以前，各地统计表常见项目）",
        LegacySections,
        [LegacyStatistics()]);

    public static ReportFormatDefinition For(ReportFormat format) => format switch
    {
        ReportFormat.V2021 => V2021,
        ReportFormat.V2019 => V2019,
        _ => Legacy,
    };

    /// <summary>The result rows of table 三 that carry numbers, in table order, for a format.</summary>
    public static IReadOnlyList<ReportRow> ResultLeafRows(ReportFormat format) =>
        [.. For(format).FindTable("三")!.Parts[0].Rows.Where(r => r.Key.StartsWith("result.", StringComparison.Ordinal) && r.Key != "result.total")];

    // Expression-bodied: static initializers run in textual order and the formats above need these.
    private static IReadOnlyList<ReportSection> ModernSections =>
    [
        new("一", "总体情况", []),
        new("二", "主动公开政府信息情况", []),
        new("三", "收到和处理政府信息公开申请情况", []),
        new("四", "政府信息公开行政复议、行政诉讼情况", ["政府信息公开行政复议和行政诉讼情况"]),
        new("五", "存在的主要问题及改进情况", ["政府信息公开工作存在的主要问题及改进情况"]),
        new("六", "其他需要报告的事项", []),
    ];

    // Shanghai-2004-style structure that many pre-2019 local templates followed (§7); not national.
    private static IReadOnlyList<ReportSection> LegacySections =>
    [
        new("一", "概述", []),
        new("二", "主动公开政府信息情况", []),
        new("三", "依申请公开政府信息情况", []),
        new("四", "政府信息公开咨询处理情况", []),
        new("五", "政府信息公开复议、诉讼和申诉情况", []),
        new("六", "政府信息公开支出和收费情况", []),
        new("七", "存在的主要问题和改进措施", []),
        new("八", "附表", []),
    ];

    private static ReportRow Row(string key, params string[] labels) => new(key, labels);

    private static ReportColumn Col(string key, params string[] labels) => new(key, labels);

    private static ReportTable Proactive2021()
    {
        var item1 = new[] { Col("issued", "本年制发件数"), Col("repealed", "本年废止件数"), Col("in_force", "现行有效件数") };
        var decisions = new[] { Col("decisions", "本年处理决定数量") };
        return new ReportTable("二", "主动公开政府信息情况", null,
        [
            new("第二十条第（一）项", "proactive", [Row("regulations", "规章"), Row("normative_docs", "行政规范性文件")], item1),
            new("第二十条第（五）项", "proactive", [Row("licensing", "行政许可")], decisions),
            new("第二十条第（六）项", "proactive", [Row("penalty", "行政处罚"), Row("coercion", "行政强制")], decisions),
            new("第二十条第（八）项", "proactive", [Row("admin_fees", "行政事业性收费")],
                [new ReportColumn("amount_10k_cny", ["本年收费金额（单位：万元）"], "万元")]),
        ]);
    }

    private static ReportTable Proactive2019()
    {
        var item1 = new[] { Col("new_made", "本年新制作数量"), Col("new_published", "本年新公开数量"), Col("total_published", "对外公开总数量") };
        var items = new[] { Col("prev_year_items", "上一年项目数量"), Col("change", "本年增/减"), Col("decisions", "处理决定数量") };
        return new ReportTable("二", "主动公开政府信息情况", null,
        [
            new("第二十条第（一）项", "proactive", [Row("regulations", "规章"), Row("normative_docs", "规范性文件")], item1),
            new("第二十条第（五）项", "proactive", [Row("licensing", "行政许可"), Row("other_external_services", "其他对外管理服务事项")], items),
            new("第二十条第（六）项", "proactive", [Row("penalty", "行政处罚"), Row("coercion", "行政强制")], items),
            new("第二十条第（八）项", "proactive", [Row("admin_fees", "行政事业性收费")], items[..2]),
            // The 2019 format fixes no unit for the amount (Shanghai wrote 元, Kaiyang 万元): store as read.
            new("第二十条第（九）项", "proactive", [Row("central_procurement", "政府集中采购")],
                [Col("projects", "采购项目数量"), Col("total_amount", "采购总金额")]),
        ]);
    }

    private static ReportTable Applications(bool v2021)
    {
        List<ReportRow> rows =
        [
            Row("new", "一、本年新收政府信息公开申请数量"),
            Row("carried_over", "二、上年结转政府信息公开申请数量"),
            Row("result.granted", Results, "（一）予以公开"),
            Row("result.partial", Results, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
            Row("result.withheld.state_secret", Results, Withheld, "1.属于国家秘密"),
            Row("result.withheld.law_prohibited", Results, Withheld, "2.其他法律行政法规禁止公开"),
            Row("result.withheld.security_stability", Results, Withheld, "3.危及“三安全一稳定”"),
            Row("result.withheld.third_party", Results, Withheld, "4.保护第三方合法权益"),
            Row("result.withheld.internal_affairs", Results, Withheld, "5.属于三类内部事务信息"),
            Row("result.withheld.process_info", Results, Withheld, "6.属于四类过程性信息"),
            Row("result.withheld.enforcement_file", Results, Withheld, "7.属于行政执法案卷"),
            Row("result.withheld.admin_query", Results, Withheld, "8.属于行政查询事项"),
            Row("result.unable.not_held", Results, Unable, "1.本机关不掌握相关政府信息"),
            Row("result.unable.needs_creation", Results, Unable, "2.没有现成信息需要另行制作"),
            Row("result.unable.still_unclear", Results, Unable, "3.补正后申请内容仍不明确"),
            Row("result.not_processed.petition", Results, NotProcessed, "1.信访举报投诉类申请"),
            Row("result.not_processed.repeat", Results, NotProcessed, "2.重复申请"),
            Row("result.not_processed.publication", Results, NotProcessed, "3.要求提供公开出版物"),
            Row("result.not_processed.excessive", Results, NotProcessed, "4.无正当理由大量反复申请"),
            Row("result.not_processed.confirm_or_reissue", Results, NotProcessed, "5.要求行政机关确认或重新出具已获取信息"),
        ];
        if (v2021)
        {
            rows.Add(Row("result.other.no_correction", Results, OtherHandling, "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"));
            rows.Add(Row("result.other.fee_unpaid", Results, OtherHandling, "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"));
            rows.Add(Row("result.other.other", Results, OtherHandling, "3.其他"));
        }
        else
        {
            // 2019 (试行): （六）其他处理 is a single row with no sub-items (§6).
            rows.Add(Row("result.other.total", Results, OtherHandling));
        }
        rows.Add(Row("result.total", Results, "（七）总计"));
        rows.Add(Row("carry_forward", "四、结转下年度继续办理"));

        const string Legal = "法人或其他组织";
        ReportColumn[] columns =
        [
            Col("natural_person", "自然人"),
            Col("legal_person.commercial", Legal, "商业企业"),
            Col("legal_person.research", Legal, "科研机构"),
            Col("legal_person.public_welfare", Legal, "社会公益组织"),
            Col("legal_person.legal_service", Legal, "法律服务机构"),
            Col("legal_person.other", Legal, "其他"),
            Col("total", "总计"),
        ];
        return new ReportTable("三", "收到和处理政府信息公开申请情况", ApplicationsNote,
            [new ReportTablePart("申请人情况", "applications", rows, columns)]);
    }

    private static ReportTable Appeals()
    {
        static IEnumerable<ReportColumn> Group(string prefix, params string[] header) =>
        [
            new($"{prefix}.upheld", [.. header, "结果维持"]),
            new($"{prefix}.corrected", [.. header, "结果纠正"]),
            new($"{prefix}.other", [.. header, "其他结果"]),
            new($"{prefix}.pending", [.. header, "尚未审结"]),
            new($"{prefix}.total", [.. header, "总计"]),
        ];
        ReportColumn[] columns =
        [
            .. Group("review", "行政复议"),
            .. Group("litigation.direct", "行政诉讼", "未经复议直接起诉"),
            .. Group("litigation.after_review", "行政诉讼", "复议后起诉"),
        ];
        return new ReportTable("四", "政府信息公开行政复议、行政诉讼情况", null,
            [new ReportTablePart(null, "", [new ReportRow("", ["数量"])], columns)]);
    }

    private static ReportTable LegacyStatistics()
    {
        static ReportRow Item(string key, string label, string unit) => new(key, [label], unit);
        static ReportRow Extension(string key, string label, string unit) => new(key, [label], unit, IsExtension: true);
        ReportRow[] rows =
        [
            Item("legacy.proactive.total", "主动公开政府信息数（不同渠道和方式公开相同信息计1条）", "条"),
            Item("legacy.proactive.full_text_electronic", "其中：全文电子化的主动公开信息数", "条"),
            Item("legacy.proactive.normative_docs", "新增的行政规范性文件数", "件"),
            Item("legacy.proactive.by_channel.website", "通过政府网站公开数", "条"),
            Item("legacy.proactive.by_channel.gazette", "通过政府公报公开数", "条"),
            Item("legacy.proactive.by_channel.other", "通过其他渠道公开数", "条"),
            Item("legacy.proactive.page_views", "网站专栏页面访问量", "人次"),
            Item("legacy.applications.total", "受理申请数", "件"),
            Item("legacy.applications.by_channel.in_person", "当面申请数", "件"),
            Item("legacy.applications.by_channel.fax", "传真申请数", "件"),
            Item("legacy.applications.by_channel.email", "电子邮件申请数", "件"),
            Item("legacy.applications.by_channel.online", "网上申请数", "件"),
            Item("legacy.applications.by_channel.letter", "信函申请数", "件"),
            Item("legacy.applications.by_channel.other", "其他形式申请数", "件"),
            Item("legacy.applications.closed_on_time", "按时办结数", "件"),
            Item("legacy.applications.closed_extended", "延期办结数", "件"),
            Item("legacy.responses.total", "对申请的答复总数", "条"),
            Item("legacy.responses.granted", "同意公开答复数", "条"),
            Item("legacy.responses.partial", "同意部分公开答复数", "条"),
            Item("legacy.responses.denied.total", "不予公开（否决公开）答复总数", "条"),
            Item("legacy.responses.denied.not_government_info", "“非《条例》所指政府信息”数", "条"),
            Item("legacy.responses.denied.not_exist", "“信息不存在”数", "条"),
            Item("legacy.responses.denied.not_held", "“非本部门掌握”数", "条"),
            Item("legacy.responses.denied.unclear", "“申请内容不明确”数", "条"),
            Item("legacy.responses.denied.repeat", "“重复申请”数", "条"),
            .. Enumerable.Range(1, 9).Select(n => Item($"legacy.responses.denied.exempt_{n}", $"不予公开范围第{n}项（各地编号）", "条")),
            Item("legacy.responses.denied.other", "其他原因", "条"),
            Item("legacy.responses.already_public", "属于已主动公开范围数", "条"),
            Item("legacy.responses.not_responsible", "不属于本行政机关公开数", "条"),
            Item("legacy.responses.not_exist", "申请信息不存在数", "条"),
            Item("legacy.responses.asked_to_amend", "告知作出更改补充数", "条"),
            Item("legacy.responses.other_channel", "告知通过其他途径办理数", "条"),
            Item("legacy.consultations.in_person", "现场接待人数", "人次"),
            Item("legacy.consultations.online", "网上咨询数", "人次"),
            Item("legacy.consultations.phone", "咨询电话接听数", "人次"),
            Item("legacy.review.total", "行政复议数", "件"),
            Item("legacy.review.upheld", "行政复议维持具体行政行为数", "件"),
            Item("legacy.review.corrected", "行政复议被依法纠错数", "件"),
            Item("legacy.review.other", "行政复议其他情形数", "件"),
            Item("legacy.litigation.total", "行政诉讼数", "件"),
            Item("legacy.litigation.upheld", "行政诉讼维持具体行政行为或者驳回原告诉讼请求数", "件"),
            Item("legacy.litigation.corrected", "行政诉讼被依法纠错数", "件"),
            Item("legacy.litigation.other", "行政诉讼其他情形数", "件"),
            Item("legacy.complaints.total", "举报投诉数", "件"),
            Item("legacy.fees.retrieval", "检索费", "元"),
            Item("legacy.fees.copy", "复制费", "元"),
            Item("legacy.fees.postage", "邮寄费", "元"),
            Item("legacy.fees.total", "收取费用总数", "元"),
            Item("legacy.fees.waived", "减免费用", "元"),
            // Extension (not in spec §7's list): many templates print the staff total above its two parts.
            Extension("legacy.staff.total", "政府信息公开指定专职人员总数", "人"),
            Item("legacy.staff.full_time", "全职人员数", "人"),
            Item("legacy.staff.part_time", "兼职人员数", "人"),
            Item("legacy.budget.special_funds", "处理政府信息公开的专项经费", "万元"),
            Item("legacy.budget.actual_expenditure", "处理政府信息公开的实际支出", "万元"),
            Item("legacy.org.bodies", "政府信息公开专门机构数", "个"),
            Item("legacy.org.reading_points", "政府信息公开查阅点数", "个"),
            Item("legacy.training.meetings", "召开政府信息公开工作会议数", "次"),
            Item("legacy.training.courses", "举办各类培训班数", "次"),
            Item("legacy.training.trainees", "接受培训人员数", "人次"),
        ];
        return new ReportTable("附", "政府信息公开情况统计表", null,
            [new ReportTablePart(null, "", rows, [new ReportColumn("", [])])]);
    }
}
