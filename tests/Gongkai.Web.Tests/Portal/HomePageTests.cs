using System.Net;
using System.Net.Http.Json;
using Gongkai.Web.Tests.Infrastructure;

namespace Gongkai.Web.Tests.Portal;

public abstract class HomePageTests(GongkaiAppFactory app)
{
    [Fact]
    public async Task Home_page_lists_the_demo_agencies_with_links_to_their_disclosure_columns()
    {
        if (!app.ReadyFor(GetType().Name)) return;
        var html = await app.Anonymous().GetStringAsync("/");
        Assert.Contains("云溪县人民政府", html);
        Assert.Contains("<a href=\"/gk/jyj\">云溪县教育局</a>", html);
        Assert.Contains("<a href=\"/gk/dpjd\">云溪县东坪街道办事处</a>", html);
        Assert.Contains("政府网站标识码：4399010001", html);
        Assert.Contains("<meta name=\"SiteIDCode\" content=\"4399010001\">", html);
    }

    [Fact]
    public async Task Healthz_answers_ok_when_the_database_is_reachable()
    {
        if (!app.ReadyFor(GetType().Name)) return;
        var response = await app.Anonymous().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Api_lists_agencies_and_the_openapi_document_describes_it()
    {
        if (!app.ReadyFor(GetType().Name)) return;
        var client = app.Anonymous();
        var agencies = await client.GetFromJsonAsync<List<Dictionary<string, object?>>>("/api/v1/agencies");
        Assert.Contains(agencies!, a => a["code"]?.ToString() == "jyj" && a["parentCode"]?.ToString() == "xzf");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/agencies/nope")).StatusCode);
        Assert.Contains("/api/v1/agencies", await client.GetStringAsync("/openapi/v1.json"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/index.html")).StatusCode);
    }

    [Fact]
    public async Task Unknown_pages_get_a_chinese_404_page()
    {
        if (!app.ReadyFor(GetType().Name)) return;
        var response = await app.Anonymous().GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("页面不存在", await response.Content.ReadAsStringAsync());
    }
}

public sealed class SqliteHomePageTests(SqliteApp app) : HomePageTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresHomePageTests(PostgresApp app) : HomePageTests(app), IClassFixture<PostgresApp>;
