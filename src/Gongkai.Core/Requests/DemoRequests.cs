using Gongkai.Agencies;
using Gongkai.Appeals;
using Gongkai.Calendar;
using Gongkai.Common;
using Gongkai.Demo;
using Gongkai.Staff;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Requests;

/// <summary>
/// Demo data: several years (2022 to today) of disclosure requests for every demo agency, handled
/// step by step through the real use cases on a demo clock set to each step's day, so every log
/// passes the order-of-actions rules and every annual report balances. Deterministic per agency
/// (fixed seed); covers every channel, applicant kind and table-三 leaf, 补正 answered and not,
/// consultations, extensions, fees paid and unpaid, requests open across a year end, and appeals
/// of both kinds in every state, including a 纠正 that reopens the request.
/// </summary>
public sealed class DemoRequests : IDemoStep
{
    public const int FirstYear = 2022;

    public string Title => "依申请公开办理记录";

    public async Task RunAsync(DemoContext context, CancellationToken ct)
    {
        var db = context.Db;
        if (await db.DisclosureRequests.AnyAsync(ct)) return; // seeded already: never duplicate
        var today = ChinaTime.Today(context.Get<TimeProvider>());
        var demoClock = new DemoClock();
        var clocks = context.Get<RequestClocks>();
        var protector = context.Get<PersonalDataProtector>();
        var steps = new RequestSteps(db, demoClock, clocks, context.Get<RequestOptions>());
        var run = new Runner(db, demoClock, clocks, today,
            new SubmitRequest(db, demoClock, protector, clocks, new SubmissionWriteGate()), new RegisterRequest(db, demoClock, protector, clocks), steps);

        var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.SortOrder)
            .Select(a => new { a.Id, a.Code, a.Name, a.Kind }).ToListAsync(ct);
        var users = await db.Users.AsNoTracking().Select(u => new { u.Id, u.UserName, u.AgencyId }).ToListAsync(ct);
        for (var i = 0; i < agencies.Count; i++)
        {
            var a = agencies[i];
            var random = new Random(5000 + i);
            // The education bureau's demo logins handle its requests; elsewhere a fictional colleague does.
            var handler = users.FirstOrDefault(u => u.AgencyId == a.Id && u.UserName!.EndsWith(".handler", StringComparison.Ordinal))?.Id ?? Id(random);
            var head = users.FirstOrDefault(u => u.AgencyId == a.Id && u.UserName!.EndsWith(".head", StringComparison.Ordinal))?.Id ?? Id(random);
            var actor = new StaffActor(head, $"{a.Code}.head", a.Id, new HashSet<StaffRole> { StaffRole.office_head, StaffRole.request_handler, StaffRole.reviewer });
            // The education bureau (where the demo logins work) gets every outcome each year; other agencies a few requests.
            var full = a.Code == "jyj";
            // One transaction per agency: the use cases' many small saves then cost no disk flush each.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            for (var year = FirstYear; year <= today.Year; year++)
            {
                var count = full ? AllSituations.Length + random.Next(4, 9) : a.Kind == AgencyKind.government ? random.Next(8, 13) : random.Next(2, 5);
                for (var n = 0; n < count; n++)
                {
                    var situation = full && n < AllSituations.Length ? AllSituations[n] : Pick(random);
                    await run.OneAsync(new Plan(a.Code, a.Name, a.Kind, actor, handler, year, situation, random), ct);
                    db.ChangeTracker.Clear();
                }
            }
            await transaction.CommitAsync(ct);
        }
    }

    private static Guid Id(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    /// <summary>Every way a request can end: the 23 staff/terminal situations plus a withdrawal (null).</summary>
    private static readonly DecisionSituation?[] AllSituations =
        [.. Enum.GetValues<DecisionSituation>().Where(s => s != DecisionSituation.Withdrawn).Select(s => (DecisionSituation?)s), null];

    private static readonly (DecisionSituation? Situation, int Weight)[] Weights =
    [
        (DecisionSituation.Disclosed, 24), (DecisionSituation.AlreadyPublic, 12), (DecisionSituation.Partial, 10),
        (DecisionSituation.NotExist, 10), (DecisionSituation.NotResponsible, 6), (DecisionSituation.NeedsCreation, 4),
        (DecisionSituation.WithheldThirdParty, 3), (DecisionSituation.WithheldProcessInfo, 3), (DecisionSituation.WithheldInternalAffairs, 2),
        (DecisionSituation.SpecialProcedure, 2), (DecisionSituation.Petition, 4), (DecisionSituation.Repeat, 2),
        (DecisionSituation.NoCorrection, 3), (DecisionSituation.StillUnclear, 2), (DecisionSituation.FeeUnpaid, 1),
        (DecisionSituation.Other, 2), (null, 3),
    ];

    private static DecisionSituation? Pick(Random random)
    {
        var roll = random.Next(Weights.Sum(w => w.Weight));
        foreach (var (s, w) in Weights)
        {
            if (roll < w) return s;
            roll -= w;
        }
        return DecisionSituation.Disclosed;
    }

    /// <summary>One request to play: who asks what in which year, and how it is meant to end (null = withdrawn).</summary>
    private sealed record Plan(string AgencyCode, string AgencyName, AgencyKind AgencyKind, StaffActor Actor, Guid Handler, int Year,
        DecisionSituation? Situation, Random Random);

    /// <summary>A TimeProvider the seeder moves to each step's day (10:00 China time), so use cases date steps in the past.</summary>
    private sealed class DemoClock : TimeProvider
    {
        private long _ticks;
        public DateOnly Day { get; set; }
        public override DateTimeOffset GetUtcNow() =>
            new DateTimeOffset(Day.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero).AddTicks(Interlocked.Increment(ref _ticks) % 10_000_000);
    }

    private sealed class Runner(Gongkai.Data.GongkaiDb db, DemoClock clock, RequestClocks clocks, DateOnly today,
        SubmitRequest submit, RegisterRequest register, RequestSteps steps)
    {
        private DateOnly _day;

        /// <summary>Moves the demo clock to <paramref name="day"/>; false when that is after today (the request stays open).</summary>
        private bool At(DateOnly day)
        {
            if (day > today) return false;
            if (day < _day) day = _day;
            _day = day;
            clock.Day = day;
            return true;
        }

        private DateOnly Wd(int days) => clocks.AddWorkingDays(_day, days);

        private static void Ok<T>(Result<T> result, string step)
        {
            if (!result.Succeeded)
                throw new InvalidOperationException($"Demo request {step}: {string.Join(" ", result.Errors.Select(e => $"{e.Code} {e.Message}"))}");
        }

        public async Task OneAsync(Plan p, CancellationToken ct)
        {
            var r = p.Random;
            var last = p.Year == today.Year ? today.DayOfYear : new DateOnly(p.Year, 12, 31).DayOfYear;
            var received = new DateOnly(p.Year, 1, 1).AddDays(r.Next(last));
            while (!clocks.Calendar.IsWorkingDay(received)) received = received.AddDays(1);
            _day = DateOnly.MinValue;
            if (!At(received)) return;

            var channel = PickChannel(r);
            var form = DemoApplicants.Form(r, p.AgencyName, p.Year);
            Guid id;
            if (channel == Channel.Online)
            {
                var receipt = await submit.RunAsync(p.AgencyCode, form, ct);
                Ok(receipt, "submit");
                if (!receipt.Value.Created) return;
                id = receipt.Value.RequestId;
            }
            else
            {
                var intake = channel == Channel.InPerson
                    ? new IntakeInput(channel.Key(), received, null, null, null)
                    : new IntakeInput(channel.Key(), received, received, received, null);
                var receipt = await register.RunAsync(p.Actor, p.Actor.AgencyId, form, intake, ct);
                Ok(receipt, "register");
                id = receipt.Value.Receipt.RequestId;
            }

            if (!At(Wd(1))) return;
            // Every step runs through the real use case, built over the demo clock.
            Ok(await new AssignHandler(steps).RunAsync(p.Actor, id, p.Handler, ct), "assign");
            var s = p.Situation;

            if (s is DecisionSituation.NoCorrection or DecisionSituation.StillUnclear || (s is not DecisionSituation.FeeUnpaid && r.Next(8) == 0))
            {
                if (!At(Wd(r.Next(1, 4)))) return;
                var due = clocks.AddWorkingDays(_day, 10);
                Ok(await new RequestCorrection(steps).RunAsync(p.Actor, id, "请写明所需政府信息的名称、文号或形成时间等特征，以便我们检索。", due, ct), "correction");
                if (s == DecisionSituation.NoCorrection)
                {
                    if (!At(clocks.AddWorkingDays(due, 2))) return;
                    await DecideAsync(p, id, s.Value, ct);
                    return;
                }
                if (!At(Wd(r.Next(2, 9)))) return;
                Ok(await new ReceiveCorrection(steps).RunAsync(p.Actor, id, null, ct), "correction received");
            }

            if (s == DecisionSituation.WithheldThirdParty || (s is not null && r.Next(14) == 0))
            {
                if (!At(Wd(r.Next(1, 3)))) return;
                var party = s == DecisionSituation.WithheldThirdParty || r.Next(2) == 0 ? ConsultedParty.ThirdParty : ConsultedParty.OtherOrgan;
                Ok(await new StartConsultation(steps).RunAsync(p.Actor, id, party, "征求意见书已寄出", ct), "consult");
                var silent = r.Next(3) == 0;
                if (!At(Wd(silent ? 16 : r.Next(4, 14)))) return;
                Ok(await new ReplyConsultation(steps).RunAsync(p.Actor, id, 1, silent, silent ? "逾期未答复" : "书面答复不同意公开", ct), "consult reply");
            }

            if (s is not null && r.Next(7) == 0)
            {
                if (!At(Wd(r.Next(3, 10)))) return;
                Ok(await new ExtendDeadline(steps).RunAsync(p.Actor, id, r.Next(10, 21), "所需信息涉及多个年度的档案，检索和审查需要较长时间。", ct), "extend");
            }

            if (s == DecisionSituation.FeeUnpaid || (s is DecisionSituation.Disclosed or DecisionSituation.Partial && r.Next(8) == 0))
            {
                if (!At(Wd(r.Next(1, 4)))) return;
                Ok(await new NotifyFee(steps).RunAsync(p.Actor, id, FeeMethod.PerVolume, r.Next(35, 260), ct), "fee");
                var due = clocks.AddWorkingDays(_day, 20);
                if (s == DecisionSituation.FeeUnpaid)
                {
                    if (!At(clocks.AddWorkingDays(due, 2))) return;
                    await DecideAsync(p, id, s.Value, ct);
                    return;
                }
                if (!At(Wd(r.Next(2, 15)))) return;
                Ok(await new RecordFeePayment(steps).RunAsync(p.Actor, id, null, ct), "fee paid");
            }

            if (s is null)
            {
                if (!At(Wd(r.Next(2, 8)))) return;
                Ok(await new Withdraw(steps).RunAsync(p.Actor, id, "申请人书面申请撤回", ct), "withdraw");
                return;
            }

            // Most answers within the period; December requests so often end in the next year.
            if (!At(Wd(r.Next(3, 16)))) return;
            if (!await DecideAsync(p, id, s.Value, ct)) return;
            await AppealsAsync(p, id, ct);
        }

        /// <summary>Decides, reviews, delivers and (mostly) closes; false when a step falls after today.</summary>
        private async Task<bool> DecideAsync(Plan p, Guid id, DecisionSituation s, CancellationToken ct)
        {
            var r = p.Random;
            Ok(await new RecordDecision(steps).RunAsync(p.Actor, id, s, Reply(s), ct), "decide " + s);
            if (!At(Wd(r.Next(0, 2)))) return false;
            Ok(await new ReviewReply(steps).RunAsync(p.Actor, id, "经审查不涉及国家秘密", ct), "review");
            if (!At(Wd(r.Next(1, 3)))) return false;
            Ok(await new Deliver(steps).RunAsync(p.Actor, id, null, ct), "deliver");
            if (r.Next(5) == 0 || !At(Wd(r.Next(0, 4)))) return true;
            Ok(await new CloseRequest(steps).RunAsync(p.Actor, id, ct), "close");
            return true;
        }

        private static string Reply(DecisionSituation s) => s switch
        {
            DecisionSituation.AlreadyPublic => "该信息已在本机关政府信息公开专栏“法定主动公开内容”栏目发布，您可登录查阅。",
            DecisionSituation.Partial => "其中涉及个人身份信息和联系方式的部分，公开会损害第三方合法权益，已作遮盖处理。",
            DecisionSituation.NotResponsible => "该信息由县自然资源局负责公开，请向该局提出申请。",
            DecisionSituation.SpecialProcedure => "不动产登记资料请持有效身份证明到县不动产登记中心查询。",
            DecisionSituation.Other => "您所提问题已转交相关业务股室答复。",
            DecisionSituation.Petition => "请通过12345政务服务便民热线或县信访局提出。",
            DecisionSituation.Publication => "该资料已在《云溪年鉴》刊载，县图书馆可供查阅。",
            _ => "",
        };

        /// <summary>Some answered requests are appealed: reconsideration or a lawsuit, in every state; a 纠正 reopens and is answered again.</summary>
        private async Task AppealsAsync(Plan p, Guid id, CancellationToken ct)
        {
            var r = p.Random;
            if (r.Next(9) != 0) return;
            var review = r.Next(5) < 3;
            var kind = review ? AppealKind.Reconsideration : AppealKind.LitigationDirect;
            var outcome = await AppealAsync(p, id, kind, _day.AddDays(r.Next(10, 50)), ct);
            if (outcome == AppealOutcome.Upheld && review && r.Next(2) == 0)
                await AppealAsync(p, id, AppealKind.LitigationAfterReview, _day.AddDays(r.Next(5, 14)), ct);
        }

        private async Task<AppealOutcome?> AppealAsync(Plan p, Guid id, AppealKind kind, DateOnly filedOn, CancellationToken ct)
        {
            var r = p.Random;
            if (!At(filedOn)) return null;
            var body = kind == AppealKind.Reconsideration
                ? p.AgencyKind == AgencyKind.government ? "云岭市人民政府" : "云溪县人民政府"
                : "云溪县人民法院";
            var filed = await new RecordAppeal(db, steps).RunAsync(p.Actor, id, kind, filedOn, body, null, ct);
            Ok(filed, "appeal");
            var roll = r.Next(20);
            var outcome = roll < 9 ? AppealOutcome.Upheld : roll < 14 ? AppealOutcome.Corrected : roll < 17 ? AppealOutcome.Other : AppealOutcome.Pending;
            if (outcome == AppealOutcome.Pending || !At(filedOn.AddDays(r.Next(40, 100)))) return AppealOutcome.Pending;
            Ok(await new RecordAppealOutcome(db, steps).RunAsync(p.Actor, filed.Value.Id, outcome, _day, ct), "appeal outcome");
            if (outcome == AppealOutcome.Corrected && At(Wd(r.Next(5, 15))))
            {
                db.ChangeTracker.Clear();
                await DecideAsync(p, id, r.Next(2) == 0 ? DecisionSituation.Disclosed : DecisionSituation.Partial, ct);
            }
            return outcome;
        }

        private static Channel PickChannel(Random r) => r.Next(20) switch
        {
            < 8 => Channel.Online,
            < 11 => Channel.InPerson,
            < 13 => Channel.Letter,
            < 14 => Channel.LetterOrdinary,
            < 15 => Channel.Fax,
            < 18 => Channel.Email,
            _ => Channel.Other,
        };
    }
}

