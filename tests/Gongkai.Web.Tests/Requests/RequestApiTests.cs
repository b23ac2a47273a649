using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Data;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Requests;

public abstract class RequestApiTests(GongkaiAppFactory app)
{
    private static object Form(string description) => new
    {
        applicantType = "natural_person", name = "王五", idNumber = "440524188001010014", phone = "13900139000",
        email = "ww@example.cn", address = "云溪县城关镇1号", description, form = "electronic", delivery = "online",
    };

    private async Task<int> CountAsync(string description)
    {
        await using var core = app.CoreServices();
        await using var scope = core.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GongkaiDb>().DisclosureRequests.CountAsync(r => r.Description == description);
    }

    [Fact]
    public async Task Posting_an_application_answers_201_with_code_password_and_dates_and_tracking_finds_it()
    {
        if (!app.ReadyFor(GetType().Name)) return;
        var client = app.Anonymous();
        var description = $"云溪县教育局2024年校车采购合同 {Guid.NewGuid():N}";
        var response = await client.PostAsJsonAsync("/api/v1/agencies/jyj/requests", Form(description));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var code = body.GetProperty("queryCode").GetString()!;
        var password = body.GetProperty("password").GetString()!;
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", body.GetProperty("receivedOn").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", body.GetProperty("dueOn").GetString());

        var track = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/requests/{code}");
        track.Headers.Add("X-Query-Password", password);
        var tracked = await client.SendAsync(track);
        Assert.Equal(HttpStatusCode.OK, tracked.StatusCode);
        var t = await tracked.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, t.GetProperty("queryCode").GetString());
        Assert.Equal("registered", t.GetProperty("status").GetString());
        Assert.Equal(body.GetProperty("dueOn").GetString(), t.GetProperty("dueOn").GetString());
        Assert.Contains("第三十一条", t.GetProperty("dueExplanation").GetString());
        Assert.Equal(JsonValueKind.Null, t.GetProperty("result").ValueKind);
        Assert.DoesNotContain("440524", await tracked.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_same_form_posted_twice_creates_one_request()
    {
        if (!app.ReadyFor(GetType().Name)) return;
        var client = app.Anonymous();
        var description = $"重复提交测试 {Guid.NewGuid():N}";
        var first = await client.PostAsJsonAsync("/api/v1/agencies/jyj/requests", Form(description));
        var second = await client.PostAsJsonAsync("/api/v1/agencies/jyj/requests", Form(description));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var a = await first.Content.ReadFromJsonAsync<JsonElement>();
        var b = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(a.GetProperty("queryCode").GetString(), b.GetProperty("queryCode").GetString());
        Assert.Equal(1, await CountAsync(description));
    }

    [Fact]
    public async Task Invalid_applications_get_chinese_problem_details_per_field_and_nothing_is_stored()
    {
        if (!app.ReadyFor(GetType().Name)) return;
        var client = app.Anonymous();
        var response = await client.PostAsJsonAsync("/api/v1/agencies/jyj/requests", new
        {
            applicantType = "natural_person", name = new string('名', 101), idNumber = "440524188001010015", phone = "13900139000",
            description = "", form = "electronic", delivery = "online",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.Contains("校验位", errors.GetProperty("idNumber")[0].GetString());
        Assert.Contains("描述", errors.GetProperty("description")[0].GetString());
        Assert.Contains("100", errors.GetProperty("name")[0].GetString());
        Assert.Equal(0, await CountAsync(""));
    }

    [Fact]
    public async Task Malformed_json_and_unknown_agencies_get_chinese_problems_not_500s()
    {
        if (!app.ReadyFor(GetType().Name)) return;
        var client = app.Anonymous();
        var bad = await client.PostAsync("/api/v1/agencies/jyj/requests", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("JSON", await bad.Content.ReadAsStringAsync());
        var unknown = await client.PostAsJsonAsync("/api/v1/agencies/nope/requests", Form("x的文件名称"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("找不到", await unknown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Tracking_answers_404_alike_for_a_wrong_code_and_a_wrong_password()
    {
        if (!app.ReadyFor(GetType().Name)) return;
        var client = app.Anonymous();
        var created = await (await client.PostAsJsonAsync("/api/v1/agencies/jyj/requests", Form($"查询测试 {Guid.NewGuid():N}"))).Content.ReadFromJsonAsync<JsonElement>();
        var code = created.GetProperty("queryCode").GetString()!;
        async Task<(HttpStatusCode, string)> Track(string c, string? pw)
        {
            var req = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/requests/{c}");
            if (pw is not null) req.Headers.Add("X-Query-Password", pw);
            var res = await client.SendAsync(req);
            // Compare everything but the per-request trace id.
            var p = await res.Content.ReadFromJsonAsync<JsonElement>();
            return (res.StatusCode, $"{p.GetProperty("title")}|{p.GetProperty("detail")}");
        }
        var wrongPassword = await Track(code, "WRONGPASS2");
        var wrongCode = await Track("2024-ZZZZZZZZ", created.GetProperty("password").GetString());
        var noPassword = await Track(code, null);
        Assert.Equal(HttpStatusCode.NotFound, wrongPassword.Item1);
        Assert.Equal(wrongPassword, wrongCode);
        Assert.Equal(wrongPassword, noPassword);
    }
}

public sealed class SqliteRequestApiTests(SqliteApp app) : RequestApiTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresRequestApiTests(PostgresApp app) : RequestApiTests(app), IClassFixture<PostgresApp>;
