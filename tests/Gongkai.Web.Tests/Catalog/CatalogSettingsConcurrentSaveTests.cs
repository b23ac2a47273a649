using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Data;
using Gongkai.Staff;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Catalog;

/// <summary>
/// Two agency admins saving the guide and catalogue settings at once, or from a page loaded before the
/// other's save: one save is applied (one audit entry), the other gets a Chinese message on the page with
/// the typed text kept, never a 500.
/// </summary>
public abstract partial class CatalogSettingsConcurrentSaveTests(GongkaiAppFactory app)
{
    [Fact]
    public async Task Simultaneous_saves_apply_exactly_one_and_a_save_from_a_stale_page_is_refused_with_the_text_kept()
    {
        if (!app.ReadyFor(GetType().Name)) return;
        var admin = await app.LoginAsync(StaffRole.agency_admin);
        var page = await admin.GetStringAsync("/staff/catalog/settings");
        var (token, version) = (StaffClient.TokenIn(page), Version(page));
        var pattern = Regex.Match(page, "<select id=\"IndexPattern\"[\\s\\S]*?<option value=\"([^\"]+)\" selected").Groups[1].Value;
        FormUrlEncodedContent Post(string guide, string t, string v) => new(new Dictionary<string, string>
        {
            ["IndexPattern"] = pattern, ["Art21Level"] = "city_county", ["Guide"] = guide, ["Rules"] = "", ["Version"] = v, ["__RequestVerificationToken"] = t,
        });
        var auditsBefore = await AuditsAsync();

        await ConcurrentPosts.ExactlyOneAppliedAsync(Enumerable.Range(1, 6).Select(i =>
            admin.PostAsync("/staff/catalog/settings", Post($"第{i}版公开指南", token, version))), "role=\"alert\"[^>]*>[\\s\\S]*本机关的公开指南和目录设置刚被他人修改，您的修改没有保存");
        Assert.Equal(auditsBefore + 1, await AuditsAsync());

        var late = await admin.PostAsync("/staff/catalog/settings", Post("迟到的公开指南", token, version));
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        var html = await late.Content.ReadAsStringAsync();
        Assert.Contains("刚被他人修改", html);
        Assert.Contains("迟到的公开指南</textarea>", html);
        var fresh = await admin.GetStringAsync("/staff/catalog/settings");
        Assert.NotEqual(version, Version(fresh));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync("/staff/catalog/settings", Post("迟到的公开指南", StaffClient.TokenIn(fresh), Version(fresh)))).StatusCode);
        Assert.Equal(auditsBefore + 2, await AuditsAsync());
    }

    private static string Version(string html) => StaffClient.FieldValue(html, "Version") ?? "";

    private async Task<int> AuditsAsync()
    {
        await using var core = app.CoreServices();
        return await core.CreateScope().ServiceProvider.GetRequiredService<GongkaiDb>().AuditEntries.CountAsync(e => e.Action == "catalog.settings");
    }
}

public sealed class SqliteCatalogSettingsConcurrentSaveTests(SqliteApp app) : CatalogSettingsConcurrentSaveTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresCatalogSettingsConcurrentSaveTests(PostgresApp app) : CatalogSettingsConcurrentSaveTests(app), IClassFixture<PostgresApp>;
