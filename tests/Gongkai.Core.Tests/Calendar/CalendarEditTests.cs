using Gongkai.Calendar;
using Gongkai.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Core.Tests.Calendar;

/// <summary>Saving a calendar year through the real DbContext (SQLite in a temp folder), with a feature's recomputation hook registered.</summary>
public sealed class CalendarEditTests : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"gongkai-cal-{Guid.NewGuid():N}");
    private ServiceProvider _services = null!;

    /// <summary>Stands in for Requests/Catalog: one open deadline counted from 2027-09-27 for 20 working days.</summary>
    private sealed class OpenDeadlines(CalendarStore store) : ICalendarChangeHandler
    {
        public static readonly List<string> History = [];
        private static readonly DateOnly Start = new(2027, 9, 27);

        public Task<int> HandleAsync(CalendarChange change, CancellationToken cancellationToken)
        {
            _ = store; // a real handler loads its open records through the same DbContext
            var oldDue = change.Before.AddWorkingDays(Start, 20);
            if (!change.Affects(Start, oldDue)) return Task.FromResult(0);
            History.Add(change.HistoryLine(oldDue, change.After.AddWorkingDays(Start, 20)));
            return Task.FromResult(1);
        }
    }

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "sqlite", ["Database:DataDir"] = _dir,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGongkaiCore(configuration);
        services.AddScoped<ICalendarChangeHandler, OpenDeadlines>();
        _services = services.BuildServiceProvider();
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MigrateDatabase>().RunAsync();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task Saving_a_year_recomputes_affected_deadlines_audits_and_changes_the_calendar_in_force()
    {
        OpenDeadlines.History.Clear();
        await using var scope = _services.CreateAsyncScope();
        var save = scope.ServiceProvider.GetRequiredService<SaveCalendarYear>();

        var result = await save.RunAsync(new CalendarYearInput(2027, "国办发明电〔2026〕99号", "国务院办公厅关于2027年部分节假日安排的通知",
            "国庆节：2027-10-01 至 2027-10-07；上班 2027-09-26、2027-10-09", null), "admin");

        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));
        Assert.Equal(1, result.Value.RecomputedDeadlines);
        Assert.Contains(new DateOnly(2027, 10, 1), result.Value.ChangedDates);
        Assert.Equal(["工作日历变更（2027年节假日安排：依据国办发明电〔2026〕99号），期限由2027年10月25日改为2027年10月29日。"], OpenDeadlines.History);

        await using var next = _services.CreateAsyncScope();
        var calendar = await next.ServiceProvider.GetRequiredService<CalendarStore>().CurrentAsync();
        Assert.False(calendar.IsWorkingDay(new DateOnly(2027, 10, 4)));
        Assert.True(calendar.IsOverridden(2027));
        var db = next.ServiceProvider.GetRequiredService<GongkaiDb>();
        var audit = await db.AuditEntries.OrderByDescending(e => e.Sequence).FirstAsync();
        Assert.Equal("calendar.save_year", audit.Action);
        Assert.Contains("重新计算进行中的期限1件", audit.Summary);
    }

    [Fact]
    public async Task A_mid_year_change_keeps_the_earlier_notice_and_a_change_outside_open_deadlines_recomputes_nothing()
    {
        OpenDeadlines.History.Clear();
        await using var scope = _services.CreateAsyncScope();
        var save = scope.ServiceProvider.GetRequiredService<SaveCalendarYear>();
        var holidays = ArrangementText.Format(WorkingCalendar.Embedded.Arrangement(2026)!.Holidays)
            .Replace("中秋节：2026-09-25 至 2026-09-27", "中秋节：2026-09-24 至 2026-09-27");

        var result = await save.RunAsync(new CalendarYearInput(2026, "国办发明电〔2026〕50号", "国务院办公厅关于调整2026年中秋节假期的通知", holidays, "测试年中调整"), "admin");

        Assert.True(result.Succeeded);
        Assert.Equal([new DateOnly(2026, 9, 24)], result.Value.ChangedDates);
        Assert.Equal(0, result.Value.RecomputedDeadlines);
        var calendar = await scope.ServiceProvider.GetRequiredService<CalendarStore>().CurrentAsync();
        Assert.Equal(2, calendar.Arrangement(2026)!.Notices.Count);
        Assert.Contains("国办发明电〔2025〕7号", calendar.Arrangement(2026)!.NoticeNumbers);
    }

    [Fact]
    public async Task Invalid_input_saves_nothing()
    {
        await using var scope = _services.CreateAsyncScope();
        var save = scope.ServiceProvider.GetRequiredService<SaveCalendarYear>();
        var result = await save.RunAsync(new CalendarYearInput(2029, null, "", "元旦 2029-01-01", null), "admin");
        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Field == "NoticeTitle");
        Assert.Contains(result.Errors, e => e.Field == "Holidays" && e.Message.Contains("第1行"));
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
        Assert.False(await db.Set<CalendarYearOverride>().AnyAsync(o => o.Year == 2029));
    }
}
