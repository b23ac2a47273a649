using System.Net;
using Gongkai.Staff;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Staff;

public abstract class LoginTests(GongkaiAppFactory app)
{
    [Fact]
    public async Task Every_demo_login_signs_in_and_lands_on_the_staff_home()
    {
        if (!app.ReadyFor(GetType().Name)) return;
        foreach (var role in Enum.GetValues<StaffRole>())
        {
            var client = await app.LoginAsync(role);
            var html = await client.GetStringAsync("/staff");
            Assert.Contains(StaffRoles.Label(role), html);
        }
    }

    [Fact]
    public async Task A_wrong_password_shows_a_chinese_message_and_five_failures_lock_the_account()
    {
        if (!app.ReadyFor(GetType().Name)) return;
        var userName = await CreateUserAsync("lock");
        var client = app.Anonymous();
        for (var i = 0; i < StaffAccountRules.MaxFailedAttempts; i++)
        {
            var wrong = await client.PostFormAsync("/staff/login", new() { ["Input.UserName"] = userName, ["Input.Password"] = "WrongPassword1" });
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            var html = await wrong.Content.ReadAsStringAsync();
            Assert.Contains(i < StaffAccountRules.MaxFailedAttempts - 1 ? "用户名或密码不正确" : "已被锁定", html);
        }
        var locked = await client.PostFormAsync("/staff/login", new() { ["Input.UserName"] = userName, ["Input.Password"] = Password });
        Assert.Contains("已被锁定", await locked.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Empty_login_fields_get_messages_next_to_them()
    {
        if (!app.ReadyFor(GetType().Name)) return;
        var response = await app.Anonymous().PostFormAsync("/staff/login", new() { ["Input.UserName"] = "", ["Input.Password"] = "" });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("data-valmsg-for=\"Input.UserName\"[^>]*>请填写用户名。", html);
        Assert.Matches("data-valmsg-for=\"Input.Password\"[^>]*>请填写密码。", html);
    }

    [Fact]
    public async Task Changing_the_password_requires_the_current_one_and_the_new_one_then_works_for_login()
    {
        if (!app.ReadyFor(GetType().Name)) return;
        var userName = await CreateUserAsync("pw");
        var client = await app.LoginAsync(userName, Password);

        var wrongCurrent = await client.PostFormAsync("/staff/account/password",
            new() { ["Input.Current"] = "NotMyPassword1", ["Input.New"] = "AnotherPass42", ["Input.Confirm"] = "AnotherPass42" });
        Assert.Matches("data-valmsg-for=\"Input.Current\"[^>]*>当前密码不正确。", await wrongCurrent.Content.ReadAsStringAsync());

        var weak = await client.PostFormAsync("/staff/account/password",
            new() { ["Input.Current"] = Password, ["Input.New"] = "short", ["Input.Confirm"] = "short" });
        Assert.Contains("密码至少需要 10 个字符", await weak.Content.ReadAsStringAsync());

        var ok = await client.PostFormAsync("/staff/account/password",
            new() { ["Input.Current"] = Password, ["Input.New"] = "AnotherPass42", ["Input.Confirm"] = "AnotherPass42" });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        await app.LoginAsync(userName, "AnotherPass42");
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.LoginAsync(userName, Password));
    }

    private const string Password = "FirstPass123";

    private async Task<string> CreateUserAsync(string prefix)
    {
        var userName = $"{prefix}{Guid.NewGuid():N}"[..20];
        await using var core = app.CoreServices();
        await using var scope = core.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AddStaffUser>()
            .RunAsync(new AddStaffUser.Input("jyj", userName, null, [StaffRole.editor], Password), "test");
        Assert.True(result.Succeeded);
        return userName;
    }
}

public sealed class SqliteLoginTests(SqliteApp app) : LoginTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresLoginTests(PostgresApp app) : LoginTests(app), IClassFixture<PostgresApp>;
