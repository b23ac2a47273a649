using System.Text;

namespace Gongkai.Bench.Search;

/// <summary>One generated catalogue item (what the bench writes into catalog_published and the index).</summary>
public sealed record BenchItem(long Key, int Agency, string Title, string DocNo, string Keywords, string Summary, string Body,
    string Category, string Topic, string Genre, string Kind, DateOnly PublishedOn, string Validity);

/// <summary>
/// Deterministic government-style Chinese text: words drawn from a vocabulary with Zipf-like
/// frequencies (rank r has weight 1/r), so a few words (工作, 公开, 管理 …) occur in most items and
/// the tail in a few per thousand, as in a real catalogue. Item k is the same on every run and on
/// both databases.
/// </summary>
public static class Corpus
{
    // Ordered by how common they are in disclosure catalogues (roughly; the point is the shape).
    private static readonly string[] Words =
    [
        "工作", "管理", "公开", "政府", "信息", "服务", "建设", "发展", "实施", "单位", "有关", "部门", "情况", "加强", "规定",
        "通知", "项目", "企业", "社会", "要求", "组织", "制度", "推进", "资金", "安全", "办法", "方案", "落实", "监督", "检查",
        "医保", "人员", "群众", "经济", "标准", "责任", "事项", "市场", "政策", "改革", "办理", "申请", "审批", "环境", "保障",
        "公共", "计划", "文件", "提高", "依法", "完善", "机制", "年度", "乡镇", "街道", "农村", "城市", "教育", "卫生", "健康",
        "交通", "住房", "财政", "预算", "决算", "统计", "调查", "考核", "评估", "培训", "宣传", "应急", "防控", "生态", "保护",
        "资源", "规划", "土地", "征地", "补偿", "安置", "低保", "救助", "养老", "就业", "社保", "扶贫", "乡村", "振兴", "产业",
        "农业", "水利", "林业", "畜牧", "渔业", "气象", "消防", "公安", "司法", "民政", "残疾", "儿童", "妇女", "老年", "文化",
        "旅游", "体育", "科技", "创新", "招商", "投资", "税收", "收费", "价格", "采购", "招标", "中标", "合同", "工程", "质量",
        "验收", "竣工", "许可", "处罚", "强制", "复议", "诉讼", "信访", "投诉", "举报", "人大", "建议", "政协", "提案", "答复",
        "会议", "纪要", "讲话", "报告", "年报", "指南", "目录", "条例", "细则", "意见", "决定", "公告", "公示", "名单", "结果",
        "殡葬", "地质", "灾害", "矿产", "森林", "草原", "湿地", "候鸟", "古树", "文物", "非遗", "档案", "地名", "界线", "方志",
        "疫苗", "接种", "药品", "食品", "特种", "设备", "电梯", "锅炉", "燃气", "供热", "污水", "垃圾", "分类", "噪声", "扬尘",
    ];

    private static readonly string[] Connectors = ["的", "和", "及", "与", "对", "在", "按照", "根据", "关于", "进一步", "全面", "切实", "认真", "做好", "开展", "推动"];
    private static readonly string[] TitleForms = ["关于{0}{1}的通知", "关于印发{0}{1}{2}的通知", "{0}{1}{2}公告", "关于{0}{1}工作的报告", "{0}{1}情况公示", "关于{0}{1}{2}的批复", "{0}{1}实施方案"];
    private static readonly string[] Abbreviations = ["开府办发", "开政发", "开府发", "开财发", "开人社发", "开卫健发", "开农发", "开教发", "开住建发", "开民发"];
    private static readonly string[] Validities = ["valid", "valid", "valid", "valid", "valid", "valid", "valid", "expired", "abolished"];
    private static readonly string[] Kinds = ["other", "other", "other", "other", "normative", "regulation", "licensing_decision", "penalty_decision", "coercion_decision"];
    private static readonly string[] Topics = Enum.GetNames<Gongkai.Catalog.Topic>();
    private static readonly string[] Genres = Enum.GetNames<Gongkai.Catalog.Genre>();

    private static readonly double[] Cumulative = BuildCumulative();

    private static double[] BuildCumulative()
    {
        var c = new double[Words.Length];
        var sum = 0.0;
        for (var i = 0; i < Words.Length; i++) { sum += 1.0 / (i + 1); c[i] = sum; }
        for (var i = 0; i < c.Length; i++) c[i] /= sum;
        return c;
    }

    private static string Word(Random rng)
    {
        var x = rng.NextDouble();
        var i = Array.BinarySearch(Cumulative, x);
        if (i < 0) i = ~i;
        return Words[Math.Min(i, Words.Length - 1)];
    }

    public const int Agencies = 300;
    public static readonly DateOnly FirstDay = new(2008, 5, 1);
    public static readonly DateOnly LastDay = new(2026, 11, 30);

    public static BenchItem Item(long key, long count)
    {
        var rng = new Random(unchecked((int)(key * 2654435761L)));
        var span = LastDay.DayNumber - FirstDay.DayNumber;
        var published = DateOnly.FromDayNumber(FirstDay.DayNumber + (int)((key - 1) * span / Math.Max(1, count - 1)));
        var title = string.Format(TitleForms[rng.Next(TitleForms.Length)], Word(rng), Word(rng), Word(rng));
        var docNo = $"{Abbreviations[rng.Next(Abbreviations.Length)]}〔{published.Year}〕{rng.Next(1, 200)}号";
        var keywords = $"{Word(rng)} {Word(rng)} {Word(rng)}";
        var summary = Sentence(rng, 6, 12);
        var body = new StringBuilder();
        var sentences = rng.Next(8, 30); // 150–600 characters
        for (var s = 0; s < sentences; s++) body.Append(Sentence(rng, 3, 8));
        return new BenchItem(key, rng.Next(Agencies), title, docNo, keywords, summary, body.ToString(),
            $"art20_{rng.Next(1, 16)}", Topics[rng.Next(Topics.Length)], Genres[rng.Next(Genres.Length)], Kinds[rng.Next(Kinds.Length)],
            published, Validities[rng.Next(Validities.Length)]);
    }

    private static string Sentence(Random rng, int min, int max)
    {
        var sb = new StringBuilder();
        var n = rng.Next(min, max);
        for (var i = 0; i < n; i++)
        {
            if (i > 0 && rng.Next(3) == 0) sb.Append(Connectors[rng.Next(Connectors.Length)]);
            sb.Append(Word(rng));
            if (i < n - 1 && rng.Next(5) == 0) sb.Append('，');
        }
        sb.Append('。');
        return sb.ToString();
    }
}
