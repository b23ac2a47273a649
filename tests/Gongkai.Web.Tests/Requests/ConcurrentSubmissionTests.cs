using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Data;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Requests;

/// <summary>
/// Online applications arriving at the same moment through HTTP: none lost, each its own request
/// with its own code, and the same form sent concurrently still one request.
/// </summary>
public abstract class ConcurrentSubmissionTests(GongkaiAppFactory app)
{
    private static object Form(string description) => new
    {
        applicantType = "natural_person", name = "并发申请人", idNumber = "110101199003074477", phone = "13700137000",
        description, form = "electronic", delivery = "online",
    };

    private async Task<List<string>> CodesAsync(string marker)
    {
        await using var core = app.CoreServices();
        await using var scope = core.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GongkaiDb>().DisclosureRequests
            .Where(r => r.Description.StartsWith(marker)).Select(r => r.QueryCode).ToListAsync();
    }

    [Fact]
    public async Task Forty_concurrent_submissions_make_forty_requests_with_distinct_codes()
    {
        if (!app.ReadyFor(GetType().Name)) return;
        const int n = 40;
        var marker = $"并发提交 {Guid.NewGuid():N}";
        var responses = await Task.WhenAll(Enumerable.Range(0, n).Select(i =>
            app.Anonymous().PostAsJsonAsync("/api/v1/agencies/jyj/requests", Form($"{marker} 第{i}件"))));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var answered = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("queryCode").GetString()!));
        Assert.Equal(n, answered.Distinct().Count());
        var stored = await CodesAsync(marker);
        Assert.Equal(answered.Order(), stored.Order());
    }

    [Fact]
    public async Task The_same_form_sent_concurrently_makes_one_request_and_every_answer_names_it()
    {
        if (!app.ReadyFor(GetType().Name)) return;
        var marker = $"并发重复提交 {Guid.NewGuid():N}";
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            app.Anonymous().PostAsJsonAsync("/api/v1/agencies/jyj/requests", Form(marker))));
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{(int)r.StatusCode}"));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Single(bodies.Select(b => (b.GetProperty("queryCode").GetString(), b.GetProperty("password").GetString())).Distinct());
        Assert.Single(await CodesAsync(marker));
    }

    [Fact]
    public async Task A_bad_submission_among_good_concurrent_ones_gets_its_own_400_and_stores_nothing()
    {
        if (!app.ReadyFor(GetType().Name)) return;
        var marker = $"并发含错 {Guid.NewGuid():N}";
        var bad = new
        {
            applicantType = "natural_person", name = "并发申请人", idNumber = "110101199003074478", phone = "13700137000",
            description = $"{marker} 错", form = "electronic", delivery = "online",
        };
        var tasks = Enumerable.Range(0, 10).Select(i => app.Anonymous().PostAsJsonAsync("/api/v1/agencies/jyj/requests", Form($"{marker} 第{i}件"))).ToList();
        tasks.Insert(5, app.Anonymous().PostAsJsonAsync("/api/v1/agencies/jyj/requests", bad));
        var responses = await Task.WhenAll(tasks);
        Assert.Equal(HttpStatusCode.BadRequest, responses[5].StatusCode);
        Assert.Contains("idNumber", await responses[5].Content.ReadAsStringAsync());
        Assert.Equal(10, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(10, (await CodesAsync(marker)).Count);
    }
}

public sealed class SqliteConcurrentSubmissionTests(SqliteApp app) : ConcurrentSubmissionTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresConcurrentSubmissionTests(PostgresApp app) : ConcurrentSubmissionTests(app), IClassFixture<PostgresApp>;
