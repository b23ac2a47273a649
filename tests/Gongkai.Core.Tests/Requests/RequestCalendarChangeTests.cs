using Gongkai.Calendar;
using Gongkai.Requests;
using Gongkai.Staff;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Core.Tests.Requests;

/// <summary>An admin's calendar edit reaches open requests: their deadline moves and their history records it.</summary>
public class RequestCalendarChangeTests
{
    private static ApplicationForm Form(string description) => new()
    {
        ApplicantType = "natural_person", Name = "张三", IdNumber = "110101199003074477", Phone = "13800138000",
        Email = "zs@example.cn", Address = "示范县人民路1号", Description = description, Form = "electronic", Delivery = "online",
    };

    private static async Task<SubmissionReceipt> Submit(RequestsFixture f, string description)
    {
        var r = await f.Run(sp => sp.GetRequiredService<SubmitRequest>().RunAsync("jya", Form(description)));
        Assert.True(r.Succeeded, string.Join(";", r.Errors.Select(e => e.Message)));
        return r.Value;
    }

    [Fact]
    public async Task A_holiday_added_inside_an_open_period_moves_its_due_date_and_writes_the_change_into_its_history_only()
    {
        await using var f = await RequestsFixture.CreateAsync(new DateOnly(2026, 6, 1));
        var earlier = await Submit(f, "2026年上半年校舍维修经费使用情况"); // its period and today lie before the new holiday
        f.Clock.SetDay(new DateOnly(2026, 11, 2));
        var current = await Submit(f, "2026年秋季学期招生划片方案");
        Assert.Equal(new DateOnly(2026, 11, 30), current.DueOn);
        f.Clock.SetDay(new DateOnly(2026, 11, 10));

        var holidays = ArrangementText.Format(WorkingCalendar.Embedded.Arrangement(2026)!.Holidays) + "\n临时假日：2026-11-20 至 2026-11-20";
        var saved = await f.Run(sp => sp.GetRequiredService<SaveCalendarYear>().RunAsync(
            new CalendarYearInput(2026, null, "关于2026年11月20日临时放假的通知", holidays, "测试增加假日"), "admin"));
        Assert.True(saved.Succeeded, string.Join(";", saved.Errors.Select(e => e.Message)));
        Assert.Equal(1, saved.Value.RecomputedDeadlines);

        var office = f.Actor(f.AgencyA, StaffRole.request_handler);
        var detail = (await f.Run(sp => sp.GetRequiredService<RequestQueries>().DetailAsync(office, current.RequestId))).Value;
        Assert.Equal(new DateOnly(2026, 12, 1), detail.Deadline.DueOn);
        var line = Assert.Single(detail.Request.Events, e => e.Type == RequestEventType.CalendarChanged);
        Assert.Equal("工作日历变更（2026年节假日安排：测试增加假日），期限由2026年11月30日改为2026年12月1日。", RequestSteps.Describe(line.ToEvent()));
        Assert.Equal(RequestStatus.Registered, detail.Request.Status);

        var untouched = (await f.Run(sp => sp.GetRequiredService<RequestQueries>().DetailAsync(office, earlier.RequestId))).Value;
        Assert.DoesNotContain(untouched.Request.Events, e => e.Type == RequestEventType.CalendarChanged);
    }
}
