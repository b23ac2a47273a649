using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Agencies;
using Gongkai.Data;
using Gongkai.Staff;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Agencies;

public abstract class AgencyFormTests(GongkaiAppFactory app)
{
    private static Dictionary<string, string> ValidNew(string code) => new()
    {
        ["Input.Name"] = "云溪县档案馆", ["Input.Code"] = code, ["Input.CreditCode"] = CreditCode.Complete($"1243990100{Random.Shared.Next(1_000_000, 9_999_999)}"),
        ["Input.Kind"] = "department", ["Input.ParentCode"] = "xzf", ["Input.SortOrder"] = "500",
        ["Input.OfficePhone"] = "0739-6612345",
    };

    public static TheoryData<string, string, string> BadInputs() => new()
    {
        { "Input.Name", "", "请填写机关名称" },
        { "Input.Name", new string('长', 61), "机关名称不能超过 60 个字" },
        { "Input.Name", "<script>alert(1)</script>", "不能包含尖括号" },
        { "Input.Code", "", "请填写机关代码" },
        { "Input.Code", "档案馆", "机关代码用于网址" },
        { "Input.CreditCode", "", "请填写统一社会信用代码" },
        { "Input.CreditCode", "11439901004310001A", "校验位不正确" },
        { "Input.CreditCode", "1143990100431000", "应为 18 位" },
        { "Input.ParentCode", "", "须选择上级机关" },
        { "Input.SortOrder", "abc", "不是有效的值" },
        { "Input.OfficePhone", "<b>电话</b>", "不能包含尖括号" },
        { "Input.OfficeAddress", new string('路', 121), "办公地址不能超过 120 个字" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_on_the_new_agency_form_shows_a_chinese_message_at_the_field_and_saves_nothing(string field, string value, string message)
    {
        if (!app.ReadyFor(GetType().Name)) return;
        var client = await app.LoginAsync(StaffRole.platform_admin);
        var before = await CountsAsync();
        var form = ValidNew($"dag{Guid.NewGuid():N}"[..12]);
        form[field] = value;

        var response = await client.PostFormAsync("/staff/agencies/new", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertFieldMessage(await response.Content.ReadAsStringAsync(), field, message);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_duplicate_code_or_credit_code_is_refused_with_a_message()
    {
        if (!app.ReadyFor(GetType().Name)) return;
        var client = await app.LoginAsync(StaffRole.platform_admin);
        var form = ValidNew("jyj");
        var response = await client.PostFormAsync("/staff/agencies/new", form);
        AssertFieldMessage(await response.Content.ReadAsStringAsync(), "Input.Code", "已被其他机关使用");
    }

    [Fact]
    public async Task A_valid_new_agency_is_saved_with_an_audit_entry_and_appears_on_the_portal()
    {
        if (!app.ReadyFor(GetType().Name)) return;
        var client = await app.LoginAsync(StaffRole.platform_admin);
        var code = $"dag{Guid.NewGuid():N}"[..12];
        var before = await CountsAsync();

        var response = await client.PostFormAsync("/staff/agencies/new", ValidNew(code));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal((before.Agencies + 1, before.Audit + 1), await CountsAsync());
        Assert.Contains($"/gk/{code}", await app.Anonymous().GetStringAsync("/"));
        await using var core = app.CoreServices();
        var db = core.CreateScope().ServiceProvider.GetRequiredService<GongkaiDb>();
        var entry = await db.AuditEntries.OrderByDescending(e => e.Sequence).FirstAsync();
        Assert.Equal(("admin", "agencies.add", $"Agency:{code}"), (entry.Actor, entry.Action, entry.Entity));
    }

    [Fact]
    public async Task An_agency_admin_edits_the_contact_details_of_their_own_agency_but_not_its_code()
    {
        if (!app.ReadyFor(GetType().Name)) return;
        var client = await app.LoginAsync(StaffRole.agency_admin);
        var response = await client.PostFormAsync("/staff/agencies/jyj/edit", new()
        {
            ["Input.Name"] = "云溪县教育局", ["Input.Code"] = "hacked", ["Input.OfficeHours"] = "工作日 9:00—17:00",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var core = app.CoreServices();
        var db = core.CreateScope().ServiceProvider.GetRequiredService<GongkaiDb>();
        var jyj = await db.Agencies.SingleAsync(a => a.Code == "jyj");
        Assert.Equal("工作日 9:00—17:00", jyj.OfficeHours);
        Assert.Equal(CreditCode.Complete("11439901004310412"), jyj.CreditCode);
        Assert.Contains(await db.AuditEntries.Where(e => e.Entity == "Agency:jyj").Select(e => e.Summary).ToListAsync(), s => s.Contains("办公时间"));
    }

    [Fact]
    public async Task An_agency_admin_cannot_change_another_agency_even_with_a_valid_form()
    {
        if (!app.ReadyFor(GetType().Name)) return;
        var client = await app.LoginAsync(StaffRole.agency_admin);
        var token = await client.TokenAsync("/staff");
        var response = await client.PostAsync("/staff/agencies/mzj/edit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Input.Name"] = "被改名的民政局",
        }));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await using var core = app.CoreServices();
        var db = core.CreateScope().ServiceProvider.GetRequiredService<GongkaiDb>();
        Assert.Equal("云溪县民政局", await db.Agencies.Where(a => a.Code == "mzj").Select(a => a.Name).SingleAsync());
    }

    [Theory]
    [InlineData("Input.Name", "", "请填写机关名称")]
    [InlineData("Input.OfficeFax", "传真", "传真号码只能包含数字")]
    [InlineData("Input.OnlineContact", "<a href=x>", "不能包含尖括号")]
    public async Task Bad_input_on_the_edit_form_shows_a_message_and_changes_nothing(string field, string value, string message)
    {
        if (!app.ReadyFor(GetType().Name)) return;
        var client = await app.LoginAsync(StaffRole.platform_admin);
        var before = await CountsAsync();
        var form = new Dictionary<string, string>
        {
            ["Input.Name"] = "云溪县统计局", ["Input.Code"] = "tjj", ["Input.CreditCode"] = DemoCreditCode("tjj"),
            ["Input.Kind"] = "department", ["Input.ParentCode"] = "xzf", ["Input.SortOrder"] = "170",
        };
        form[field] = value;
        var response = await client.PostFormAsync("/staff/agencies/tjj/edit", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertFieldMessage(await response.Content.ReadAsStringAsync(), field, message);
        Assert.Equal(before, await CountsAsync());
    }

    private static string DemoCreditCode(string code) =>
        Gongkai.Demo.DemoAgencies.CreditCodeFor(Array.FindIndex(Gongkai.Demo.DemoAgencies.All, a => a.Code == code));

    private static void AssertFieldMessage(string html, string field, string message) =>
        Assert.Matches($"data-valmsg-for=\"{Regex.Escape(field)}\"[^>]*>[^<]*{Regex.Escape(message)}", html);

    private async Task<(int Agencies, long Audit)> CountsAsync()
    {
        await using var core = app.CoreServices();
        var db = core.CreateScope().ServiceProvider.GetRequiredService<GongkaiDb>();
        return (await db.Agencies.CountAsync(), await db.AuditEntries.LongCountAsync());
    }
}

public sealed class SqliteAgencyFormTests(SqliteApp app) : AgencyFormTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresAgencyFormTests(PostgresApp app) : AgencyFormTests(app), IClassFixture<PostgresApp>;
