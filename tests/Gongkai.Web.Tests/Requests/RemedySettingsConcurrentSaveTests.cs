using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Data;
using Gongkai.Staff;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Requests;

/// <summary>
/// Two agency admins saving the remedy bodies at once, or from a page loaded before the other's save:
/// one save is applied (one audit entry), the other gets a Chinese message on the page, never a 500.
/// </summary>
public abstract partial class RemedySettingsConcurrentSaveTests(GongkaiAppFactory app)
{
    private static FormUrlEncodedContent Form(string body, string token, string version) => new(new Dictionary<string, string>
    {
        ["Input.ReconsiderationBody"] = body, ["Input.Court"] = "云溪县人民法院", ["Input.Version"] = version, ["__RequestVerificationToken"] = token,
    });

    [Fact]
    public async Task Simultaneous_saves_apply_exactly_one_and_a_save_from_a_stale_page_is_refused_in_Chinese()
    {
        if (!app.ReadyFor(GetType().Name)) return;
        var admin = await app.LoginAsync(StaffRole.agency_admin);
        var page = await admin.GetStringAsync("/staff/requests/remedies");
        var (token, version) = (StaffClient.TokenIn(page), Version(page));
        var auditsBefore = await AuditsAsync();

        await ConcurrentPosts.ExactlyOneAppliedAsync(Enumerable.Range(1, 6).Select(i =>
            admin.PostAsync("/staff/requests/remedies", Form($"第{i}复议机关", token, version))), "role=\"alert\"[^>]*>[\\s\\S]*本机关的救济机关设置刚被他人修改，您的修改没有保存");
        Assert.Equal(auditsBefore + 1, await AuditsAsync());

        // The same stale page once more: still refused; after a refresh the save goes through.
        var late = await admin.PostAsync("/staff/requests/remedies", Form("迟到的复议机关", token, version));
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("刚被他人修改", await late.Content.ReadAsStringAsync());
        var fresh = await admin.GetStringAsync("/staff/requests/remedies");
        Assert.NotEqual(version, Version(fresh));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync("/staff/requests/remedies", Form("迟到的复议机关", StaffClient.TokenIn(fresh), Version(fresh)))).StatusCode);
        Assert.Equal(auditsBefore + 2, await AuditsAsync());
        Assert.Contains("迟到的复议机关", WebUtility.HtmlDecode(await admin.GetStringAsync("/staff/requests/remedies")));
    }

    private static string Version(string html) => StaffClient.FieldValue(html, "Input.Version") ?? "";

    private async Task<int> AuditsAsync()
    {
        await using var core = app.CoreServices();
        return await core.CreateScope().ServiceProvider.GetRequiredService<GongkaiDb>().AuditEntries.CountAsync(e => e.Action == "requests.remedies");
    }
}

public sealed class SqliteRemedySettingsConcurrentSaveTests(SqliteApp app) : RemedySettingsConcurrentSaveTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresRemedySettingsConcurrentSaveTests(PostgresApp app) : RemedySettingsConcurrentSaveTests(app), IClassFixture<PostgresApp>;
