using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gongkai.Catalog;
using Gongkai.Common;
using Gongkai.Data;
using Gongkai.Requests;
using Gongkai.Staff;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Requests;

/// <summary>Staff intake for the other channels (issue 5 §2) and the similar catalogue items shown before submitting (§1).</summary>
public abstract partial class RequestIntakeTests(GongkaiAppFactory app)
{
    private static Dictionary<string, string> Applicant(string description) => new()
    {
        ["Input.ApplicantType"] = "natural_person", ["Input.Name"] = "李四", ["Input.IdNumber"] = "110101199003074477",
        ["Input.Phone"] = "13700137000", ["Input.Description"] = description, ["Input.Form"] = "paper", ["Input.Delivery"] = "pickup",
    };

    private async Task<int> CountAsync(string description)
    {
        await using var core = app.CoreServices();
        await using var scope = core.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GongkaiDb>().DisclosureRequests.CountAsync(r => r.Description == description);
    }

    [Fact]
    public async Task A_handler_registers_a_signed_letter_and_sees_the_receipt_date_due_date_and_their_explanation()
    {
        if (!app.ReadyFor(GetType().Name)) return;
        var handler = await app.LoginAsync(StaffRole.request_handler);
        var inbox = WebUtility.HtmlDecode(await handler.GetStringAsync("/staff/requests"));
        Assert.Contains("/staff/requests/register", inbox);
        // The demo's open request assigned to jyj.handler is counted under the handler's name, not an id.
        Assert.Matches("按承办人（在办）：[^<]*教育局依申请办理：\\d+ 件", inbox);
        var description = $"2023年义务教育阶段学校布局规划 {Guid.NewGuid():N}";
        var fields = Applicant(description);
        fields["Intake.Channel"] = "letter";
        fields["Intake.ArrivedOn"] = "2026-11-02";
        fields["Intake.SignedOn"] = "2026-11-03";
        var response = await handler.PostFormAsync("/staff/requests/register", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("申请已登记", html);
        Assert.Contains("id=\"received-on\">2026-11-03<", html);
        Assert.Matches("id=\"due-on\">2026-12-\\d\\d<", html);
        Assert.Contains("第三十一条第（二）项，以签收之日为收到申请之日", html);
        Assert.Contains("id=\"due-explanation\">", html);
        Assert.Equal(1, await CountAsync(description));

        await using var core = app.CoreServices();
        await using var scope = core.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<GongkaiDb>().DisclosureRequests.Include(r => r.Events).SingleAsync(r => r.Description == description);
        Assert.Equal(Channel.Letter, stored.Channel);
        Assert.Equal(new DateOnly(2026, 11, 3), stored.ReceivedOn);
        Assert.Contains("到达 2026-11-02，签收 2026-11-03", stored.Events.Single().Note);
    }

    [Fact]
    public async Task Registering_with_bad_fields_shows_chinese_messages_next_to_them_and_stores_nothing()
    {
        if (!app.ReadyFor(GetType().Name)) return;
        var handler = await app.LoginAsync(StaffRole.office_head);
        var description = $"传真申请测试 {Guid.NewGuid():N}";
        var fields = Applicant(description);
        fields["Input.IdNumber"] = "110101199003074478";
        fields["Intake.Channel"] = "fax";
        fields["Intake.ArrivedOn"] = "2026-11-02";
        var html = WebUtility.HtmlDecode(await (await handler.PostFormAsync("/staff/requests/register", fields)).Content.ReadAsStringAsync());
        Assert.Contains("校验位不正确", html);
        Assert.Matches("data-valmsg-for=\"Intake.ConfirmedOn\"[^>]*>[^<]*以与申请人确认之日为收到申请之日", html);
        Assert.DoesNotContain("申请已登记", html);

        fields["Input.IdNumber"] = "110101199003074477";
        fields["Intake.Channel"] = "online";
        fields["Intake.ArrivedOn"] = "";
        html = WebUtility.HtmlDecode(await (await handler.PostFormAsync("/staff/requests/register", fields)).Content.ReadAsStringAsync());
        Assert.Contains("请选择申请的提交渠道", html);
        Assert.Contains("请填写申请到达本机关", html);
        Assert.Equal(0, await CountAsync(description));
    }

    [Fact]
    public async Task Only_request_handling_roles_of_the_agency_may_register()
    {
        if (!app.ReadyFor(GetType().Name)) return;
        var editor = await app.LoginAsync(StaffRole.editor);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/staff/requests/register")).StatusCode);
        Assert.DoesNotContain("/staff/requests/register", await editor.GetStringAsync("/staff/requests"));

        await using var core = app.CoreServices();
        await using var scope = core.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
        var jyj = await db.Agencies.Where(a => a.Code == "jyj").Select(a => a.Id).SingleAsync();
        var mzj = await db.Agencies.Where(a => a.Code == "mzj").Select(a => a.Id).SingleAsync();
        var description = $"跨机关登记 {Guid.NewGuid():N}";
        var form = new ApplicationForm
        {
            ApplicantType = "natural_person", Name = "李四", IdNumber = "110101199003074477", Phone = "13700137000",
            Description = description, Form = "paper", Delivery = "pickup",
        };
        var intake = new IntakeInput("in_person", new DateOnly(2026, 11, 2), null, null, null);
        var register = scope.ServiceProvider.GetRequiredService<RegisterRequest>();
        var otherAgency = new StaffActor(Guid.NewGuid(), "mzj.handler", mzj, new HashSet<StaffRole> { StaffRole.request_handler });
        var wrongAgency = await register.RunAsync(otherAgency, jyj, form, intake);
        Assert.Equal("forbidden", wrongAgency.Errors.Single().Code);
        var reviewer = new StaffActor(Guid.NewGuid(), "jyj.reviewer", jyj, new HashSet<StaffRole> { StaffRole.reviewer });
        Assert.Equal("forbidden", (await register.RunAsync(reviewer, jyj, form, intake)).Errors.Single().Code);
        Assert.Equal(0, await CountAsync(description));
    }

    /// <summary>A proactively published item of 教育局 from the demo catalogue.</summary>
    private async Task<PublishedItem> DemoItemAsync()
    {
        await using var core = app.CoreServices();
        await using var scope = core.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
        var jyj = await db.Agencies.Where(a => a.Code == "jyj").Select(a => a.Id).SingleAsync();
        return await db.PublishedItems.AsNoTracking()
            .Where(p => p.AgencyId == jyj && p.Mode == DisclosureMode.proactive && !p.Withdrawn && p.Title.Length >= 8)
            .OrderByDescending(p => p.SearchKey).FirstAsync();
    }

    [Fact]
    public async Task The_apply_page_confirms_with_similar_items_then_submits_and_the_api_lists_the_same_items()
    {
        if (!app.ReadyFor(GetType().Name)) return;
        var item = await DemoItemAsync();
        var client = app.Anonymous();
        var description = $"请提供《{item.Title}》全文";
        var fields = new Dictionary<string, string>(Applicant(description)) { ["Agency"] = "jyj" };
        var confirm = WebUtility.HtmlDecode(await (await client.PostFormAsync("/requests/apply?handler=Confirm", fields, tokenFrom: "/requests/apply")).Content.ReadAsStringAsync());
        Assert.Contains("请核对申请内容", confirm);
        Assert.Contains($"/gk/jyj/items/{item.ItemId}", confirm);
        Assert.Contains("id=\"submit\"", confirm);
        Assert.Contains("id=\"edit\"", confirm);
        Assert.Equal(0, await CountAsync(description));

        var api = await client.GetAsync($"/api/v1/agencies/jyj/requests/similar-items?description={Uri.EscapeDataString(description)}");
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        var items = await api.Content.ReadFromJsonAsync<JsonElement>();
        Assert.InRange(items.GetArrayLength(), 1, 5);
        Assert.Equal(item.IndexNo, items[0].GetProperty("indexNo").GetString());
        Assert.Equal(item.Title, items[0].GetProperty("title").GetString());
        Assert.EndsWith($"/gk/jyj/items/{item.ItemId}", items[0].GetProperty("url").GetString());
        var listed = items.EnumerateArray().Select(i => i.GetProperty("url").GetString()!).ToList();
        foreach (var m in ItemLink().Matches(confirm).Select(m => m.Groups[1].Value)) Assert.Contains(listed, u => u.EndsWith(m));

        var submitted = await client.PostFormAsync("/requests/apply", fields);
        Assert.Matches("id=\"query-code\">\\d{4}-[2-9A-Z]{8}<", await submitted.Content.ReadAsStringAsync());
        Assert.Equal(1, await CountAsync(description));
    }

    [Fact]
    public async Task The_similar_items_api_answers_problem_details_for_bad_input()
    {
        if (!app.ReadyFor(GetType().Name)) return;
        var client = app.Anonymous();
        var missing = await client.GetAsync("/api/v1/agencies/jyj/requests/similar-items");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("请描述所需政府信息", await missing.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/agencies/nope/requests/similar-items?description=预算")).StatusCode);
        var nothing = await client.GetFromJsonAsync<JsonElement>("/api/v1/agencies/jyj/requests/similar-items?description=" + Uri.EscapeDataString("申请公开政府信息"));
        Assert.Equal(0, nothing.GetArrayLength());
    }

    [GeneratedRegex("href=\"(/gk/jyj/items/[0-9a-f-]{36})\"")]
    private static partial Regex ItemLink();
}

public sealed class SqliteRequestIntakeTests(SqliteApp app) : RequestIntakeTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresRequestIntakeTests(PostgresApp app) : RequestIntakeTests(app), IClassFixture<PostgresApp>;
