using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gongkai.Staff;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Requests;

public abstract partial class StaffRequestPagesTests(GongkaiAppFactory app)
{
    private async Task<(string Code, string Password, Guid Id)> SubmitAsync(string description)
    {
        var client = app.Anonymous();
        var response = await client.PostAsJsonAsync("/api/v1/agencies/jyj/requests", new
        {
            applicantType = "legal_person.legal_service", name = "云溪律师事务所", idNumber = "91350100M000100Y43", phone = "0599-1234567",
            description, form = "paper", delivery = "pickup",
        });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var code = body.GetProperty("queryCode").GetString()!;
        var handler = await app.LoginAsync(StaffRole.request_handler);
        var inbox = await handler.GetStringAsync("/staff/requests?view=open");
        var id = Guid.Parse(Regex.Match(inbox, $"/staff/requests/([0-9a-f-]{{36}})\">{code}<").Groups[1].Value);
        return (code, body.GetProperty("password").GetString()!, id);
    }

    private static async Task<string> Post(HttpClient client, Guid id, string handler, Dictionary<string, string> fields)
    {
        var response = await client.PostFormAsync($"/staff/requests/{id}?handler={handler}", fields, tokenFrom: $"/staff/requests/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Staff_handle_a_request_through_the_pages_and_the_applicant_sees_the_result()
    {
        if (!app.ReadyFor(GetType().Name)) return;
        var (code, password, id) = await SubmitAsync($"2024年教育局行政处罚决定书 {Guid.NewGuid():N}");
        var handler = await app.LoginAsync(StaffRole.request_handler);
        var head = await app.LoginAsync(StaffRole.office_head);
        var reviewer = await app.LoginAsync(StaffRole.reviewer);

        Assert.Contains("已分办给您", await Post(handler, id, "Assign", []));
        var refused = await Post(handler, id, "Extend", new() { ["Number"] = "10", ["Text"] = "需调档" });
        Assert.Contains("工作机构负责人批准", refused);
        Assert.Contains("已延长答复期限", await Post(head, id, "Extend", new() { ["Number"] = "10", ["Text"] = "需调档" }));
        var decided = await Post(handler, id, "Decide", new() { ["Choice"] = "partial", ["Text"] = "当事人身份信息已遮盖。" });
        Assert.Contains("处理决定已登记", decided);
        Assert.Contains("答复尚未经过保密审查", await Post(handler, id, "Deliver", []));
        Assert.Contains("保密审查已登记", await Post(reviewer, id, "Review", new() { ["Text"] = "无涉密" }));
        Assert.Contains("已登记送达", await Post(handler, id, "Deliver", []));

        var docx = await handler.GetAsync($"/staff/requests/{id}?handler=Letter&format=docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType?.MediaType);
        var bytes = await docx.Content.ReadAsByteArrayAsync();
        Assert.Equal((byte)'P', bytes[0]); // a zip package

        var track = await app.Anonymous().PostFormAsync("/requests/track", new() { ["Code"] = code, ["Password"] = password });
        var page = await track.Content.ReadAsStringAsync();
        Assert.Contains("已答复", page);
        Assert.Contains("部分公开", page);
        Assert.Contains("当事人身份信息已遮盖。", page);
        Assert.DoesNotContain("无涉密", page); // the reviewer's note stays internal
        Assert.DoesNotContain("91350100M000100Y43", page);
    }

    [Fact]
    public async Task Staff_of_another_agency_get_404_for_a_request_and_the_inbox_lists_only_their_own()
    {
        if (!app.ReadyFor(GetType().Name)) return;
        var (code, _, id) = await SubmitAsync($"隔离测试 {Guid.NewGuid():N}");
        await using (var core = app.CoreServices())
        await using (var scope = core.CreateAsyncScope())
        {
            var added = await scope.ServiceProvider.GetRequiredService<AddStaffUser>()
                .RunAsync(new AddStaffUser.Input("mzj", $"mzj.h{Guid.NewGuid():N}"[..14], "民政局办理", [StaffRole.request_handler, StaffRole.office_head], "GongkaiDemo2026"), "test");
            Assert.True(added.Succeeded);
            var other = await app.LoginAsync(added.Value.User.UserName!, "GongkaiDemo2026");
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/staff/requests/{id}")).StatusCode);
            Assert.DoesNotContain(code, await other.GetStringAsync("/staff/requests?view=open"));
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/staff/requests/{id}?handler=Letter&format=html")).StatusCode);
        }
        var office = await app.LoginAsync(StaffRole.platform_admin);
        var overview = await office.GetStringAsync("/staff/requests?agency=jyj&view=open");
        Assert.Contains(code, overview);
        Assert.Contains("各机关办理情况", overview);
    }

    [Fact]
    public async Task The_application_page_shows_chinese_field_errors_and_stores_nothing_then_a_receipt()
    {
        if (!app.ReadyFor(GetType().Name)) return;
        var client = app.Anonymous();
        var bad = await client.PostFormAsync("/requests/apply", new()
        {
            ["Agency"] = "jyj", ["Input.ApplicantType"] = "natural_person", ["Input.Name"] = "赵六", ["Input.IdNumber"] = "110101199003074478",
            ["Input.Phone"] = "13700137000", ["Input.Description"] = "", ["Input.Form"] = "electronic", ["Input.Delivery"] = "online",
        });
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("校验位不正确", html);
        Assert.Contains("请描述所需政府信息", html);
        Assert.DoesNotContain("query-code", html);
        var good = await client.PostFormAsync("/requests/apply", new()
        {
            ["Agency"] = "jyj", ["Input.ApplicantType"] = "natural_person", ["Input.Name"] = "赵六", ["Input.IdNumber"] = "110101199003074477",
            ["Input.Phone"] = "13700137000", ["Input.Description"] = $"教育局2024年部门预算 {Guid.NewGuid():N}", ["Input.Form"] = "electronic", ["Input.Delivery"] = "online",
        });
        Assert.Matches("id=\"query-code\">\\d{4}-[2-9A-Z]{8}<", await good.Content.ReadAsStringAsync());
    }
}

public sealed class SqliteStaffRequestPagesTests(SqliteApp app) : StaffRequestPagesTests(app), IClassFixture<SqliteApp>;
