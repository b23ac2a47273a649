using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Data;
using Gongkai.Staff;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Requests;

/// <summary>The agency admin names the remedy bodies of reply letters; bad input gets field messages; the change is audited.</summary>
public sealed class RemedyBodiesPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task The_agency_admin_sets_the_bodies_with_validation_and_audit_and_others_may_not()
    {
        var admin = await app.LoginAsync(StaffRole.agency_admin);
        Assert.Contains("/staff/requests/remedies", await admin.GetStringAsync("/staff/requests"));
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/staff/requests/remedies"));
        Assert.Contains("本机关的本级人民政府", page); // the default until set

        var bad = WebUtility.HtmlDecode(await (await admin.PostFormAsync("/staff/requests/remedies", new()
        {
            ["Input.ReconsiderationBody"] = "", ["Input.Court"] = "<b>法院</b>",
        })).Content.ReadAsStringAsync());
        Assert.Contains("请填写行政复议机关", bad);
        Assert.Contains("人民法院不能包含尖括号", bad);

        var saved = await admin.PostFormAsync("/staff/requests/remedies", new()
        {
            ["Input.ReconsiderationBody"] = "云溪县人民政府", ["Input.Court"] = "云溪县人民法院",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        page = WebUtility.HtmlDecode(await admin.GetStringAsync("/staff/requests/remedies"));
        Assert.Contains("向云溪县人民政府申请行政复议", page);
        Assert.Contains("向云溪县人民法院提起行政诉讼", page);

        await using var core = app.CoreServices();
        await using var scope = core.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "requests.remedies" && a.Summary.Contains("云溪县人民法院")));

        var handler = await app.LoginAsync(StaffRole.request_handler);
        var submitted = await app.Anonymous().PostAsJsonAsync("/api/v1/agencies/jyj/requests", new
        {
            applicantType = "natural_person", name = "吴十", idNumber = "110101199003074477", phone = "13700137000",
            description = $"救济机关测试 {Guid.NewGuid():N}", form = "electronic", delivery = "online",
        });
        var code = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("queryCode").GetString();
        var id = await db.DisclosureRequests.Where(r => r.QueryCode == code).Select(r => r.Id).SingleAsync();
        await handler.PostFormAsync($"/staff/requests/{id}?handler=Assign", [], tokenFrom: $"/staff/requests/{id}");
        await handler.PostFormAsync($"/staff/requests/{id}?handler=Decide", new() { ["Choice"] = "not_exist", ["Text"] = "经检索没有该信息。" }, tokenFrom: $"/staff/requests/{id}");
        var letter = WebUtility.HtmlDecode(await handler.GetStringAsync($"/staff/requests/{id}?handler=Letter&format=html"));
        Assert.Contains("向云溪县人民政府申请行政复议", letter);
        Assert.Contains("向云溪县人民法院提起行政诉讼", letter);

        Assert.Equal(HttpStatusCode.Forbidden, (await handler.GetAsync("/staff/requests/remedies")).StatusCode);
        var office = await app.LoginAsync(StaffRole.platform_admin);
        Assert.Equal(HttpStatusCode.Forbidden, (await office.GetAsync("/staff/requests/remedies")).StatusCode);
    }
}
