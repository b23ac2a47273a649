namespace Gongkai.Catalog;

/// <summary>
/// 主题分类. website-conventions.md §4 shows that sites carry a topic but does not list the values.
/// This is the topic list of the State Council's policy library on www.gov.cn as remembered, NOT
/// checked against the source — [未核实]; adjust the list (and its labels) here if the official
/// one differs. Member names are the machine keys.
/// </summary>
public enum Topic
{
    general_affairs,
    economic_management,
    finance_audit,
    land_energy,
    agriculture_water,
    industry_transport,
    commerce_tourism,
    market_safety_supervision,
    urban_rural_environment,
    science_education,
    culture_media,
    health_sports,
    population_family,
    labour_personnel,
    public_security_justice,
    civil_affairs_relief,
    ethnic_religious,
    foreign_affairs,
    hk_macao_taiwan_overseas,
    defence,
    other,
}

/// <summary>
/// 体裁分类. The fifteen kinds of official document of 《党政机关公文处理工作条例》(中办发〔2012〕14号)
/// Art. 8, plus the non-document kinds that disclosure catalogues commonly carry (plans, statistics,
/// public notices) — the latter an implementation choice, not from the spec. Member names are the machine keys.
/// </summary>
public enum Genre
{
    resolution,
    decision,
    order,
    communique,
    announcement,
    public_notice,
    opinion,
    notice,
    circular,
    report,
    request_for_instructions,
    reply,
    motion,
    letter,
    minutes,
    plan,
    statistics,
    publicity,
    other,
}

public static class TopicAndGenreLabels
{
    private static readonly Dictionary<Topic, string> TopicLabels = new()
    {
        [Topic.general_affairs] = "综合政务",
        [Topic.economic_management] = "国民经济管理、国有资产监管",
        [Topic.finance_audit] = "财政、金融、审计",
        [Topic.land_energy] = "国土资源、能源",
        [Topic.agriculture_water] = "农业、林业、水利",
        [Topic.industry_transport] = "工业、交通",
        [Topic.commerce_tourism] = "商贸、海关、旅游",
        [Topic.market_safety_supervision] = "市场监管、安全生产监管",
        [Topic.urban_rural_environment] = "城乡建设、环境保护",
        [Topic.science_education] = "科技、教育",
        [Topic.culture_media] = "文化、广电、新闻出版",
        [Topic.health_sports] = "卫生、体育",
        [Topic.population_family] = "人口与计划生育、妇女儿童工作",
        [Topic.labour_personnel] = "劳动、人事、监察",
        [Topic.public_security_justice] = "公安、安全、司法",
        [Topic.civil_affairs_relief] = "民政、扶贫、救灾",
        [Topic.ethnic_religious] = "民族、宗教",
        [Topic.foreign_affairs] = "对外事务",
        [Topic.hk_macao_taiwan_overseas] = "港澳台侨工作",
        [Topic.defence] = "国防",
        [Topic.other] = "其他",
    };

    private static readonly Dictionary<Genre, string> GenreLabels = new()
    {
        [Genre.resolution] = "决议",
        [Genre.decision] = "决定",
        [Genre.order] = "命令（令）",
        [Genre.communique] = "公报",
        [Genre.announcement] = "公告",
        [Genre.public_notice] = "通告",
        [Genre.opinion] = "意见",
        [Genre.notice] = "通知",
        [Genre.circular] = "通报",
        [Genre.report] = "报告",
        [Genre.request_for_instructions] = "请示",
        [Genre.reply] = "批复",
        [Genre.motion] = "议案",
        [Genre.letter] = "函",
        [Genre.minutes] = "纪要",
        [Genre.plan] = "规划计划",
        [Genre.statistics] = "统计数据",
        [Genre.publicity] = "公示",
        [Genre.other] = "其他",
    };

    public static string Label(this Topic t) => TopicLabels.GetValueOrDefault(t, t.ToString());

    public static string Label(this Genre g) => GenreLabels.GetValueOrDefault(g, g.ToString());

    /// <summary>Accepts the machine key or the Chinese label (as an imported catalogue would have it).</summary>
    public static Topic? ParseTopic(string? text) =>
        CatalogLabels.ParseKey<Topic>(text?.Trim()) ?? FromLabel(TopicLabels, text);

    /// <summary>Accepts the machine key or the Chinese label; "命令" and "令" both mean <see cref="Genre.order"/>.</summary>
    public static Genre? ParseGenre(string? text)
    {
        var t = text?.Trim();
        if (t is "命令" or "令") return Genre.order;
        return CatalogLabels.ParseKey<Genre>(t) ?? FromLabel(GenreLabels, t);
    }

    private static T? FromLabel<T>(Dictionary<T, string> labels, string? text) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var wanted = text.Trim().Replace('，', '、').Replace(',', '、');
        foreach (var (key, label) in labels)
        {
            if (label == wanted) return key;
        }
        return null;
    }
}
