using Gongkai.Agencies;

namespace Gongkai.Demo;

/// <summary>The county government, its departments and townships, with valid credit codes and office contacts.</summary>
public sealed class DemoAgencies : IDemoStep
{
    public const string County = "云溪县";
    public const string GovernmentCode = "xzf";
    /// <summary>Region part of the demo credit codes; 4399xx is not a real division code.</summary>
    private const string Region = "439901";

    public string Title => "行政机关";

    /// <summary>(code, name without the county prefix, kind); the government comes first.</summary>
    public static readonly (string Code, string Name, AgencyKind Kind)[] All =
    [
        (GovernmentCode, "人民政府", AgencyKind.government),
        ("bgs", "人民政府办公室", AgencyKind.department),
        ("fgj", "发展和改革局", AgencyKind.department),
        ("jyj", "教育局", AgencyKind.department),
        ("gxj", "科学技术和工业信息化局", AgencyKind.department),
        ("mzj", "民政局", AgencyKind.department),
        ("sfj", "司法局", AgencyKind.department),
        ("czj", "财政局", AgencyKind.department),
        ("rsj", "人力资源和社会保障局", AgencyKind.department),
        ("zrj", "自然资源局", AgencyKind.department),
        ("zjj", "住房和城乡建设局", AgencyKind.department),
        ("jtj", "交通运输局", AgencyKind.department),
        ("slj", "水利局", AgencyKind.department),
        ("nyj", "农业农村局", AgencyKind.department),
        ("wjj", "卫生健康局", AgencyKind.department),
        ("yjj", "应急管理局", AgencyKind.department),
        ("scj", "市场监督管理局", AgencyKind.department),
        ("tjj", "统计局", AgencyKind.department),
        ("cgz", "城关镇人民政府", AgencyKind.township),
        ("qsz", "青石镇人民政府", AgencyKind.township),
        ("hxx", "和溪乡人民政府", AgencyKind.township),
        ("lsx", "柳树乡人民政府", AgencyKind.township),
        ("dpjd", "东坪街道办事处", AgencyKind.township),
    ];

    public static string CreditCodeFor(int index) =>
        CreditCode.Complete($"11{Region}00{(4_310_001 + index * 137):D7}");

    public async Task RunAsync(DemoContext context, CancellationToken ct)
    {
        var add = context.Get<AddAgency>();
        for (var i = 0; i < All.Length; i++)
        {
            var (code, name, kind) = All[i];
            var fullName = County + name;
            var result = await add.RunAsync(new AgencyDetails
            {
                Code = code, Name = fullName, CreditCode = CreditCodeFor(i), Kind = kind,
                ParentCode = kind == AgencyKind.government ? null : GovernmentCode, SortOrder = i * 10,
                OfficeName = kind == AgencyKind.government ? "云溪县人民政府办公室（县政务公开办）" : $"{fullName}办公室",
                OfficeAddress = $"{County}城关镇人民路 {100 + i * 2} 号",
                OfficeHours = "工作日 上午 8:30—12:00，下午 14:30—17:30",
                OfficePhone = $"0739-66{12000 + i * 11:D5}",
                OfficeFax = $"0739-66{13000 + i * 11:D5}",
                OnlineContact = $"gk_{code}@yunxi.gov.cn",
            }, DemoContext.Actor, ct);
            if (!result.Succeeded)
                throw new InvalidOperationException($"Demo agency {code}: {string.Join(" ", result.Errors.Select(e => e.Message))}");
        }
    }
}
