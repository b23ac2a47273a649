using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Agencies;
using Gongkai.Data;
using Gongkai.Staff;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Agencies;

/// <summary>
/// Admins editing the same agency at once, or from a form loaded before someone else's edit, and adding
/// agencies with the same code at once: one write is applied (one audit entry), the others get a Chinese
/// message on the page, never a 500.
/// </summary>
public abstract partial class AgencyConcurrentSaveTests(GongkaiAppFactory app)
{
    [Fact]
    public async Task Simultaneous_edits_of_one_agency_apply_exactly_one_and_a_stale_form_is_refused_in_Chinese()
    {
        if (!app.ReadyFor(GetType().Name)) return;
        var admin = await app.LoginAsync(StaffRole.platform_admin);
        var page = await admin.GetStringAsync("/staff/agencies/tjj/edit");
        var (token, version) = (StaffClient.TokenIn(page), Version(page));
        Assert.Matches("^[0-9]+$", version);
        var auditsBefore = await AuditsAsync("Agency:tjj");

        var full = Fields(page); // the platform admin's form carries the tree fields too; post them as shown
        await ConcurrentPosts.ExactlyOneAppliedAsync(Enumerable.Range(1, 6).Select(i =>
        {
            var form = new Dictionary<string, string>(full) { ["Input.OfficeHours"] = $"工作日 {i}:00—17:00", ["Version"] = version, ["__RequestVerificationToken"] = token };
            return admin.PostAsync("/staff/agencies/tjj/edit", new FormUrlEncodedContent(form));
        }), "role=\"alert\"[^>]*>[\\s\\S]*该机关的信息刚被他人修改");
        Assert.Equal(auditsBefore + 1, await AuditsAsync("Agency:tjj"));

        var fresh = await admin.GetStringAsync("/staff/agencies/tjj/edit");
        Assert.NotEqual(version, Version(fresh));
        var again = new Dictionary<string, string>(Fields(fresh)) { ["Input.OfficeHours"] = "工作日 8:30—17:30", ["Version"] = Version(fresh), ["__RequestVerificationToken"] = StaffClient.TokenIn(fresh) };
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync("/staff/agencies/tjj/edit", new FormUrlEncodedContent(again))).StatusCode);
        Assert.Equal(auditsBefore + 2, await AuditsAsync("Agency:tjj"));
    }

    [Fact]
    public async Task Simultaneous_new_agencies_with_the_same_code_add_one_and_tell_the_others_in_Chinese()
    {
        if (!app.ReadyFor(GetType().Name)) return;
        var admin = await app.LoginAsync(StaffRole.platform_admin);
        var token = StaffClient.TokenIn(await admin.GetStringAsync("/staff/agencies/new"));
        var code = $"race{Random.Shared.Next(1000, 9999)}";
        await ConcurrentPosts.ExactlyOneAppliedAsync(Enumerable.Range(1, 6).Select(i => admin.PostAsync("/staff/agencies/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Name"] = $"云溪县第{i}档案馆", ["Input.Code"] = code, ["Input.CreditCode"] = CreditCode.Complete($"1243990100{Random.Shared.Next(1_000_000, 9_999_999)}"),
            ["Input.Kind"] = "department", ["Input.ParentCode"] = "xzf", ["Input.SortOrder"] = "500", ["__RequestVerificationToken"] = token,
        }))), "已被|刚被其他人新增的机关使用");
        Assert.Equal(1, await AuditsAsync($"Agency:{code}"));
    }

    private static string Version(string html) => StaffClient.FieldValue(html, "Version") ?? "";

    /// <summary>The form's text inputs and selected options, as a browser would post them.</summary>
    private static Dictionary<string, string> Fields(string html)
    {
        var fields = new Dictionary<string, string>();
        foreach (Match m in InputPattern().Matches(html))
        {
            var tag = m.Value;
            var name = Regex.Match(tag, "name=\"([^\"]+)\"").Groups[1].Value;
            if (!name.StartsWith("Input.", StringComparison.Ordinal) || tag.Contains("disabled")) continue;
            fields[name] = WebUtility.HtmlDecode(Regex.Match(tag, "value=\"([^\"]*)\"").Groups[1].Value);
        }
        foreach (Match m in SelectPattern().Matches(html))
            if (!m.Value.Contains("disabled") && Regex.Match(m.Value, "<option[^>]*selected[^>]*value=\"([^\"]*)\"|<option[^>]*value=\"([^\"]*)\"[^>]*selected") is { Success: true } o)
                fields[m.Groups[1].Value] = o.Groups[1].Success ? o.Groups[1].Value : o.Groups[2].Value;
        return fields;
    }

    private async Task<int> AuditsAsync(string entity)
    {
        await using var core = app.CoreServices();
        return await core.CreateScope().ServiceProvider.GetRequiredService<GongkaiDb>().AuditEntries.CountAsync(e => e.Entity == entity);
    }

    [GeneratedRegex("<input [^>]*>")]
    private static partial Regex InputPattern();

    [GeneratedRegex("<select [^>]*name=\"([^\"]+)\"[^>]*>[\\s\\S]*?</select>")]
    private static partial Regex SelectPattern();
}

public sealed class SqliteAgencyConcurrentSaveTests(SqliteApp app) : AgencyConcurrentSaveTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresAgencyConcurrentSaveTests(PostgresApp app) : AgencyConcurrentSaveTests(app), IClassFixture<PostgresApp>;
