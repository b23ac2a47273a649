namespace Gongkai.Catalog;

/// <summary>
/// How an agency builds its index numbers (索引号). The regulation requires an index but no national
/// code exists (website-conventions.md §5); these are the real shapes found on government sites.
/// Each agency picks one; the default is the post-2015 <see cref="credit_code_year_serial"/>.
/// Member names are the machine keys.
/// </summary>
public enum IndexNumberPattern
{
    /// <summary><c>{统一社会信用代码}/{YYYY}-{NNNNN}</c>, e.g. 11441700007280420Y/2021-00050 (广东 gkmlpt).</summary>
    credit_code_year_serial,

    /// <summary><c>{组织机构代码}/{YYYY}-{NNNNN}</c>, e.g. 000014349/2015-00200 (中国政府网).</summary>
    org_code_year_serial,

    /// <summary><c>{组织机构代码}-{YYYY}-{NNNNNN}</c>, e.g. 01527918X-2020-153077 (云南怒江州).</summary>
    org_code_dash_year_serial,

    /// <summary>
    /// <c>{组织机构代码}-{类别}-{YYYY}-{NNNNNNN}</c>, e.g. 007482532-03-2014-1194403. Only the shape of this
    /// family is attested; the example itself was not found at its source (spec §5) — [未核实].
    /// </summary>
    org_code_category_year_serial,

    /// <summary><c>{发布日期 YYYYMMDD}-{NNNNNN}</c>, e.g. 20191202-189769 (齐齐哈尔); the serial runs on across years.</summary>
    date_serial,
}

public static class IndexNumbers
{
    public const IndexNumberPattern Default = IndexNumberPattern.credit_code_year_serial;

    /// <summary>Stored index numbers fit this (spec §5 advises at least 40).</summary>
    public const int MaxLength = 40;

    /// <summary>
    /// The year whose counter a serial is drawn from: the publication year, or 0 for patterns whose
    /// serial never restarts. Counters only ever go up, so a number is never issued twice even
    /// after the item that had it is withdrawn.
    /// </summary>
    public static int CounterYear(IndexNumberPattern pattern, DateOnly publishedOn) =>
        pattern == IndexNumberPattern.date_serial ? 0 : publishedOn.Year;

    /// <summary>The 9-character 组织机构代码 embedded in a 统一社会信用代码 (its characters 9–17, GB 32100-2015).</summary>
    public static string OrgCode(string creditCode) =>
        creditCode.Length == 18 ? creditCode.Substring(8, 9) : throw new ArgumentException("统一社会信用代码应为18位。", nameof(creditCode));

    /// <summary>Two digits for the category: 01–15 for Art. 20, 16 onwards for the Art. 21 items.</summary>
    public static string CategoryCode(DisclosureCategory category) =>
        category.IsArt20() ? ((int)category).ToString("00") : (16 + (int)category - (int)DisclosureCategory.art21_municipal_construction).ToString("00");

    public static string Format(IndexNumberPattern pattern, string creditCode, DateOnly publishedOn, long serial, DisclosureCategory category)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(serial);
        var year = publishedOn.Year.ToString("0000");
        return pattern switch
        {
            IndexNumberPattern.credit_code_year_serial => $"{RequireCreditCode(creditCode)}/{year}-{serial:00000}",
            IndexNumberPattern.org_code_year_serial => $"{OrgCode(creditCode)}/{year}-{serial:00000}",
            IndexNumberPattern.org_code_dash_year_serial => $"{OrgCode(creditCode)}-{year}-{serial:000000}",
            IndexNumberPattern.org_code_category_year_serial => $"{OrgCode(creditCode)}-{CategoryCode(category)}-{year}-{serial:0000000}",
            IndexNumberPattern.date_serial => $"{publishedOn:yyyyMMdd}-{serial:000000}",
            _ => throw new ArgumentOutOfRangeException(nameof(pattern)),
        };
    }

    public static string Label(this IndexNumberPattern pattern) => pattern switch
    {
        IndexNumberPattern.credit_code_year_serial => "统一社会信用代码/年份-5位流水号",
        IndexNumberPattern.org_code_year_serial => "组织机构代码/年份-5位流水号",
        IndexNumberPattern.org_code_dash_year_serial => "组织机构代码-年份-6位流水号",
        IndexNumberPattern.org_code_category_year_serial => "组织机构代码-类别-年份-7位流水号",
        IndexNumberPattern.date_serial => "发布日期-6位流水号",
        _ => pattern.ToString(),
    };

    /// <summary>What the pattern produces for an agency, to show next to the choice.</summary>
    public static string Example(IndexNumberPattern pattern, string creditCode) =>
        Format(pattern, creditCode, new DateOnly(2024, 3, 15), 42, DisclosureCategory.art20_1);

    private static string RequireCreditCode(string creditCode) =>
        creditCode.Length == 18 ? creditCode : throw new ArgumentException("统一社会信用代码应为18位。", nameof(creditCode));
}
