using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Data;
using Gongkai.Staff;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Staff;

public abstract class UserFormTests(GongkaiAppFactory app)
{
    [Theory]
    [InlineData("Input.UserName", "", "用户名应为 2 到 40 个字符")]
    [InlineData("Input.UserName", "<b>x</b>", "用户名“<b>x</b>”无效")]
    [InlineData("Input.UserName", "jyj.editor", "已被使用")]
    [InlineData("Input.DisplayName", "<i>王</i>", "不能包含尖括号")]
    [InlineData("Input.Roles", "", "请至少选择一个角色")]
    [InlineData("Input.AgencyCode", "mzj", "请选择您有权管理的机关")]
    [InlineData("Input.Roles", "platform_admin", "不能授予平台管理员角色")]
    public async Task An_agency_admin_gets_a_chinese_message_for_bad_input_and_no_account_is_created(string field, string value, string message)
    {
        if (!app.ReadyFor(GetType().Name)) return;
        var client = await app.LoginAsync(StaffRole.agency_admin);
        var before = await UserCountAsync();
        var form = new Dictionary<string, string> { ["Input.AgencyCode"] = "jyj", ["Input.UserName"] = $"jyj.n{Guid.NewGuid():N}"[..12], ["Input.Roles"] = "editor" };
        form[field] = value;
        if (field == "Input.Roles" && value == "") form.Remove(field);

        var response = await client.PostFormAsync("/staff/users/new", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches($"data-valmsg-for=\"{Regex.Escape(field)}\"[^>]*>[^<]*{Regex.Escape(System.Net.WebUtility.HtmlEncode(message))}", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await UserCountAsync());
    }

    [Fact]
    public async Task An_agency_admin_creates_a_login_in_their_agency_and_sees_its_password_once()
    {
        if (!app.ReadyFor(GetType().Name)) return;
        var client = await app.LoginAsync(StaffRole.agency_admin);
        var userName = $"jyj.w{Guid.NewGuid():N}"[..12];
        var response = await client.PostFormAsync("/staff/users/new", new()
        {
            ["Input.AgencyCode"] = "jyj", ["Input.UserName"] = userName, ["Input.DisplayName"] = "教育局王老师", ["Input.Roles"] = "editor",
        });
        var html = await response.Content.ReadAsStringAsync();
        var password = Regex.Match(html, "初始密码：<code>([^<]+)</code>").Groups[1].Value;
        Assert.Equal(16, password.Length);
        await app.LoginAsync(userName, password);
        Assert.Contains(userName, await client.GetStringAsync("/staff/users"));
    }

    private async Task<int> UserCountAsync()
    {
        await using var core = app.CoreServices();
        return await core.CreateScope().ServiceProvider.GetRequiredService<GongkaiDb>().Users.CountAsync();
    }
}

public sealed class SqliteUserFormTests(SqliteApp app) : UserFormTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresUserFormTests(PostgresApp app) : UserFormTests(app), IClassFixture<PostgresApp>;
