using Gongkai.Appeals;
using Gongkai.Calendar;
using Gongkai.Data;
using Gongkai.Requests;
using Gongkai.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Core.Tests.Requests;

public class RequestUseCaseTests
{
    private static readonly DateOnly Day1 = new(2024, 9, 23); // a Monday before the National Day holiday

    private static ApplicationForm Form(string description = "2024年秋季学期义务教育阶段招生划片方案") => new()
    {
        ApplicantType = "natural_person", Name = "张三", IdNumber = "110101199003074477", Phone = "13800138000",
        Email = "zs@example.cn", Address = "示范县人民路1号", Description = description, Form = "electronic", Delivery = "online",
    };

    private static async Task<SubmissionReceipt> Submit(RequestsFixture f, ApplicationForm? form = null, string agency = "jya")
    {
        var r = await f.Run(sp => sp.GetRequiredService<SubmitRequest>().RunAsync(agency, form ?? Form()));
        Assert.True(r.Succeeded, string.Join(";", r.Errors.Select(e => e.Message)));
        return r.Value;
    }

    [Fact]
    public async Task An_online_submission_gets_a_code_a_password_and_a_due_date_from_the_calendar()
    {
        await using var f = await RequestsFixture.CreateAsync(Day1);
        var receipt = await Submit(f);
        Assert.Matches("^2024-[2-9A-HJKMNP-Z]{8}$", receipt.QueryCode);
        Assert.Equal(10, receipt.Password.Length);
        Assert.Equal(Day1, receipt.ReceivedOn);
        // 20 working days after 23 September: skip 1–7 October, count the 调休 Sunday 29 September and Saturday 12 October.
        Assert.Equal(f.Calendar.AddWorkingDays(Day1, 20), receipt.DueOn);
        Assert.Equal(new DateOnly(2024, 10, 24), receipt.DueOn);
    }