/// <summary>Fictional applicants and what they ask for, with valid identity numbers and credit codes.</summary>
internal static class DemoApplicants
{
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高"];
    private static readonly string[] Given = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建华", "志强"];
    private static readonly string[] Places = ["城关镇", "青石镇", "和溪乡", "柳树乡", "东坪街道"];

    private static readonly (ApplicantKind Kind, string[] Names, string Prefix)[] Organisations =
    [
        (ApplicantKind.LegalPersonCommercial, ["云溪县青山建材有限公司", "云溪县和顺农业开发有限公司", "云岭市宏达物流有限公司", "云溪县溪畔食品有限公司"], "91"),
        (ApplicantKind.LegalPersonResearch, ["云岭市农业科学研究所", "云岭学院地方治理研究中心"], "12"),
        (ApplicantKind.LegalPersonPublicWelfare, ["云溪县助学公益协会", "云岭市绿色家园环保志愿者协会"], "51"),
        (ApplicantKind.LegalPersonLegalService, ["云岭明正律师事务所", "云溪县城关法律服务所"], "31"),
        (ApplicantKind.LegalPersonOther, ["云溪县青石镇柏树村村民委员会", "云溪县个体劳动者协会"], "54"),
    ];

    private static readonly string[] Subjects =
    [
        "{year}年本单位部门预算和“三公”经费支出明细", "{place}农村公路提质改造工程的立项批复和招标文件", "{year}年城乡低保对象审批名册及审批依据",
        "{place}某地块征收补偿安置方案及补偿标准", "我所在小区旁在建项目的建设工程规划许可证", "{year}年义务教育学校招生划片方案及依据",
        "对我公司作出的行政处罚决定所依据的检测报告", "{place}集中供水工程的水质检测结果", "{year}年涉农补贴资金发放明细",
        "县城区学校布局调整规划及论证材料", "{year}年度安全生产检查发现问题的整改情况", "我村集体土地征收的批准文件",
    ];

