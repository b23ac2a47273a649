using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Data;
using Gongkai.Staff;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Staff;

/// <summary>Two admins creating the same user name at once: one account is created (one audit entry), the other gets a Chinese message at the field, never a 500.</summary>
public abstract partial class UserConcurrentAddTests(GongkaiAppFactory app)
{
    [Fact]
    public async Task Simultaneous_new_accounts_with_the_same_user_name_create_one_and_tell_the_others_at_the_field()
    {
        if (!app.ReadyFor(GetType().Name)) return;
        var admin = await app.LoginAsync(StaffRole.agency_admin);
        var token = StaffClient.TokenIn(await admin.GetStringAsync("/staff/users/new"));
        var userName = $"jyj.r{Guid.NewGuid():N}"[..12];

        var responses = await Task.WhenAll(Enumerable.Range(1, 6).Select(i => admin.PostAsync("/staff/users/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.AgencyCode"] = "jyj", ["Input.UserName"] = userName, ["Input.DisplayName"] = $"第{i}位老师", ["Input.Roles"] = "editor",
            ["__RequestVerificationToken"] = token,
        }))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var pages = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        Assert.Single(pages, p => p.Contains("初始密码"));
        Assert.All(pages.Where(p => !p.Contains("初始密码")), p => Assert.Matches("data-valmsg-for=\"Input.UserName\"[^>]*>[^<]*用户名", p));

        await using var core = app.CoreServices();
        var db = core.CreateScope().ServiceProvider.GetRequiredService<GongkaiDb>();
        Assert.Equal(1, await db.Users.CountAsync(u => u.UserName == userName));
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Entity == $"StaffUser:{userName}"));
    }
}

public sealed class SqliteUserConcurrentAddTests(SqliteApp app) : UserConcurrentAddTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresUserConcurrentAddTests(PostgresApp app) : UserConcurrentAddTests(app), IClassFixture<PostgresApp>;
