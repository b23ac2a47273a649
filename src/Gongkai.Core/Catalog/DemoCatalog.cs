using Gongkai.Catalog.Import;
using Gongkai.Common;
using Gongkai.Demo;
using Gongkai.Staff;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Catalog;

/// <summary>
/// Demo data: a few hundred published items per demo agency across categories, kinds and years
/// (some expired or abolished), generated from templates with a fixed seed so every demo county
/// is the same; plus two items waiting for the 教育局 reviewer. Bulk-published like an import.
/// </summary>
public sealed class DemoCatalog : IDemoStep
{
    public const int ItemsPerAgency = 200;

    public string Title => "政府信息公开目录";

    public async Task RunAsync(DemoContext context, CancellationToken ct)
    {
        var db = context.Db;
        var clock = context.Get<TimeProvider>();
        var today = ChinaTime.Today(clock);
        var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.SortOrder).Select(a => new { a.Id, a.Code, a.Name, a.Kind }).ToListAsync(ct);
        var import = context.Get<ImportCatalog>();
        for (var i = 0; i < agencies.Count; i++)
        {
            var a = agencies[i];
            var rows = Generate(a.Name, a.Code, a.Kind == Agencies.AgencyKind.government, new Random(1000 + i), today).ToList();
            await import.PublishRowsAsync(CatalogActor.System(DemoContext.Actor, a.Id), a.Id, rows, null, ct);
            db.ChangeTracker.Clear();
        }

