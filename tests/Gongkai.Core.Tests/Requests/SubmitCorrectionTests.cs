using Gongkai.Requests;
using Gongkai.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Core.Tests.Requests;

public class SubmitCorrectionTests
{
    private static readonly DateOnly Day1 = new(2024, 9, 23);

    private static readonly ApplicationForm Form = new()
    {
        ApplicantType = "natural_person", Name = "李四", IdNumber = "110101199003074477", Phone = "13800138000",
        Description = "招生方案", Form = "electronic", Delivery = "online",
    };

    [Fact]
    public async Task The_applicant_answers_the_correction_notice_online_and_the_period_restarts()
    {
        await using var f = await RequestsFixture.CreateAsync(Day1);
        var receipt = (await f.Run(sp => sp.GetRequiredService<SubmitRequest>().RunAsync("jya", Form))).Value;
        var handler = f.Actor(f.AgencyA, StaffRole.request_handler);

        // Nothing to correct yet.
        var early = await f.Run(sp => sp.GetRequiredService<SubmitCorrection>().RunAsync(receipt.QueryCode, receipt.Password, "2024年招生划片方案"));
        Assert.Equal("correction.not_awaiting", Assert.Single(early.Errors).Code);

        f.Clock.SetDay(new DateOnly(2024, 9, 25));
        Assert.True((await f.Run(sp => sp.GetRequiredService<RequestCorrection>().RunAsync(handler, receipt.RequestId, "请写明方案的年度和文号", new DateOnly(2024, 10, 15)))).Succeeded);

        f.Clock.SetDay(new DateOnly(2024, 10, 9));
        var wrong = await f.Run(sp => sp.GetRequiredService<SubmitCorrection>().RunAsync(receipt.QueryCode, "WRONGPASS1", "2024年招生划片方案"));
        Assert.Equal("not_found", Assert.Single(wrong.Errors).Code);
        var empty = await f.Run(sp => sp.GetRequiredService<SubmitCorrection>().RunAsync(receipt.QueryCode, receipt.Password, "  "));
        Assert.Equal("correction", Assert.Single(empty.Errors).Field);

        var ok = await f.Run(sp => sp.GetRequiredService<SubmitCorrection>().RunAsync(receipt.QueryCode, receipt.Password, "2024年秋季学期义务教育招生划片方案（示教发〔2024〕3号）"));
        Assert.True(ok.Succeeded, string.Join(";", ok.Errors.Select(e => e.Message)));
        var tracked = await f.Run(sp => sp.GetRequiredService<RequestQueries>().TrackAsync(receipt.QueryCode, receipt.Password));
        Assert.NotNull(tracked);
        Assert.Equal(f.Calendar.AddWorkingDays(new DateOnly(2024, 10, 9), 20), tracked.DueOn);
        Assert.Contains("重新计算", tracked.DueExplanation);
        Assert.Contains(tracked.Steps, s => s.Text == "2024年秋季学期义务教育招生划片方案（示教发〔2024〕3号）");

        var again = await f.Run(sp => sp.GetRequiredService<SubmitCorrection>().RunAsync(receipt.QueryCode, receipt.Password, "再补充一次"));
        Assert.Equal("correction.not_awaiting", Assert.Single(again.Errors).Code);
    }

    [Fact]
    public async Task After_the_correction_deadline_the_online_form_refuses_and_staff_record_paper_instead()
    {
        await using var f = await RequestsFixture.CreateAsync(Day1);
        var receipt = (await f.Run(sp => sp.GetRequiredService<SubmitRequest>().RunAsync("jya", Form))).Value;
        var handler = f.Actor(f.AgencyA, StaffRole.request_handler);
        Assert.True((await f.Run(sp => sp.GetRequiredService<RequestCorrection>().RunAsync(handler, receipt.RequestId, "请写明方案的年度", new DateOnly(2024, 9, 30)))).Succeeded);

        f.Clock.SetDay(new DateOnly(2024, 10, 8));
        var late = await f.Run(sp => sp.GetRequiredService<SubmitCorrection>().RunAsync(receipt.QueryCode, receipt.Password, "2024年招生划片方案"));
        Assert.Equal("correction.overdue", Assert.Single(late.Errors).Code);
        await using var scope = f.Services.CreateAsyncScope();
        var events = await scope.ServiceProvider.GetRequiredService<Gongkai.Data.GongkaiDb>().RequestEvents.CountAsync(e => e.RequestId == receipt.RequestId);
        Assert.Equal(2, events);
        Assert.True((await f.Run(sp => sp.GetRequiredService<ReceiveCorrection>().RunAsync(handler, receipt.RequestId))).Succeeded);
    }
}