    public static ApplicationForm Form(Random r, string agencyName, int year)
    {
        var place = Places[r.Next(Places.Length)];
        var description = Subjects[r.Next(Subjects.Length)].Replace("{year}", (year - r.Next(0, 3)).ToString()).Replace("{place}", place);
        var delivery = (Delivery)r.Next(4);
        var common = new ApplicationForm
        {
            Phone = $"13{r.Next(0, 10)}{r.Next(10_000_000, 100_000_000)}",
            Email = $"demo{r.Next(100_000, 1_000_000)}@example.cn",
            Address = $"云溪县{place}{Surnames[r.Next(Surnames.Length)]}家巷 {r.Next(1, 200)} 号",
            Description = $"申请获取{agencyName}的{description}。",
            Form = r.Next(3) == 0 ? "paper" : "electronic",
            Delivery = delivery.Key(),
        };
        if (r.Next(10) < 7)
        {
            var birth = new DateOnly(1950, 1, 1).AddDays(r.Next(365 * 55));
            var first17 = $"439901{birth:yyyyMMdd}{r.Next(0, 1000):D3}";
            return common with
            {
                ApplicantType = ApplicantKind.NaturalPerson.Key(),
                Name = Surnames[r.Next(Surnames.Length)] + Given[r.Next(Given.Length)],
                IdNumber = first17 + IdentityNumbers.ResidentCheckDigit(first17),
            };
        }
        var (kind, names, prefix) = Organisations[r.Next(Organisations.Length)];
        return common with
        {
            ApplicantType = kind.Key(),
            Name = names[r.Next(names.Length)],
            IdNumber = CreditCode.Complete($"{prefix}439901{r.Next(0, 1_000_000_000):D9}"),
        };
    }
}
