using System.Text;

namespace Gongkai.Bench.Catalog;

/// <summary>A catalogue CSV of realistic rows: titles, 文号, keywords, a summary and a 300–1,500 character body.</summary>
internal static class CsvGenerator
{
    private static readonly string[] Subjects =
    [
        "城乡居民最低生活保障", "农村集体土地征收", "城乡居民基本医疗保险", "义务教育招生", "安全生产专项整治", "高标准农田建设",
        "老旧小区改造", "生态环境保护督察", "优化营商环境", "防汛抗旱", "食品安全抽检", "公共租赁住房", "困难群众临时救助",
        "残疾人两项补贴", "退役军人优抚", "就业创业补贴", "乡村振兴衔接资金", "道路交通安全", "文物保护", "森林防火",
    ];
    private static readonly string[] Genres = ["通知", "意见", "办法", "公告", "决定", "实施方案", "通告", "批复", "报告"];
    private static readonly string[] Topics = ["general_affairs", "civil_affairs_relief", "land_energy", "health_sports", "science_education", "agriculture_water", ""];
    private static readonly string[] GenreKeys = ["notice", "opinion", "order", "announcement", "decision", "plan", "public_notice", "reply", ""];
    private static readonly string[] Kinds = ["other", "other", "other", "normative", "licensing_decision", "penalty_decision", "coercion_decision", "regulation"];
    private static readonly string[] Sentences =
    [
        "为进一步做好{0}工作，切实保障群众合法权益，根据有关法律法规和上级文件精神，结合本县实际，制定本方案。",
        "各乡镇人民政府、县直各有关单位要高度重视{0}工作，明确责任分工，细化工作措施，确保各项任务落到实处。",
        "对符合条件的申请人，经审核公示无异议后，按规定程序办理；对不符合条件的，应当书面告知理由。",
        "县财政局会同县民政局、县人力资源社会保障局做好资金保障和绩效评价工作，严禁截留挪用。",
        "本通知自印发之日起施行，有效期五年。此前有关规定与本通知不一致的，以本通知为准。",
        "群众对{0}工作有意见建议的，可通过12345政务服务便民热线反映，有关单位应当在规定时限内答复。",
        "各地要加强政策宣传解读，通过政府网站、政务新媒体等渠道及时公开办理结果，主动接受社会监督。",
    ];

    public static void Write(string path, int rows, int seed)
    {
        var random = new Random(seed);
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        w.WriteLine("title,doc_no,category,topic,genre,kind,written_on,published_on,validity,abolished_on,keywords,summary,body");
        var first = new DateOnly(2008, 5, 1).DayNumber;
        var span = new DateOnly(2026, 10, 31).DayNumber - first;
        var body = new StringBuilder();
        for (var i = 0; i < rows; i++)
        {
            var subject = Subjects[random.Next(Subjects.Length)];
            var genre = Genres[random.Next(Genres.Length)];
            var written = DateOnly.FromDayNumber(first + random.Next(span));
            var published = written.AddDays(random.Next(0, 20));
            var roll = random.Next(100);
            var (validity, abolished) = roll < 90 ? ("有效", "") : roll < 95 ? ("失效", published.AddDays(365).ToString("yyyy-MM-dd")) : ("废止", published.AddDays(200).ToString("yyyy-MM-dd"));
            if (abolished != "" && DateOnly.Parse(abolished) > new DateOnly(2026, 11, 30)) (validity, abolished) = ("有效", "");
            body.Clear();
            var sentences = random.Next(6, 30);
            for (var s = 0; s < sentences; s++)
            {
                if (s % 4 == 0 && s > 0) body.Append("\n\n");
                body.AppendFormat(Sentences[random.Next(Sentences.Length)], subject);
            }
            var title = $"测试县人民政府办公室关于{subject}的{genre}（第{i + 1}号）";
            var docNo = random.Next(3) == 0 ? "" : $"测政办发〔{written.Year}〕{i + 1}号";
            w.Write(Csv(title)); w.Write(',');
            w.Write(docNo); w.Write(',');
            w.Write(random.Next(1, 16)); w.Write(',');
            w.Write(Topics[random.Next(Topics.Length)]); w.Write(',');
            w.Write(GenreKeys[random.Next(GenreKeys.Length)]); w.Write(',');
            w.Write(Kinds[random.Next(Kinds.Length)]); w.Write(',');
            w.Write(written.ToString("yyyy-MM-dd")); w.Write(',');
            w.Write(published.ToString("yyyy-MM-dd")); w.Write(',');
            w.Write(validity); w.Write(',');
            w.Write(abolished); w.Write(',');
            w.Write(Csv($"{subject} {genre}")); w.Write(',');
            w.Write(Csv($"关于{subject}工作的有关安排。")); w.Write(',');
            w.WriteLine(Csv(body.ToString()));
        }
    }

    private static string Csv(string value) => "\"" + value.Replace("\"", "\"\"") + "\"";
}
