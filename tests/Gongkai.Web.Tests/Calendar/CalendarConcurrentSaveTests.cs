using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Calendar;
using Gongkai.Data;
using Gongkai.Staff;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Calendar;

/// <summary>
/// Admins saving the same calendar year at once, or from a page loaded before someone else's save:
/// exactly one save is applied (one audit entry), every other one gets the Chinese "edited meanwhile"
/// message on the page, never a 500 and never a half-written year.
/// </summary>
public abstract partial class CalendarConcurrentSaveTests(GongkaiAppFactory app)
{
    private static Dictionary<string, string> Form(int year, string title, string holidays, string token, string? version) => new()
    {
        ["Input.NoticeTitle"] = title,
        ["Input.NoticeNumber"] = "",
        ["Input.Holidays"] = holidays,
        ["Input.Reason"] = "并发测试",
        ["Input.Version"] = version ?? "",
        ["__RequestVerificationToken"] = token,
    };

    [Fact]
    public async Task Simultaneous_saves_of_the_same_year_apply_exactly_one_and_tell_the_others_in_Chinese()
    {
        if (!app.ReadyFor(GetType().Name)) return;
        const int year = 2033;
        var admin = await app.LoginAsync(StaffRole.platform_admin);
        var page = await admin.GetStringAsync($"/staff/calendar?year={year}");
        var (token, version) = (StaffClient.TokenIn(page), SeenVersion(page));
        var auditsBefore = await SaveAuditsAsync(year);

        await ConcurrentPosts.ExactlyOneAppliedAsync(Enumerable.Range(1, 6).Select(i => admin.PostAsync($"/staff/calendar?year={year}&handler=Save",
            new FormUrlEncodedContent(Form(year, $"第{i}位管理员录入的通知", $"国庆节：{year}-10-01 至 {year}-10-0{i + 1}", token, version)))), $"另一位管理员刚刚修改了{year}年的安排");
        Assert.Equal(auditsBefore + 1, await SaveAuditsAsync(year));
        var stored = await StoredAsync(year);
        Assert.Equal(1, stored.Version);
        Assert.Single(stored.ToArrangement().Notices);
    }

    [Fact]
    public async Task A_save_from_a_page_loaded_before_another_admins_save_is_refused_and_the_page_says_so()
    {
        if (!app.ReadyFor(GetType().Name)) return;
        const int year = 2034;
        var admin = await app.LoginAsync(StaffRole.platform_admin);
        var stalePage = await admin.GetStringAsync($"/staff/calendar?year={year}");
        var (token, staleVersion) = (StaffClient.TokenIn(stalePage), SeenVersion(stalePage));

        var first = await admin.PostAsync($"/staff/calendar?year={year}&handler=Save",
            new FormUrlEncodedContent(Form(year, "先保存的通知", $"国庆节：{year}-10-01 至 {year}-10-07", token, staleVersion)));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var auditsBefore = await SaveAuditsAsync(year);

        var late = await admin.PostAsync($"/staff/calendar?year={year}&handler=Save",
            new FormUrlEncodedContent(Form(year, "基于旧页面的通知", $"国庆节：{year}-10-01 至 {year}-10-03", token, staleVersion)));
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        var html = await late.Content.ReadAsStringAsync();
        Assert.Matches($"role=\"alert\"[^>]*>[\\s\\S]*另一位管理员刚刚修改了{year}年的安排，您的修改没有保存", html);
        Assert.Equal(auditsBefore, await SaveAuditsAsync(year));
        Assert.Equal("先保存的通知", Assert.Single((await StoredAsync(year)).ToArrangement().Notices).Title);

        // After a refresh the admin's save goes through.
        var fresh = await admin.GetStringAsync($"/staff/calendar?year={year}");
        var again = await admin.PostAsync($"/staff/calendar?year={year}&handler=Save",
            new FormUrlEncodedContent(Form(year, "基于旧页面的通知", $"国庆节：{year}-10-01 至 {year}-10-03", StaffClient.TokenIn(fresh), SeenVersion(fresh))));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(auditsBefore + 1, await SaveAuditsAsync(year));
    }

    [Fact]
    public async Task A_reset_from_a_page_loaded_before_another_admins_save_is_refused()
    {
        if (!app.ReadyFor(GetType().Name)) return;
        const int year = 2035;
        var admin = await app.LoginAsync(StaffRole.platform_admin);
        var empty = await admin.GetStringAsync($"/staff/calendar?year={year}");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync($"/staff/calendar?year={year}&handler=Save",
            new FormUrlEncodedContent(Form(year, "第一版", $"国庆节：{year}-10-01 至 {year}-10-07", StaffClient.TokenIn(empty), SeenVersion(empty))))).StatusCode);
        var stale = await admin.GetStringAsync($"/staff/calendar?year={year}");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync($"/staff/calendar?year={year}&handler=Save",
            new FormUrlEncodedContent(Form(year, "第二版", $"国庆节：{year}-10-01 至 {year}-10-05", StaffClient.TokenIn(stale), SeenVersion(stale))))).StatusCode);

        var reset = await admin.PostAsync($"/staff/calendar?year={year}&handler=Reset", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Version"] = SeenVersion(stale)!, ["__RequestVerificationToken"] = StaffClient.TokenIn(stale),
        }));
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Contains($"另一位管理员刚刚修改了{year}年的安排", await reset.Content.ReadAsStringAsync());
        Assert.Equal(2, (await StoredAsync(year)).Version);
    }

    private static string? SeenVersion(string html) => StaffClient.FieldValue(html, "Input.Version");

    private async Task<int> SaveAuditsAsync(int year)
    {
        await using var core = app.CoreServices();
        return await core.CreateScope().ServiceProvider.GetRequiredService<GongkaiDb>().AuditEntries
            .CountAsync(e => e.Entity == $"CalendarYear:{year}");
    }

    private async Task<CalendarYearOverride> StoredAsync(int year)
    {
        await using var core = app.CoreServices();
        return await core.CreateScope().ServiceProvider.GetRequiredService<GongkaiDb>().Set<CalendarYearOverride>().AsNoTracking().SingleAsync(o => o.Year == year);
    }
}

public sealed class SqliteCalendarConcurrentSaveTests(SqliteApp app) : CalendarConcurrentSaveTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresCalendarConcurrentSaveTests(PostgresApp app) : CalendarConcurrentSaveTests(app), IClassFixture<PostgresApp>;
