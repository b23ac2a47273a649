using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Data;
using Gongkai.Staff;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Calendar;

public abstract class CalendarPageTests(GongkaiAppFactory app)
{
    private static Dictionary<string, string> Year(int year, string holidays) => new()
    {
        ["Input.NoticeTitle"] = $"国务院办公厅关于{year}年部分节假日安排的通知",
        ["Input.NoticeNumber"] = $"国办发明电〔{year - 1}〕99号",
        ["Input.Holidays"] = holidays,
        ["Input.Reason"] = "测试录入",
    };

    [Fact]
    public async Task Any_staff_member_sees_the_year_as_month_grids_with_holidays_and_make_up_days_marked_but_cannot_edit()
    {
        if (!app.ReadyFor(GetType().Name)) return;
        var html = await (await app.LoginAsync(StaffRole.editor)).GetStringAsync("/staff/calendar?year=2024");
        Assert.Matches("class=\"rest\" data-date=\"2024-10-01\" title=\"国庆节放假\"", html);
        Assert.Matches("class=\"work\" data-date=\"2024-09-29\" title=\"国庆节调休上班\"", html);
        Assert.Matches("class=\"\" data-date=\"2024-02-09\"", html); // 除夕 2024 was a working day
        Assert.Equal(12, Regex.Matches(html, "<table class=\"month-grid\"").Count);
        Assert.Contains("国办发明电〔2023〕7号", html);
        Assert.DoesNotContain("录入或修订", html);
    }

    [Fact]
    public async Task An_unpublished_year_is_shown_as_such()
    {
        if (!app.ReadyFor(GetType().Name)) return;
        var html = await (await app.LoginAsync(StaffRole.platform_admin)).GetStringAsync("/staff/calendar?year=2031");
        Assert.Contains("2031年节假日安排尚未发布", html);
        Assert.Contains("录入或修订2031年安排", html);
    }

    [Fact]
    public async Task A_platform_admin_adds_a_year_the_calculator_uses_it_and_the_edit_is_audited()
    {
        if (!app.ReadyFor(GetType().Name)) return;
        var anonymous = app.Anonymous();
        var flagged = await anonymous.GetStringAsync("/calendar?from=2027-09-27&days=20");
        Assert.Contains("2027年节假日安排尚未发布", flagged);
        Assert.Contains("data-date=\"2027-10-25\"", flagged);

        var admin = await app.LoginAsync(StaffRole.platform_admin);
        var response = await admin.PostFormAsync("/staff/calendar?year=2027&handler=Save",
            Year(2027, "元旦：2027-01-01 至 2027-01-03\n国庆节：2027-10-01 至 2027-10-07；上班 2027-09-26、2027-10-09"), "/staff/calendar?year=2027");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await admin.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("已保存2027年节假日安排", page);
        Assert.Contains("测试录入", page);

        var computed = await anonymous.GetStringAsync("/calendar?from=2027-09-27&days=20");
        Assert.DoesNotContain("尚未发布", computed);
        Assert.Contains("data-date=\"2027-10-29\"", computed); // 5 weekdays off, 2 make-up days: 2027-10-25 + 3 working days
        Assert.Contains("国庆节", computed);

        await using var core = app.CoreServices();
        var db = core.CreateScope().ServiceProvider.GetRequiredService<GongkaiDb>();
        var entry = await db.AuditEntries.OrderByDescending(e => e.Sequence).FirstAsync();
        Assert.Equal(("admin", "calendar.save_year", "CalendarYear:2027"), (entry.Actor, entry.Action, entry.Entity));
        Assert.Contains("工作日属性变化", entry.Summary);

        // Undo: back to "not published".
        var reset = await admin.PostFormAsync("/staff/calendar?year=2027&handler=Reset", [], "/staff/calendar?year=2027");
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Contains("2027年节假日安排尚未发布", await anonymous.GetStringAsync("/calendar?from=2027-09-27&days=20"));
    }

    [Theory]
    [InlineData("", "请至少填写一个假期")]
    [InlineData("春节 2028-01-25", "缺少节日名称和冒号")]
    [InlineData("春节：2028-13-25", "放假日期无法识别")]
    [InlineData("春节：2028-01-25 至 2028-01-31；上班 2028-01-24", "不是周六或周日")]
    [InlineData("春节：2028-01-31 至 2028-01-25", "早于开始日")]
    public async Task Bad_holiday_lines_get_a_chinese_message_at_the_field_and_save_nothing(string holidays, string message)
    {
        if (!app.ReadyFor(GetType().Name)) return;
        var admin = await app.LoginAsync(StaffRole.platform_admin);
        var before = await AuditCountAsync();
        var response = await admin.PostFormAsync("/staff/calendar?year=2028&handler=Save", Year(2028, holidays), "/staff/calendar?year=2028");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches($"data-valmsg-for=\"Input.Holidays\"[^>]*>[^<]*{Regex.Escape(message)}", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await AuditCountAsync());
    }

    [Fact]
    public async Task Staff_without_the_admin_role_cannot_save_a_year()
    {
        if (!app.ReadyFor(GetType().Name)) return;
        var editor = await app.LoginAsync(StaffRole.agency_admin);
        var response = await editor.PostFormAsync("/staff/calendar?year=2029&handler=Save", Year(2029, "元旦：2029-01-01"), "/staff/calendar?year=2029");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_public_calculator_explains_the_deadline()
    {
        if (!app.ReadyFor(GetType().Name)) return;
        var html = await app.Anonymous().GetStringAsync("/calendar?from=2024-09-27&days=20");
        Assert.Contains("2024年10月30日（星期三）", html);
        Assert.Contains("国庆节放假2024年10月1日至10月7日", html);
        Assert.Contains("计入的调休上班日：2024年9月29日（星期日）、2024年10月12日（星期六）", html);
        Assert.DoesNotContain("id=\"flagged\"", html);
    }

    [Theory]
    [InlineData("/calendar?from=2024-02-30&days=20", "起算日期无法识别")]
    [InlineData("/calendar?from=&days=20", "起算日期无法识别")]
    [InlineData("/calendar?from=2024-09-27&days=abc", "工作日数须为 1 至 1000 之间的整数")]
    [InlineData("/calendar?from=2024-09-27&days=0", "工作日数须为 1 至 1000 之间的整数")]
    [InlineData("/calendar?from=1800-01-01&days=5", "起算日期须在")]
    public async Task The_public_calculator_answers_bad_input_with_a_chinese_message(string url, string message)
    {
        if (!app.ReadyFor(GetType().Name)) return;
        var response = await app.Anonymous().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, html);
        Assert.DoesNotContain("id=\"result\"", html);
    }

    private async Task<long> AuditCountAsync()
    {
        await using var core = app.CoreServices();
        return await core.CreateScope().ServiceProvider.GetRequiredService<GongkaiDb>().AuditEntries.LongCountAsync();
    }
}

public sealed class SqliteCalendarPageTests(SqliteApp app) : CalendarPageTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresCalendarPageTests(PostgresApp app) : CalendarPageTests(app), IClassFixture<PostgresApp>;
