using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Requests;
using Gongkai.Staff;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Requests;

/// <summary>
/// Requests loaded with <c>gongkai requests import</c> carry "import" as handler and actor and no
/// personal data: the inbox and the detail page must show them like any other request.
/// </summary>
public sealed class ImportedRequestPagesTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Imported_register_lines_show_in_the_inbox_and_on_the_detail_page()
    {
        var marker = Guid.NewGuid().ToString("N")[..10];
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var csv = "received_on,channel,applicant_type,applicant_name,description,result,decided_on,extended\n"
            + $"{today.AddDays(-3):yyyy-MM-dd},letter,natural_person,台账甲,在办的台账申请 {marker},,,false\n"
            + $"{today.AddDays(-40):yyyy-MM-dd},online,legal_person.commercial,台账乙,已办结的台账申请 {marker},result.granted,{today.AddDays(-20):yyyy-MM-dd},true\n";
        await using (var core = app.CoreServices())
        await using (var scope = core.CreateAsyncScope())
        {
            var (imported, errors) = await scope.ServiceProvider.GetRequiredService<ImportRegister>().RunAsync("jyj", new StringReader(csv), "test");
            Assert.Empty(errors);
            Assert.Equal(2, imported);
        }

        var handler = await app.LoginAsync(StaffRole.request_handler);
        var open = await handler.GetAsync("/staff/requests?view=open");
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        var openHtml = await open.Content.ReadAsStringAsync();
        Assert.Contains($"在办的台账申请 {marker}", openHtml);
        Assert.Contains("台账导入", openHtml); // the handler tab names the import, not a staff id

        var closed = await handler.GetStringAsync("/staff/requests?status=Closed");
        Assert.Contains($"已办结的台账申请 {marker}", closed);

        foreach (var html in new[] { openHtml, closed })
        {
            var id = Regex.Match(html, $"/staff/requests/([0-9a-f-]{{36}})\">[^<]+</a></td>\\s*<td>[^<]+</td>\\s*<td>台账[甲乙]").Groups[1].Value;
            Assert.NotEqual("", id);
            var detail = await handler.GetAsync($"/staff/requests/{id}");
            Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
            Assert.Contains("台账", await detail.Content.ReadAsStringAsync());
        }
    }
}
