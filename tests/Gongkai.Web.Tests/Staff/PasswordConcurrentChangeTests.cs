using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Data;
using Gongkai.Staff;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Staff;

/// <summary>
/// The password change sent several times at once (a double click, two tabs): never a 500; exactly the applied
/// changes are in the audit log, and the others get a Chinese message on the page.
/// </summary>
public abstract partial class PasswordConcurrentChangeTests(GongkaiAppFactory app)
{
    private const string Password = "FirstPass123";

    [Fact]
    public async Task Password_changes_sent_at_once_apply_once_each_with_its_audit_entry()
    {
        if (!app.ReadyFor(GetType().Name)) return;
        var userName = $"pwrace{Guid.NewGuid():N}"[..20];
        await using (var core = app.CoreServices())
        await using (var scope = core.CreateAsyncScope())
        {
            var added = await scope.ServiceProvider.GetRequiredService<AddStaffUser>()
                .RunAsync(new AddStaffUser.Input("jyj", userName, null, [StaffRole.editor], Password), "test");
            Assert.True(added.Succeeded);
        }
        var client = await app.LoginAsync(userName, Password);
        var token = await client.TokenAsync("/staff/account/password");

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => client.PostAsync("/staff/account/password",
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Current"] = Password, ["Input.New"] = $"SecondPass{i}42", ["Input.Confirm"] = $"SecondPass{i}42", ["__RequestVerificationToken"] = token,
            }))));

        Assert.All(responses, r => Assert.NotEqual(HttpStatusCode.InternalServerError, r.StatusCode));
        var applied = responses.Count(r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.True(applied >= 1);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Redirect))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Matches(ChineseMessage(), await refused.Content.ReadAsStringAsync());
        }
        await using var services = app.CoreServices();
        var audited = await services.CreateScope().ServiceProvider.GetRequiredService<GongkaiDb>().AuditEntries
            .CountAsync(e => e.Action == "staff.change_password" && e.Entity == $"StaffUser:{userName}");
        Assert.Equal(applied, audited);
    }

    [GeneratedRegex("class=\"field-error[^\"]*\"[^>]*>[^<]*\\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex ChineseMessage();
}

public sealed class SqlitePasswordConcurrentChangeTests(SqliteApp app) : PasswordConcurrentChangeTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresPasswordConcurrentChangeTests(PostgresApp app) : PasswordConcurrentChangeTests(app), IClassFixture<PostgresApp>;
