using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Data;
using Gongkai.Staff;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Reports;

/// <summary>
/// Staff writing the same annual report at once (the first write starts the report row), or from a page
/// loaded before someone else's write: every applied write has its audit entry, every other one gets
/// the Chinese "edited meanwhile" message on the page, never a 500.
/// </summary>
public abstract partial class ReportConcurrentWriteTests(GongkaiAppFactory app)
{
    private const string Agency = "jyj";

    [Fact]
    public async Task Simultaneous_inputs_on_a_report_not_yet_started_never_fail_with_a_500_and_each_applied_one_is_audited()
    {
        if (!app.ReadyFor(GetType().Name)) return;
        var path = $"/staff/reports/{Agency}/2023";
        var head = await app.LoginAsync(StaffRole.office_head);
        var token = StaffClient.TokenIn(await head.GetStringAsync(path));

        var responses = await Task.WhenAll(Enumerable.Range(1, 6).Select(i => head.PostAsync($"{path}?handler=Input", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["Key"] = "proactive.admin_fees.amount_10k_cny", ["Value"] = $"{i}", ["__RequestVerificationToken"] = token }))));

        Assert.All(responses, r => Assert.NotEqual(HttpStatusCode.InternalServerError, r.StatusCode));
        var applied = responses.Count(r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.InRange(applied, 1, 6);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Redirect))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("该年度报告刚被他人修改", await refused.Content.ReadAsStringAsync());
        }
        await using var core = app.CoreServices();
        var db = core.CreateScope().ServiceProvider.GetRequiredService<GongkaiDb>();
        var report = await db.AnnualReports.Include(r => r.Inputs).AsNoTracking().SingleAsync(r => r.Year == 2023 && db.Agencies.Any(a => a.Id == r.AgencyId && a.Code == Agency));
        Assert.Equal(applied, report.Inputs.Count);
        Assert.Equal(applied, await db.AuditEntries.CountAsync(e => e.Action == "report.input" && e.Entity == $"AnnualReport:{report.Id}"));
    }

    [Fact]
    public async Task A_narrative_saved_from_a_page_loaded_before_another_write_is_refused_and_the_typed_text_is_kept()
    {
        if (!app.ReadyFor(GetType().Name)) return;
        var path = $"/staff/reports/{Agency}/2022";
        var head = await app.LoginAsync(StaffRole.office_head);
        var stale = await head.GetStringAsync(path);
        var (token, seen) = (StaffClient.TokenIn(stale), Seen(stale));

        var first = await head.PostAsync($"{path}?handler=Narrative", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Section"] = "problems", ["Text"] = "先保存的问题说明", ["Seen"] = seen, ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        var late = await head.PostAsync($"{path}?handler=Narrative", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Section"] = "problems", ["Text"] = "基于旧页面的问题说明", ["Seen"] = seen, ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        var html = await late.Content.ReadAsStringAsync();
        Assert.Contains("该年度报告刚被他人修改（或已发布），您的修改没有保存", html);
        Assert.Contains("基于旧页面的问题说明</textarea>", html);

        var fresh = await head.GetStringAsync(path);
        Assert.Contains("先保存的问题说明</textarea>", fresh);
        Assert.NotEqual(seen, Seen(fresh));

        // Publishing from the stale page is refused as well: the publisher approves what they saw.
        var publish = await head.PostAsync($"{path}?handler=Publish", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Seen"] = seen, ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.OK, publish.StatusCode);
        Assert.Contains("该年度报告刚被他人修改", await publish.Content.ReadAsStringAsync());
        Assert.Contains("编制中", await head.GetStringAsync(path));
    }

    private static string Seen(string html) => StaffClient.FieldValue(html, "Seen") ?? "";
}

public sealed class SqliteReportConcurrentWriteTests(SqliteApp app) : ReportConcurrentWriteTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresReportConcurrentWriteTests(PostgresApp app) : ReportConcurrentWriteTests(app), IClassFixture<PostgresApp>;
