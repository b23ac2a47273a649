namespace Gongkai.Catalog;

/// <summary>有效性 (website-conventions.md §4). The member names are the machine keys.</summary>
public enum Validity
{
    /// <summary>有效</summary>
    valid,
    /// <summary>失效 — expired by its own terms (期满失效).</summary>
    expired,
    /// <summary>废止 — repealed by a decision.</summary>
    abolished,
}

/// <summary>公开方式 / 公开属性 (website-conventions.md §4; regulation Art. 13–16).</summary>
public enum DisclosureMode
{
    /// <summary>主动公开</summary>
    proactive,
    /// <summary>依申请公开</summary>
    on_request,
    /// <summary>不予公开, with a <see cref="WithholdingReason"/>.</summary>
    withheld,
}

/// <summary>
/// The legal reason for 不予公开 (regulation Arts. 14–16). The keys follow the annual-report
/// keys result.withheld.* (annual-report-format.md) where one exists, so the two stay comparable.
/// </summary>
public enum WithholdingReason
{
    state_secret,
    law_prohibited,
    security_stability,
    third_party,
    internal_affairs,
    process_info,
    enforcement_file,
}

/// <summary>
/// What the annual report counts an item as (annual-report-format.md table 二):
/// 规章, 行政规范性文件, 行政许可决定, 行政处罚决定, 行政强制决定, or other.
/// </summary>
public enum ItemKind
{
    regulation,
    normative,
    licensing_decision,
    penalty_decision,
    coercion_decision,
    other,
}

/// <summary>Where an item is in the publishing workflow (DESIGN.md, Catalog).</summary>
public enum ItemStatus
{
    draft,
    submitted,
    returned,
    published,
    withdrawn,
}

public static class CatalogLabels
{
    public static string Label(this Validity v) => v switch
    {
        Validity.valid => "有效",
        Validity.expired => "失效",
        Validity.abolished => "废止",
        _ => v.ToString(),
    };

    public static Validity? ParseValidity(string? text) => text?.Trim() switch
    {
        "有效" or "valid" => Validity.valid,
        "失效" or "expired" => Validity.expired,
        "废止" or "廢止" or "abolished" => Validity.abolished,
        _ => null,
    };

    public static string Label(this DisclosureMode m) => m switch
    {
        DisclosureMode.proactive => "主动公开",
        DisclosureMode.on_request => "依申请公开",
        DisclosureMode.withheld => "不予公开",
        _ => m.ToString(),
    };

    public static string Label(this WithholdingReason r) => r switch
    {
        WithholdingReason.state_secret => "属于国家秘密（第十四条）",
        WithholdingReason.law_prohibited => "法律、行政法规禁止公开（第十四条）",
        WithholdingReason.security_stability => "公开后可能危及国家安全、公共安全、经济安全、社会稳定（第十四条）",
        WithholdingReason.third_party => "涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害（第十五条）",
        WithholdingReason.internal_affairs => "属于人事管理、后勤管理、内部工作流程等内部事务信息（第十六条第一款）",
        WithholdingReason.process_info => "属于讨论记录、过程稿、磋商信函、请示报告等过程性信息（第十六条第二款）",
        WithholdingReason.enforcement_file => "属于行政执法案卷信息（第十六条第二款）",
        _ => r.ToString(),
    };

    public static string Label(this ItemKind k) => k switch
    {
        ItemKind.regulation => "规章",
        ItemKind.normative => "行政规范性文件",
        ItemKind.licensing_decision => "行政许可决定",
        ItemKind.penalty_decision => "行政处罚决定",
        ItemKind.coercion_decision => "行政强制决定",
        ItemKind.other => "其他",
        _ => k.ToString(),
    };

    public static string Label(this ItemStatus s) => s switch
    {
        ItemStatus.draft => "草稿",
        ItemStatus.submitted => "待审核",
        ItemStatus.returned => "已退回",
        ItemStatus.published => "已发布",
        ItemStatus.withdrawn => "已撤回",
        _ => s.ToString(),
    };

    /// <summary>Parses a machine key of any of the catalogue enums (exact, case-sensitive, names only — never numbers).</summary>
    public static T? ParseKey<T>(string? key) where T : struct, Enum =>
        !string.IsNullOrEmpty(key) && !char.IsAsciiDigit(key[0]) && Enum.TryParse<T>(key, ignoreCase: false, out var value) && Enum.IsDefined(value)
            ? value
            : null;
}
