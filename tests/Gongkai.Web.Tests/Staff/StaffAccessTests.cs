using System.Net;
using Gongkai.Staff;
using Gongkai.Web.Tests.Infrastructure;

namespace Gongkai.Web.Tests.Staff;

/// <summary>Access rules for every row of <see cref="StaffRoutes"/>. POSTs send an empty form, so nothing is ever saved.</summary>
public abstract class StaffAccessTests(GongkaiAppFactory app)
{
    /// <summary>A demo agency that none of the agency-scoped demo logins belongs to.</summary>
    private const string OtherAgency = "mzj";

    [Theory]
    [MemberData(nameof(StaffRoutes.Keys), MemberType = typeof(StaffRoutes))]
    public async Task Without_a_session_every_staff_route_redirects_to_the_login_page(string key)
    {
        if (!Ready()) return;
        var route = StaffRoutes.Find(key);
        var client = app.Anonymous();
        var path = route.Path.Replace(StaffRoutes.Agency, "jyj");
        var response = await SendAsync(client, route.Method, path, token: null);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/staff/login", response.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(StaffRoutes.Keys), MemberType = typeof(StaffRoutes))]
    public async Task Each_role_reaches_exactly_the_routes_it_is_allowed_and_only_in_its_own_agency(string key)
    {
        if (!Ready()) return;
        var route = StaffRoutes.Find(key);
        var failures = new List<string>();
        foreach (var role in Enum.GetValues<StaffRole>())
        {
            var client = await app.LoginAsync(role);
            var token = await client.TokenAsync("/staff");
            var own = StaffClient.DemoAgency(role);
            var cases = route.AgencyScoped ? new[] { (own, true), (OtherAgency, false) } : [(own, true)];
            foreach (var (agency, isOwn) in cases)
            {
                var path = route.Path.Replace(StaffRoutes.Agency, agency);
                var allowed = route.Allowed.Contains(role) && (isOwn || role == StaffRole.platform_admin);
                var response = await SendAsync(client, route.Method, path, token);
                var expected = allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
                if (response.StatusCode != expected) failures.Add($"{role} {route.Method} {path}: expected {(int)expected}, got {(int)response.StatusCode}");
            }
        }
        Assert.Empty(failures);
    }

    [Fact]
    public async Task The_staff_menu_shows_only_entries_the_role_may_open()
    {
        if (!Ready()) return;
        var editor = await (await app.LoginAsync(StaffRole.editor)).GetStringAsync("/staff");
        var admin = await (await app.LoginAsync(StaffRole.platform_admin)).GetStringAsync("/staff");
        Assert.DoesNotContain("href=\"/staff/audit\"", editor);
        Assert.DoesNotContain("href=\"/staff/agencies\"", editor);
        Assert.Contains("href=\"/staff/audit\"", admin);
        Assert.Contains("href=\"/staff/agencies\"", admin);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path, string? token) =>
        method == "GET"
            ? client.GetAsync(path)
            : client.PostAsync(path, new FormUrlEncodedContent(token is null ? [] : [new("__RequestVerificationToken", token)]));

    private bool Ready() => app.ReadyFor(GetType().Name);
}

public sealed class SqliteStaffAccessTests(SqliteApp app) : StaffAccessTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresStaffAccessTests(PostgresApp app) : StaffAccessTests(app), IClassFixture<PostgresApp>;

public abstract class AuditPageTests(GongkaiAppFactory app)
{
    [Theory]
    [InlineData("?p=abc")]
    [InlineData("?p=-3")]
    [InlineData("?p=2147483647")]
    [InlineData("?agency=%3Cscript%3E&action=%27%22&actor=" + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    public async Task Odd_filter_values_on_the_audit_page_never_fail(string query)
    {
        if (!app.ReadyFor(GetType().Name)) return;
        var client = await app.LoginAsync(StaffRole.platform_admin);
        var response = await client.GetAsync("/staff/audit" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Filtering_by_action_shows_only_matching_entries()
    {
        if (!app.ReadyFor(GetType().Name)) return;
        var client = await app.LoginAsync(StaffRole.platform_admin);
        var html = await client.GetStringAsync("/staff/audit?action=staff.add");
        Assert.Contains("新增工作人员账号 jyj.editor", html);
        Assert.DoesNotContain("新增机关", html);
    }
}

public sealed class SqliteAuditPageTests(SqliteApp app) : AuditPageTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresAuditPageTests(PostgresApp app) : AuditPageTests(app), IClassFixture<PostgresApp>;
