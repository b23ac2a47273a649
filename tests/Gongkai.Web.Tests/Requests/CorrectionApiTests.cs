using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Data;
using Gongkai.Requests;
using Gongkai.Staff;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Requests;

/// <summary>POST /api/v1/requests/{queryCode}/correction: the applicant's 补正 through the API (Art. 30).</summary>
public abstract class CorrectionApiTests(GongkaiAppFactory app)
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static readonly ApplicationForm Form = new()
    {
        ApplicantType = "natural_person", Name = "钱七", IdNumber = "440524188001010014", Phone = "13900139000",
        Description = "招生方案", Form = "electronic", Delivery = "online",
    };

    /// <summary>Core services over the test database whose clock reads <paramref name="daysAgo"/> days before now.</summary>
    private ServiceProvider CoreServicesAt(int daysAgo)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FixedClock(DateTimeOffset.UtcNow.AddDays(-daysAgo)));
        services.AddLogging();
        services.AddGongkaiCore(new ConfigurationBuilder().AddInMemoryCollection(app.Settings).Build());
        return services.BuildServiceProvider();
    }

    /// <summary>A request received <paramref name="daysAgo"/> days ago, given a 补正 notice that day, due <paramref name="dueAfterDays"/> days later.</summary>
    private async Task<SubmissionReceipt> AwaitingCorrectionAsync(int daysAgo, int dueAfterDays)
    {
        // An online application on a rest day counts from the next working day: start on a working day.
        while (!Gongkai.Calendar.WorkingCalendar.Embedded.IsWorkingDay(Gongkai.Common.ChinaTime.Today(new FixedClock(DateTimeOffset.UtcNow.AddDays(-daysAgo)))))
            daysAgo++;
        await using var core = CoreServicesAt(daysAgo);
        await using var scope = core.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var receipt = (await sp.GetRequiredService<SubmitRequest>().RunAsync("jyj", Form with { Description = $"2024年招生方案 {Guid.NewGuid():N}" })).Value;
        var agency = await sp.GetRequiredService<GongkaiDb>().Agencies.Where(a => a.Code == "jyj").Select(a => a.Id).SingleAsync();
        var handler = new StaffActor(Guid.NewGuid(), "测试经办人", agency, new HashSet<StaffRole> { StaffRole.request_handler });
        var today = Gongkai.Common.ChinaTime.Today(sp.GetRequiredService<TimeProvider>());
        var notice = await sp.GetRequiredService<RequestCorrection>().RunAsync(handler, receipt.RequestId, "请写明方案的年度和文号", today.AddDays(dueAfterDays));
        Assert.True(notice.Succeeded, string.Join(";", notice.Errors.Select(e => e.Message)));
        return receipt;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body, string? MediaType)> Correct(HttpClient client, string code, string? password, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/requests/{code}/correction")
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };
        if (password is not null) request.Headers.Add("X-Query-Password", password);
        var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>(), response.Content.Headers.ContentType?.MediaType);
    }

    private static string Json(string description) => JsonSerializer.Serialize(new { description });

    [Fact]
    public async Task The_correction_restarts_the_clock_and_answers_like_tracking_and_only_once()
    {
        if (!app.ReadyFor(GetType().Name)) return;
        var client = app.Anonymous();
        var receipt = await AwaitingCorrectionAsync(daysAgo: 3, dueAfterDays: 14);

        var empty = await Correct(client, receipt.QueryCode, receipt.Password, Json("  "));
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Equal("application/problem+json", empty.MediaType);
        Assert.Contains("补正", empty.Body.GetProperty("errors").GetProperty("description")[0].GetString());
        var malformed = await Correct(client, receipt.QueryCode, receipt.Password, "{not json");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.Status);
        Assert.Contains("JSON", malformed.Body.GetProperty("detail").GetString());

        var ok = await Correct(client, receipt.QueryCode, receipt.Password, Json("2024年秋季学期义务教育招生划片方案（云教发〔2024〕3号）"));
        Assert.Equal(HttpStatusCode.OK, ok.Status);
        Assert.Equal(receipt.QueryCode, ok.Body.GetProperty("queryCode").GetString());
        Assert.Equal(receipt.ReceivedOn.ToString("yyyy-MM-dd"), ok.Body.GetProperty("receivedOn").GetString());
        // Received three days ago, corrected today: the 20 working days now run from today.
        Assert.True(string.CompareOrdinal(ok.Body.GetProperty("dueOn").GetString(), receipt.DueOn!.Value.ToString("yyyy-MM-dd")) > 0,
            $"{ok.Body.GetProperty("dueOn")} should be after {receipt.DueOn}");
        Assert.Contains("重新计算", ok.Body.GetProperty("dueExplanation").GetString());
        Assert.Equal(JsonValueKind.Null, ok.Body.GetProperty("result").ValueKind);

        var track = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/requests/{receipt.QueryCode}");
        track.Headers.Add("X-Query-Password", receipt.Password);
        var tracked = await (await client.SendAsync(track)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(ok.Body.GetProperty("dueOn").GetString(), tracked.GetProperty("dueOn").GetString());
        Assert.Equal(ok.Body.GetProperty("status").GetString(), tracked.GetProperty("status").GetString());

        var again = await Correct(client, receipt.QueryCode, receipt.Password, Json("再补充一次内容"));
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.Contains("不需要补正", again.Body.GetProperty("detail").GetString());

        await using var core = app.CoreServices();
        await using var scope = core.CreateAsyncScope();
        var events = await scope.ServiceProvider.GetRequiredService<GongkaiDb>().RequestEvents
            .CountAsync(e => e.RequestId == receipt.RequestId && e.Type == RequestEventType.CorrectionReceived);
        Assert.Equal(1, events);
    }

    [Fact]
    public async Task No_pending_correction_or_an_expired_period_answers_409_and_wrong_credentials_404_alike()
    {
        if (!app.ReadyFor(GetType().Name)) return;
        var client = app.Anonymous();
        var posted = await client.PostAsJsonAsync("/api/v1/agencies/jyj/requests", new
        {
            applicantType = "natural_person", name = "钱七", idNumber = "440524188001010014", phone = "13900139000",
            description = $"无需补正的申请 {Guid.NewGuid():N}", form = "electronic", delivery = "online",
        });
        var created = await posted.Content.ReadFromJsonAsync<JsonElement>();
        var code = created.GetProperty("queryCode").GetString()!;
        var password = created.GetProperty("password").GetString()!;
        var notAwaiting = await Correct(client, code, password, Json("2024年招生划片方案"));
        Assert.Equal(HttpStatusCode.Conflict, notAwaiting.Status);
        Assert.Equal("application/problem+json", notAwaiting.MediaType);
        Assert.Contains("不需要补正", notAwaiting.Body.GetProperty("detail").GetString());

        var expired = await AwaitingCorrectionAsync(daysAgo: 20, dueAfterDays: 9);
        var late = await Correct(client, expired.QueryCode, expired.Password, Json("2024年招生划片方案"));
        Assert.Equal(HttpStatusCode.Conflict, late.Status);
        Assert.Contains("补正期限已于", late.Body.GetProperty("detail").GetString());

        static string Shape(JsonElement p) => $"{p.GetProperty("title")}|{p.GetProperty("detail")}";
        var wrongPassword = await Correct(client, expired.QueryCode, "WRONGPASS2", Json("2024年招生划片方案"));
        var wrongCode = await Correct(client, "2024-ZZZZZZZZ", expired.Password, Json("2024年招生划片方案"));
        var noPassword = await Correct(client, expired.QueryCode, null, Json("2024年招生划片方案"));
        Assert.Equal(HttpStatusCode.NotFound, wrongPassword.Status);
        Assert.Equal(HttpStatusCode.NotFound, wrongCode.Status);
        Assert.Equal(HttpStatusCode.NotFound, noPassword.Status);
        Assert.Equal(Shape(wrongPassword.Body), Shape(wrongCode.Body));
        Assert.Equal(Shape(wrongPassword.Body), Shape(noPassword.Body));
        var track = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/requests/{expired.QueryCode}");
        track.Headers.Add("X-Query-Password", "WRONGPASS2");
        Assert.Equal(Shape(wrongPassword.Body), Shape(await (await client.SendAsync(track)).Content.ReadFromJsonAsync<JsonElement>()));
    }
}

public sealed class SqliteCorrectionApiTests(SqliteApp app) : CorrectionApiTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresCorrectionApiTests(PostgresApp app) : CorrectionApiTests(app), IClassFixture<PostgresApp>;
