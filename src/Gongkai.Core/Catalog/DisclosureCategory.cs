namespace Gongkai.Catalog;

/// <summary>
/// The statutory categories of proactive disclosure (法定主动公开内容): the fifteen items of
/// Art. 20 and the extra items of Art. 21 for districted-city/county governments and their
/// departments, and for townships (spec: regulation.md §3). The member names are the machine keys
/// (art20_1 … art20_15, art21_…); the spec gives none of its own for these.
/// </summary>
public enum DisclosureCategory
{
    art20_1 = 1, art20_2, art20_3, art20_4, art20_5, art20_6, art20_7, art20_8,
    art20_9, art20_10, art20_11, art20_12, art20_13, art20_14, art20_15,

    art21_municipal_construction = 101,
    art21_public_services,
    art21_public_welfare,
    art21_land_expropriation,
    art21_housing_expropriation,
    art21_public_order,
    art21_social_assistance,
    art21_agricultural_policy,
    art21_irrigation_works,
    art21_land_contract_transfer,
    art21_homestead_review,
    art21_fundraising_labour,
}

/// <summary>Which Art. 21 list applies to an agency.</summary>
public enum Art21Level
{
    /// <summary>No Art. 21 items (e.g. a province-level or central organ).</summary>
    none,
    /// <summary>设区的市级、县级人民政府及其部门.</summary>
    city_county,
    /// <summary>乡(镇)人民政府.</summary>
    township,
}

public static class DisclosureCategories
{
    public static readonly IReadOnlyList<DisclosureCategory> Art20 = Enumerable.Range(1, 15).Select(i => (DisclosureCategory)i).ToArray();

    public static readonly IReadOnlyList<DisclosureCategory> Art21CityCounty =
    [
        DisclosureCategory.art21_municipal_construction, DisclosureCategory.art21_public_services,
        DisclosureCategory.art21_public_welfare, DisclosureCategory.art21_land_expropriation,
        DisclosureCategory.art21_housing_expropriation, DisclosureCategory.art21_public_order,
        DisclosureCategory.art21_social_assistance,
    ];

    public static readonly IReadOnlyList<DisclosureCategory> Art21Township =
    [
        DisclosureCategory.art21_agricultural_policy, DisclosureCategory.art21_irrigation_works,
        DisclosureCategory.art21_land_contract_transfer, DisclosureCategory.art21_homestead_review,
        DisclosureCategory.art21_land_expropriation, DisclosureCategory.art21_housing_expropriation,
        DisclosureCategory.art21_fundraising_labour, DisclosureCategory.art21_social_assistance,
    ];

    /// <summary>The categories an agency at this level files its items under: Art. 20 always, plus its Art. 21 list.</summary>
    public static IReadOnlyList<DisclosureCategory> For(Art21Level level) => level switch
    {
        Art21Level.city_county => [.. Art20, .. Art21CityCounty],
        Art21Level.township => [.. Art20, .. Art21Township],
        _ => Art20,
    };

    public static bool IsArt20(this DisclosureCategory c) => (int)c is >= 1 and <= 15;

    /// <summary>The Art. 20 item number 1–15, or null for an Art. 21 item.</summary>
    public static int? Art20Number(this DisclosureCategory c) => c.IsArt20() ? (int)c : null;

    public static DisclosureCategory? FromArt20Number(int number) =>
        number is >= 1 and <= 15 ? (DisclosureCategory)number : null;

    public static string Key(this DisclosureCategory c) => c.ToString();

    public static DisclosureCategory? FromKey(string? key) => CatalogLabels.ParseKey<DisclosureCategory>(key);

    /// <summary>"（一）" … "（十五）" for Art. 20; "第二十一条" for the others.</summary>
    public static string Number(this DisclosureCategory c) =>
        c.IsArt20() ? $"第二十条（{ChineseNumerals[(int)c]}）" : "第二十一条";

    /// <summary>A short column name for navigation.</summary>
    public static string ShortLabel(this DisclosureCategory c) => c switch
    {
        DisclosureCategory.art20_1 => "法规规章和规范性文件",
        DisclosureCategory.art20_2 => "机关职能与机构设置",
        DisclosureCategory.art20_3 => "规划信息",
        DisclosureCategory.art20_4 => "统计信息",
        DisclosureCategory.art20_5 => "行政许可和对外管理服务",
        DisclosureCategory.art20_6 => "行政处罚和行政强制",
        DisclosureCategory.art20_7 => "财政预决算",
        DisclosureCategory.art20_8 => "行政事业性收费",
        DisclosureCategory.art20_9 => "政府集中采购",
        DisclosureCategory.art20_10 => "重大建设项目",
        DisclosureCategory.art20_11 => "扶贫教育医疗社保就业",
        DisclosureCategory.art20_12 => "突发公共事件",
        DisclosureCategory.art20_13 => "监督检查情况",
        DisclosureCategory.art20_14 => "公务员招考录用",
        DisclosureCategory.art20_15 => "其他应主动公开信息",
        DisclosureCategory.art21_municipal_construction => "市政建设",
        DisclosureCategory.art21_public_services => "公共服务",
        DisclosureCategory.art21_public_welfare => "公益事业",
        DisclosureCategory.art21_land_expropriation => "土地征收",
        DisclosureCategory.art21_housing_expropriation => "房屋征收",
        DisclosureCategory.art21_public_order => "治安管理",
        DisclosureCategory.art21_social_assistance => "社会救助",
        DisclosureCategory.art21_agricultural_policy => "贯彻落实农业农村政策",
        DisclosureCategory.art21_irrigation_works => "农田水利工程建设运营",
        DisclosureCategory.art21_land_contract_transfer => "农村土地承包经营权流转",
        DisclosureCategory.art21_homestead_review => "宅基地使用情况审核",
        DisclosureCategory.art21_fundraising_labour => "筹资筹劳",
        _ => c.ToString(),
    };

    /// <summary>The wording of the regulation, for the category page and the guide.</summary>
    public static string StatutoryText(this DisclosureCategory c) => c switch
    {
        DisclosureCategory.art20_1 => "行政法规、规章和规范性文件",
        DisclosureCategory.art20_2 => "机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名",
        DisclosureCategory.art20_3 => "国民经济和社会发展规划、专项规划、区域规划及相关政策",
        DisclosureCategory.art20_4 => "国民经济和社会发展统计信息",
        DisclosureCategory.art20_5 => "办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果",
        DisclosureCategory.art20_6 => "实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定",
        DisclosureCategory.art20_7 => "财政预算、决算信息",
        DisclosureCategory.art20_8 => "行政事业性收费项目及其依据、标准",
        DisclosureCategory.art20_9 => "政府集中采购项目的目录、标准及实施情况",
        DisclosureCategory.art20_10 => "重大建设项目的批准和实施情况",
        DisclosureCategory.art20_11 => "扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况",
        DisclosureCategory.art20_12 => "突发公共事件的应急预案、预警信息及应对情况",
        DisclosureCategory.art20_13 => "环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况",
        DisclosureCategory.art20_14 => "公务员招考的职位、名额、报考条件等事项以及录用结果",
        DisclosureCategory.art20_15 => "法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息",
        _ => c.ShortLabel(),
    };

    private static readonly string[] ChineseNumerals =
        ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五"];
}
