using Gongkai.Calendar;
using Gongkai.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Core.Tests.Calendar;

/// <summary>
/// Two admins saving the same year at once: the one who writes second gets a Chinese message and
/// writes nothing (no override, no audit entry), instead of an unhandled database error.
/// </summary>
public sealed class ConcurrentCalendarEditTests : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"gongkai-calrace-{Guid.NewGuid():N}");
    private ServiceProvider _services = null!;

    private const string Holidays2027 = "国庆节：2027-10-01 至 2027-10-07；上班 2027-09-26、2027-10-09";
    private const string OtherHolidays2027 = "国庆节：2027-10-01 至 2027-10-05";

    /// <summary>
    /// Runs between the first admin's read and write (handlers run just before the save): the
    /// second admin's whole save happens there, in its own scope, once.
    /// </summary>
    private sealed class SecondAdmin(IServiceProvider root) : ICalendarChangeHandler
    {
        public static bool Armed;

        public async Task<int> HandleAsync(CalendarChange change, CancellationToken cancellationToken)
        {
            if (!Armed) return 0;
            Armed = false;
            await using var scope = root.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<SaveCalendarYear>().RunAsync(
                new CalendarYearInput(2027, "国办发明电〔2026〕98号", "另一位管理员录入的通知", OtherHolidays2027, null), "admin2", cancellationToken);
            Assert.True(result.Succeeded);
            return 0;
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
        services.AddScoped<ICalendarChangeHandler>(sp => new SecondAdmin(sp.GetRequiredService<IServiceScopeFactory>().CreateScope().ServiceProvider));
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

    private async Task<Gongkai.Common.Result<CalendarEditOutcome>> FirstAdminSavesAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SaveCalendarYear>().RunAsync(
            new CalendarYearInput(2027, "国办发明电〔2026〕99号", "国务院办公厅关于2027年部分节假日安排的通知", Holidays2027, null), "admin1");
    }

    private async Task<(string UpdatedBy, int Audits)> StoredAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
        var row = await db.Set<CalendarYearOverride>().SingleAsync(o => o.Year == 2027);
        return (row.UpdatedBy, await db.AuditEntries.CountAsync(e => e.Action == "calendar.save_year"));
    }

    [Fact]
    public async Task When_another_admin_adds_the_same_new_year_first_the_later_save_is_refused_in_Chinese_and_writes_nothing()
    {
        SecondAdmin.Armed = true;
        var result = await FirstAdminSavesAsync();

        Assert.False(result.Succeeded);
        Assert.Equal("edited_meanwhile", Assert.Single(result.Errors).Code);
        Assert.Contains("另一位管理员刚刚修改了2027年的安排", result.Errors[0].Message);
        Assert.Equal(("admin2", 1), await StoredAsync());
    }

    [Fact]
    public async Task When_another_admin_corrects_an_existing_year_first_the_later_save_is_refused_and_writes_nothing()
    {
        SecondAdmin.Armed = false;
        Assert.True((await FirstAdminSavesAsync()).Succeeded);

        SecondAdmin.Armed = true;
        var result = await FirstAdminSavesAsync();

        Assert.False(result.Succeeded);
        Assert.Equal("edited_meanwhile", Assert.Single(result.Errors).Code);
        Assert.Equal(("admin2", 2), await StoredAsync());
    }
}