    [Fact]
    public async Task The_same_form_twice_creates_one_request_and_repeats_the_same_credentials()
    {
        await using var f = await RequestsFixture.CreateAsync(Day1);
        var first = await Submit(f);
        var second = await Submit(f);
        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.QueryCode, second.QueryCode);
        Assert.Equal(first.Password, second.Password);
        Assert.Equal(1, await f.Run(sp => sp.GetRequiredService<GongkaiDb>().DisclosureRequests.CountAsync()));
        var other = await Submit(f, Form("另一份文件：2024年教育经费预算"));
        Assert.NotEqual(first.QueryCode, other.QueryCode);
    }

    [Fact]
    public async Task An_invalid_submission_names_each_bad_field_and_stores_nothing()
    {
        await using var f = await RequestsFixture.CreateAsync(Day1);
        var r = await f.Run(sp => sp.GetRequiredService<SubmitRequest>().RunAsync("jya", Form() with { IdNumber = "110101199003074478", Description = "" }));
        Assert.False(r.Succeeded);
        Assert.Equal(new[] { "description", "idNumber" }, r.Errors.Select(e => e.Field).Order().ToArray());
        Assert.Equal(0, await f.Run(sp => sp.GetRequiredService<GongkaiDb>().DisclosureRequests.CountAsync()));
    }

    [Fact]
    public async Task Identity_and_phone_numbers_are_encrypted_at_rest_and_absent_from_the_audit_log()
    {
        await using var f = await RequestsFixture.CreateAsync(Day1);
        await Submit(f);
        var raw = await f.Run(async sp =>
        {
            var db = sp.GetRequiredService<GongkaiDb>();
            var conn = db.Database.GetDbConnection();
            await conn.OpenAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = "SELECT IdNumberCipher || '|' || PhoneCipher || '|' || AddressCipher FROM disclosure_requests";
            return (string)(await cmd.ExecuteScalarAsync())!;
        });
        Assert.DoesNotContain("110101199003074477", raw);
        Assert.DoesNotContain("13800138000", raw);
        Assert.DoesNotContain("人民路", raw);
        var audit = await f.Run(sp => sp.GetRequiredService<GongkaiDb>().AuditEntries.Select(a => a.Summary).ToListAsync());
        Assert.DoesNotContain(audit, s => s.Contains("110101199003074477") || s.Contains("13800138000"));
    }

    [Fact]
    public async Task The_acceptance_journey_correction_restarts_the_clock_extension_partial_decision_letter_and_tracking()
    {
        await using var f = await RequestsFixture.CreateAsync(Day1);
        var handler = f.Actor(f.AgencyA, StaffRole.request_handler);
        var head = f.Actor(f.AgencyA, StaffRole.office_head);
        var reviewer = f.Actor(f.AgencyA, StaffRole.reviewer);
        var receipt = await Submit(f);
        var id = receipt.RequestId;

        Assert.True((await f.Run(sp => sp.GetRequiredService<AssignHandler>().RunAsync(handler, id, handler.UserId))).Succeeded);
        f.Clock.SetDay(new DateOnly(2024, 9, 25));
        var corr = await f.Run(sp => sp.GetRequiredService<RequestCorrection>().RunAsync(handler, id, "请写明方案的文号或发布时间", new DateOnly(2024, 10, 15)));
        Assert.True(corr.Succeeded, string.Join(";", corr.Errors.Select(e => e.Message)));
        var second = await f.Run(sp => sp.GetRequiredService<RequestCorrection>().RunAsync(handler, id, "再补充", new DateOnly(2024, 10, 20)));
        Assert.Equal("correction.already_requested", Assert.Single(second.Errors).Code);

        f.Clock.SetDay(new DateOnly(2024, 10, 9));
        Assert.True((await f.Run(sp => sp.GetRequiredService<ReceiveCorrection>().RunAsync(handler, id))).Succeeded);
        var tracked = await f.Run(sp => sp.GetRequiredService<RequestQueries>().TrackAsync(receipt.QueryCode, receipt.Password));
        Assert.NotNull(tracked);
        // The period restarts from 9 October: 20 working days later, not 20 after the first receipt.
        Assert.Equal(f.Calendar.AddWorkingDays(new DateOnly(2024, 10, 9), 20), tracked.DueOn);
        Assert.Contains("重新计算", tracked.DueExplanation);

        var byHandler = await f.Run(sp => sp.GetRequiredService<ExtendDeadline>().RunAsync(handler, id, 10, "需调取档案"));
        Assert.Equal("forbidden", Assert.Single(byHandler.Errors).Code);
        Assert.True((await f.Run(sp => sp.GetRequiredService<ExtendDeadline>().RunAsync(head, id, 10, "需调取档案"))).Succeeded);
        tracked = await f.Run(sp => sp.GetRequiredService<RequestQueries>().TrackAsync(receipt.QueryCode, receipt.Password));
        Assert.Equal(f.Calendar.AddWorkingDays(new DateOnly(2024, 10, 9), 30), tracked!.DueOn);

        f.Clock.SetDay(new DateOnly(2024, 10, 21));
        Assert.True((await f.Run(sp => sp.GetRequiredService<RecordDecision>().RunAsync(handler, id, DecisionSituation.Partial, "附件2涉及学生个人信息，不予公开。"))).Succeeded);
        var reviewByHandler = await f.Run(sp => sp.GetRequiredService<ReviewReply>().RunAsync(handler, id, null));
        Assert.Equal("forbidden", Assert.Single(reviewByHandler.Errors).Code);
        Assert.True((await f.Run(sp => sp.GetRequiredService<ReviewReply>().RunAsync(reviewer, id, "无涉密内容"))).Succeeded);
        var letter = await f.Run(sp => sp.GetRequiredService<ComposeLetter>().ForStaffAsync(handler, id));
        Assert.True(letter.Succeeded);
        Assert.Contains("部分公开", letter.Value.Title);
        Assert.Contains("本机关的本级人民政府", letter.Value.Remedies); // default until the agency configures its bodies
        Assert.True((await f.Run(sp => sp.GetRequiredService<Deliver>().RunAsync(handler, id))).Succeeded);

        tracked = await f.Run(sp => sp.GetRequiredService<RequestQueries>().TrackAsync(receipt.QueryCode, receipt.Password));
        Assert.Equal("delivered", tracked!.Status);
        Assert.Equal("result.partial", tracked.Result);
        Assert.Contains(tracked.Steps, s => s.Text == "附件2涉及学生个人信息，不予公开。");
        Assert.DoesNotContain(tracked.Steps, s => s.Text == "无涉密内容"); // the reviewer's note is internal
    }

    [Fact]
    public async Task Staff_of_another_agency_cannot_see_or_handle_a_request_and_the_competent_office_only_supervises()
    {
        await using var f = await RequestsFixture.CreateAsync(Day1);
        var receipt = await Submit(f);
        var outsider = f.Actor(f.AgencyB, StaffRole.request_handler, StaffRole.office_head);
        var assign = await f.Run(sp => sp.GetRequiredService<AssignHandler>().RunAsync(outsider, receipt.RequestId, outsider.UserId));
        Assert.Equal("not_found", Assert.Single(assign.Errors).Code);
        var detail = await f.Run(sp => sp.GetRequiredService<RequestQueries>().DetailAsync(outsider, receipt.RequestId));
        Assert.False(detail.Succeeded);
        var inboxB = await f.Run(sp => sp.GetRequiredService<RequestQueries>().InboxAsync(outsider, f.AgencyA, new InboxFilter()));
        Assert.Empty(inboxB.Rows);

        var office = f.Actor(f.AgencyB, StaffRole.platform_admin);
        Assert.True((await f.Run(sp => sp.GetRequiredService<RequestQueries>().DetailAsync(office, receipt.RequestId))).Succeeded);
        Assert.Equal("forbidden", Assert.Single((await f.Run(sp => sp.GetRequiredService<AssignHandler>().RunAsync(office, receipt.RequestId, office.UserId))).Errors).Code);
        Assert.True((await f.Run(sp => sp.GetRequiredService<Supervise>().RunAsync(office, receipt.RequestId, "请按期答复"))).Succeeded);
        var handlerA = f.Actor(f.AgencyA, StaffRole.request_handler);
        Assert.Equal("forbidden", Assert.Single((await f.Run(sp => sp.GetRequiredService<Supervise>().RunAsync(handlerA, receipt.RequestId, "x"))).Errors).Code);
        var overview = await f.Run(sp => sp.GetRequiredService<RequestQueries>().AcrossAgenciesAsync(office));
        Assert.Equal(1, overview.Single(o => o.Code == "jya").Open);
        Assert.Equal(0, overview.Single(o => o.Code == "mzb").Open);
    }

    [Fact]
    public async Task Tracking_answers_nothing_for_a_wrong_code_or_a_wrong_password()
    {
        await using var f = await RequestsFixture.CreateAsync(Day1);
        var receipt = await Submit(f);
        var other = await Submit(f, Form("另一份文件"));
        var q = (string code, string pw) => f.Run(sp => sp.GetRequiredService<RequestQueries>().TrackAsync(code, pw));
        Assert.Null(await q(receipt.QueryCode, other.Password));
        Assert.Null(await q("2024-ZZZZZZZZ", receipt.Password));
        Assert.Null(await q(receipt.QueryCode, ""));
        Assert.NotNull(await q(receipt.QueryCode.ToLowerInvariant(), receipt.Password.ToLowerInvariant()));
    }

    [Fact]
    public async Task The_eleventh_request_of_a_month_is_charged_per_request_and_the_first_ten_are_free()
    {
        await using var f = await RequestsFixture.CreateAsync(Day1);
        var handler = f.Actor(f.AgencyA, StaffRole.request_handler);
        var receipts = new List<SubmissionReceipt>();
        for (var i = 1; i <= 11; i++)
        {
            f.Clock.Now = f.Clock.Now.AddMinutes(1);
            receipts.Add(await Submit(f, Form($"第{i}份文件：教育局2024年第{i}号通知")));
        }
        var tenth = await f.Run(sp => sp.GetRequiredService<NotifyFee>().RunAsync(handler, receipts[9].RequestId, FeeMethod.PerRequest, null));
        Assert.Contains("10件", Assert.Single(tenth.Errors).Message);
        var eleventh = await f.Run(sp => sp.GetRequiredService<NotifyFee>().RunAsync(handler, receipts[10].RequestId, FeeMethod.PerRequest, null));
        Assert.True(eleventh.Succeeded, string.Join(";", eleventh.Errors.Select(e => e.Message)));
        var notice = eleventh.Value.Events.Last();
        Assert.Equal(100m, notice.FeeAmount);
        Assert.Equal(11, notice.FeeQuantity);
        Assert.Equal(f.Calendar.AddWorkingDays(Day1, 20), notice.DueOn);
        Assert.Equal(RequestStatus.AwaitingFee, eleventh.Value.Status);
    }

    [Fact]
    public async Task A_corrected_appeal_reopens_the_request_and_counts_in_table_four()
    {
        await using var f = await RequestsFixture.CreateAsync(Day1);
        var handler = f.Actor(f.AgencyA, StaffRole.request_handler, StaffRole.reviewer);
        var id = (await Submit(f)).RequestId;
        await f.Run(sp => sp.GetRequiredService<AssignHandler>().RunAsync(handler, id, handler.UserId));
        await f.Run(sp => sp.GetRequiredService<RecordDecision>().RunAsync(handler, id, DecisionSituation.WithheldProcessInfo, null));
        await f.Run(sp => sp.GetRequiredService<ReviewReply>().RunAsync(handler, id, null));
        Assert.True((await f.Run(sp => sp.GetRequiredService<Deliver>().RunAsync(handler, id))).Succeeded);

        f.Clock.SetDay(new DateOnly(2024, 11, 1));
        var after = await f.Run(sp => sp.GetRequiredService<RecordAppeal>().RunAsync(handler, id, AppealKind.LitigationAfterReview, new DateOnly(2024, 10, 30), "示范县人民法院", null));
        Assert.Equal("appeal.no_review", Assert.Single(after.Errors).Code);
        var appeal = await f.Run(sp => sp.GetRequiredService<RecordAppeal>().RunAsync(handler, id, AppealKind.Reconsideration, new DateOnly(2024, 10, 30), "示范县人民政府", null));
        Assert.True(appeal.Succeeded);
        f.Clock.SetDay(new DateOnly(2024, 12, 20));
        var outcome = await f.Run(sp => sp.GetRequiredService<RecordAppealOutcome>().RunAsync(handler, appeal.Value.Id, AppealOutcome.Corrected, new DateOnly(2024, 12, 18)));
        Assert.True(outcome.Succeeded);
        Assert.Equal("review.corrected", AppealRules.TableKey(outcome.Value.Kind, outcome.Value.Outcome));
        var request = await f.Run(sp => sp.GetRequiredService<GongkaiDb>().DisclosureRequests.SingleAsync(r => r.Id == id));
        Assert.Equal(RequestStatus.InProgress, request.Status);
        Assert.True(request.IsOpen);
        Assert.Null(request.ResultLeaf);
    }

    [Fact]
    public async Task The_consulted_party_is_stored_by_name_as_before_and_reads_back()
    {
        await using var f = await RequestsFixture.CreateAsync(Day1);
        var handler = f.Actor(f.AgencyA, StaffRole.request_handler);
        var id = (await Submit(f)).RequestId;
        await f.Run(sp => sp.GetRequiredService<AssignHandler>().RunAsync(handler, id, handler.UserId));
        Assert.True((await f.Run(sp => sp.GetRequiredService<StartConsultation>().RunAsync(handler, id, ConsultedParty.OtherOrgan, null))).Succeeded);
        const string Stored = "SELECT \"Party\" AS \"Value\" FROM request_events WHERE \"Party\" IS NOT NULL";
        Assert.Equal("OtherOrgan", await f.Run(sp => sp.GetRequiredService<GongkaiDb>().Database.SqlQueryRaw<string>(Stored).SingleAsync()));
        var request = await f.Run(sp => sp.GetRequiredService<GongkaiDb>().DisclosureRequests.Include(r => r.Events).SingleAsync(r => r.Id == id));
        Assert.Equal(ConsultedParty.OtherOrgan, request.Events.Single(e => e.Party is not null).Party);
        Assert.Contains(",OtherOrgan,", request.ClockInputs);
        Assert.Equal(ConsultedParty.OtherOrgan, ClockInputs.Parse(request.ClockInputs!).Single(e => e.Party is not null).Party);
    }

    [Fact]
    public async Task The_inbox_lists_overdue_and_due_soon_requests_from_the_derived_deadline()
    {
        await using var f = await RequestsFixture.CreateAsync(new DateOnly(2024, 3, 1));
        var staff = f.Actor(f.AgencyA, StaffRole.request_handler);
        await Submit(f, Form("三月份的申请：教育局2024年工作要点"));
        f.Clock.SetDay(new DateOnly(2024, 4, 15));
        await Submit(f, Form("四月份的申请：教育局2023年决算"));
        f.Clock.SetDay(new DateOnly(2024, 5, 8));
        var inbox = await f.Run(sp => sp.GetRequiredService<RequestQueries>().InboxAsync(staff, f.AgencyA, new InboxFilter("overdue")));
        Assert.Equal(2, inbox.OpenCount);
        Assert.Equal(1, inbox.OverdueCount);
        Assert.Contains("三月份", Assert.Single(inbox.Rows).Description);
        var soon = await f.Run(sp => sp.GetRequiredService<RequestQueries>().InboxAsync(staff, f.AgencyA, new InboxFilter("due_soon")));
        Assert.Contains("四月份", Assert.Single(soon.Rows).Description);
    }

    [Fact]
    public async Task A_register_with_one_bad_line_imports_nothing_and_a_good_one_imports_every_line()
    {
        await using var f = await RequestsFixture.CreateAsync(new DateOnly(2025, 3, 1));
        const string header = "received_on,channel,applicant_type,applicant_name,description,result,decided_on,extended\n";
        var bad = header + "2024-03-01,online,natural_person,张三,描述一,result.granted,2024-03-05,false\n2024-03-02,pigeon,natural_person,李四,描述二,,,false\n";
        var (n, errors) = await f.Run(sp => sp.GetRequiredService<ImportRegister>().RunAsync("jya", new StringReader(bad), "test"));
        Assert.Equal(0, n);
        Assert.Equal(3, Assert.Single(errors).Line);
        Assert.Equal(0, await f.Run(sp => sp.GetRequiredService<GongkaiDb>().DisclosureRequests.CountAsync()));

        var good = header + "2024-03-01,online,natural_person,张三,描述一,result.granted,2024-03-05,false\n2024-12-30,letter,legal_person.research,某研究所,描述二,,,true\n";
        (n, errors) = await f.Run(sp => sp.GetRequiredService<ImportRegister>().RunAsync("jya", new StringReader(good), "test"));
        Assert.Empty(errors);
        Assert.Equal(2, n);
        var leaves = await f.Run(sp => sp.GetRequiredService<GongkaiDb>().DisclosureRequests.OrderBy(r => r.ReceivedOn).Select(r => r.ResultLeaf).ToListAsync());
        Assert.Equal(new[] { "result.granted", null }, leaves);
    }
}