        // Two submissions waiting for review in the education bureau, drafted by a (fictional) colleague of jyj.editor.
        var jyj = agencies.FirstOrDefault(a => a.Code == "jyj");
        if (jyj is null) return;
        var colleague = new CatalogActor(Guid.NewGuid(), "jyj.editor2", jyj.Id, new HashSet<StaffRole> { StaffRole.editor });
        foreach (var (title, body) in Pending)
        {
            var created = await context.Get<CreateItem>().RunAsync(colleague, new ItemContent
            {
                Title = title, Category = DisclosureCategory.art20_11, Topic = Topic.science_education, Genre = Genre.notice,
                Kind = ItemKind.other, WrittenOn = today.AddDays(-3), Body = body, Summary = title,
            }, ct);
            if (created.Succeeded) await context.Get<SubmitItem>().RunAsync(colleague, created.Value.Id, ct: ct);
        }
    }

    private static readonly (string Title, string Body)[] Pending =
    [
        ("关于做好秋季学期家庭经济困难学生资助工作的通知", "各中小学校：\n\n为做好本学期家庭经济困难学生资助工作，现将有关事项通知如下。享受城乡低保的家庭学生优先纳入资助范围……"),
        ("县教育局关于义务教育阶段学校招生工作的公告", "根据上级有关规定，现将本年度义务教育阶段学校招生工作安排公告如下……"),
    ];

    private sealed record Template(DisclosureCategory Category, Topic Topic, Genre Genre, ItemKind Kind, string Title, string Body, bool GovernmentOnly = false);

    private static readonly Template[] Templates =
    [
        new(DisclosureCategory.art20_1, Topic.general_affairs, Genre.order, ItemKind.regulation, "{county}{topicName}管理办法", "第一条 为了加强{topicName}管理，根据有关法律法规，结合本县实际，制定本办法。\n\n第二条 本办法适用于本县行政区域内的{topicName}工作。", GovernmentOnly: true),
        new(DisclosureCategory.art20_1, Topic.general_affairs, Genre.notice, ItemKind.normative, "关于印发《{county}{topicName}实施办法》的通知", "各乡镇人民政府、街道办事处，县直各单位：\n\n现将《{county}{topicName}实施办法》印发给你们，请认真贯彻执行。本办法自发布之日起施行，有效期五年。"),
        new(DisclosureCategory.art20_2, Topic.general_affairs, Genre.other, ItemKind.other, "{agency}机构职能", "主要职责：贯彻执行国家和省、市有关方针政策和法律法规，负责本行业领域的规划、管理和监督工作。\n\n办公地址：{county}城关镇人民路。办公时间：工作日上午8:30—12:00，下午14:30—17:30。"),
        new(DisclosureCategory.art20_3, Topic.economic_management, Genre.plan, ItemKind.other, "{county}“十四五”{topicName}发展规划", "本规划依据《{county}国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要》编制，规划期为2021—2025年。"),
        new(DisclosureCategory.art20_4, Topic.economic_management, Genre.statistics, ItemKind.other, "{year}年{month}月{county}主要经济指标", "全县规模以上工业增加值同比增长5.8%，社会消费品零售总额同比增长6.2%，城乡居民人均可支配收入稳步增长。"),
        new(DisclosureCategory.art20_5, Topic.market_safety_supervision, Genre.publicity, ItemKind.licensing_decision, "{agency}行政许可决定公示（{year}年第{n}期）", "依据《中华人民共和国行政许可法》，本机关对下列申请人作出准予行政许可决定，现予公示。"),
        new(DisclosureCategory.art20_6, Topic.market_safety_supervision, Genre.decision, ItemKind.penalty_decision, "行政处罚决定书（{short}罚〔{year}〕{n}号）", "当事人违反有关规定，本机关依法作出罚款人民币{amount}元的行政处罚决定。当事人如不服，可在收到本决定书之日起六十日内申请行政复议。"),
        new(DisclosureCategory.art20_6, Topic.public_security_justice, Genre.decision, ItemKind.coercion_decision, "查封（扣押）决定书（{short}强〔{year}〕{n}号）", "根据《中华人民共和国行政强制法》有关规定，本机关决定对涉案物品予以查封，期限为三十日。"),
        new(DisclosureCategory.art20_7, Topic.finance_audit, Genre.report, ItemKind.other, "{agency}{year}年部门预算公开", "本部门{year}年收支总预算{amount}万元。其中，一般公共预算拨款收入占比较上年有所下降，主要原因是压减一般性支出。“三公”经费预算与上年持平。"),
        new(DisclosureCategory.art20_7, Topic.finance_audit, Genre.report, ItemKind.other, "{agency}{year}年部门决算公开", "本部门{year}年度收支总决算{amount}万元，与年初预算相比有所增加，主要原因是上级追加专项资金。"),
        new(DisclosureCategory.art20_8, Topic.finance_audit, Genre.publicity, ItemKind.other, "{agency}行政事业性收费项目目录清单", "依据省财政厅、省发展改革委公布的行政事业性收费目录清单，本机关现行收费项目及其依据、标准如下。"),
        new(DisclosureCategory.art20_9, Topic.finance_audit, Genre.announcement, ItemKind.other, "{agency}{topicName}项目政府采购结果公告", "本项目采用公开招标方式采购，经评标委员会评审，确定中标供应商，中标金额{amount}万元。"),
        new(DisclosureCategory.art20_10, Topic.urban_rural_environment, Genre.publicity, ItemKind.other, "{county}{topicName}建设项目批准及实施情况", "项目总投资{amount}万元，已完成立项、用地、规划、施工许可等审批手续，目前工程进度约70%。"),
        new(DisclosureCategory.art20_11, Topic.civil_affairs_relief, Genre.notice, ItemKind.normative, "关于调整{year}年城乡低保标准的通知", "经县人民政府同意，自{year}年7月1日起，城市低保标准提高到每人每月{amount}元，农村低保标准相应提高。各乡镇要做好低保对象的动态管理。"),
        new(DisclosureCategory.art20_11, Topic.health_sports, Genre.notice, ItemKind.other, "关于做好{year}年度城乡居民医保参保缴费工作的通知", "{year}年度城乡居民医保个人缴费标准为每人每年{amount}元。低保对象、特困人员个人缴费部分由医疗救助资金全额资助。"),
        new(DisclosureCategory.art20_11, Topic.labour_personnel, Genre.notice, ItemKind.other, "{county}{year}年就业创业补贴申领公告", "符合条件的高校毕业生、就业困难人员可申领就业创业补贴，申领材料见附件。"),
        new(DisclosureCategory.art20_12, Topic.public_security_justice, Genre.plan, ItemKind.other, "{county}{topicName}突发事件应急预案", "为及时有效处置突发事件，最大程度减少人员伤亡和财产损失，制定本预案。"),
        new(DisclosureCategory.art20_13, Topic.market_safety_supervision, Genre.circular, ItemKind.other, "{year}年{topicName}监督抽查情况通报", "本次共抽查{n}家单位，发现问题已责令限期整改，整改情况将适时公开。"),
        new(DisclosureCategory.art20_14, Topic.labour_personnel, Genre.announcement, ItemKind.other, "{county}{year}年考试录用公务员拟录用人员公示", "根据公务员录用有关规定，经笔试、面试、体检和考察，确定拟录用人员名单，现予公示，公示期5个工作日。"),
        new(DisclosureCategory.art21_land_expropriation, Topic.land_energy, Genre.announcement, ItemKind.other, "{county}{year}年第{n}批次征地补偿安置方案公告", "本批次征收集体土地用于城镇建设，征地补偿标准按区片综合地价执行，被征地农民社会保障费用足额落实。"),
        new(DisclosureCategory.art21_social_assistance, Topic.civil_affairs_relief, Genre.publicity, ItemKind.other, "{year}年{month}月低保和特困供养资金发放情况公示", "本月共发放城乡低保金、特困供养金合计{amount}万元，惠及{n}户。"),
    ];

    private static readonly string[] TopicNames = ["城乡供水", "农村公路", "校园安全", "食品安全", "生活垃圾分类", "养老服务", "社区卫生", "防汛抗旱", "乡村振兴", "营商环境", "文明城市创建", "森林防火"];

    private static IEnumerable<CatalogImportRow> Generate(string agency, string code, bool isGovernment, Random random, DateOnly today)
    {
        var county = DemoAgencies.County;
        var short_ = county[..2] + code;
        var firstYear = 2019;
        for (var n = 1; n <= ItemsPerAgency; n++)
        {
            var t = Templates[random.Next(Templates.Length)];
            if (t.GovernmentOnly && !isGovernment) t = Templates[1];
            var year = random.Next(firstYear, today.Year + 1);
            var latest = year == today.Year ? today.DayOfYear : new DateOnly(year, 12, 31).DayOfYear;
            var written = new DateOnly(year, 1, 1).AddDays(random.Next(Math.Max(1, latest - 10)));
            var published = written.AddDays(random.Next(1, 12));
            if (published > today) published = today;
            string Fill(string s) => s.Replace("{county}", county).Replace("{agency}", agency).Replace("{year}", year.ToString())
                .Replace("{month}", written.Month.ToString()).Replace("{n}", random.Next(1, 60).ToString())
                .Replace("{amount}", (random.Next(50, 3000) * 10).ToString()).Replace("{short}", short_)
                .Replace("{topicName}", TopicNames[random.Next(TopicNames.Length)]);
            var title = Fill(t.Title);
            var docNo = t.Kind is ItemKind.normative or ItemKind.regulation ? $"{county[..2]}{code}发〔{year}〕{n}号" : null;
            var validity = Validity.valid;
            DateOnly? changed = null;
            if (t.Kind is ItemKind.normative or ItemKind.regulation && year <= today.Year - 2 && random.Next(5) == 0)
            {
                validity = random.Next(2) == 0 ? Validity.abolished : Validity.expired;
                changed = published.AddDays(random.Next(200, 700));
                if (changed > today) changed = today;
            }
            yield return new CatalogImportRow(n, title, docNo, t.Category, t.Topic, t.Genre, t.Kind, written, published, validity, changed,
                Keywords: TopicNames[random.Next(TopicNames.Length)], Summary: title, Body: Fill(t.Body) + "\n\n" + agency + "\n\n" + written.ToString("yyyy年M月d日"));
        }
    }
}
