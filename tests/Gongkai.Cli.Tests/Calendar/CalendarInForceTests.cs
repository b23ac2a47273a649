using System.Text.Json;
using Gongkai.Calendar;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli.Tests.Calendar;

/// <summary>The real `gongkai` command tree: calendar verbs read the admins' overrides from the configured database.</summary>
public sealed class CalendarInForceTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"gongkai-cli-cal-{Guid.NewGuid():N}");

    private Dictionary<string, string?> Settings => new() { ["Database:Provider"] = "sqlite", ["Database:DataDir"] = _dir };

    private async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error, Settings);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Without_a_database_the_embedded_years_are_used_and_nothing_is_created()
    {
        var (code, output, _) = await RunAsync("calendar", "due", "--from", "2027-09-27", "--working-days", "20", "--json");
        Assert.Equal(0, code);
        Assert.True(JsonDocument.Parse(output).RootElement.GetProperty("flagged").GetBoolean());
        Assert.False(Directory.Exists(_dir));
    }

    [Fact]
    public async Task A_year_added_by_an_admin_is_used_by_calendar_due_and_show()
    {
        Assert.Equal(0, (await RunAsync("db", "migrate")).Code);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGongkaiCore(new ConfigurationBuilder().AddInMemoryCollection(Settings).Build());
        await using (var provider = services.BuildServiceProvider())
        await using (var scope = provider.CreateAsyncScope())
        {
            var saved = await scope.ServiceProvider.GetRequiredService<SaveCalendarYear>().RunAsync(new CalendarYearInput(2027,
                "国办发明电〔2026〕99号", "国务院办公厅关于2027年部分节假日安排的通知",
                "国庆节：2027-10-01 至 2027-10-07；上班 2027-09-26、2027-10-09", null), "cli:test");
            Assert.True(saved.Succeeded);
        }

        var (code, output, _) = await RunAsync("calendar", "due", "--from", "2027-09-27", "--working-days", "20", "--json");
        Assert.Equal(0, code);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.False(root.GetProperty("flagged").GetBoolean());
        Assert.Equal("2027-10-29", root.GetProperty("due").GetString());

        var show = await RunAsync("calendar", "show", "2027");
        Assert.Contains("国办发明电〔2026〕99号，已由管理员修订", show.Out);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
