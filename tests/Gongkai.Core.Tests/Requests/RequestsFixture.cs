using Gongkai.Agencies;
using Gongkai.Calendar;
using Gongkai.Data;
using Gongkai.Requests;
using Gongkai.Staff;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Core.Tests.Requests;

/// <summary>A clock the tests move forward, as days pass in a request's life.</summary>
public sealed class MovableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();

    /// <summary>Moves to 10:00 Beijing time on <paramref name="day"/>.</summary>
    public void SetDay(DateOnly day) => Now = new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8));
}

/// <summary>
/// The request use cases over a real SQLite database, migrated by the real migrations, with two
/// agencies ("a" and "b") and staff actors of each role.
/// </summary>
public sealed class RequestsFixture : IAsyncDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "gongkai-requests-" + Guid.NewGuid().ToString("N"));
    public ServiceProvider Services { get; }
    public MovableClock Clock { get; } = new(DateTimeOffset.UtcNow);
    public Guid AgencyA { get; private set; }
    public Guid AgencyB { get; private set; }

    public const string Key = "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=";

    /// <param name="connection">A PostgreSQL connection string; null for SQLite in a temp folder.</param>
    private RequestsFixture(string? connection)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = connection is null ? "sqlite" : "postgres",
            ["Database:DataDir"] = _dir,
            ["ConnectionStrings:Gongkai"] = connection,
            ["Requests:PersonalDataKey"] = Key,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddGongkaiCore(config);
        Services = services.BuildServiceProvider();
    }

    public static async Task<RequestsFixture> CreateAsync(DateOnly today, string? postgresConnection = null)
    {
        var f = new RequestsFixture(postgresConnection);
        f.Clock.SetDay(today);
        await using var scope = f.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MigrateDatabase>().RunAsync();
        var add = scope.ServiceProvider.GetRequiredService<AddAgency>();
        var gov = await add.RunAsync(new AgencyDetails { Code = "gov", Name = "示范县人民政府", CreditCode = CreditCode.Complete("11439901004310001"), Kind = AgencyKind.government }, "test");
        var a = await add.RunAsync(new AgencyDetails { Code = "jya", Name = "示范县教育局", CreditCode = CreditCode.Complete("11439901004310002"), ParentCode = "gov" }, "test");
        var b = await add.RunAsync(new AgencyDetails { Code = "mzb", Name = "示范县民政局", CreditCode = CreditCode.Complete("11439901004310003"), ParentCode = "gov" }, "test");
        Assert.True(gov.Succeeded && a.Succeeded && b.Succeeded, string.Join(";", gov.Errors.Concat(a.Errors).Concat(b.Errors).Select(e => e.Message)));
        f.AgencyA = a.Value.Id;
        f.AgencyB = b.Value.Id;
        return f;
    }

    public StaffActor Actor(Guid agency, params StaffRole[] roles) =>
        new(Guid.NewGuid(), string.Join("+", roles), agency, roles.ToHashSet());

    public async Task<T> Run<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public WorkingCalendar Calendar => WorkingCalendar.Embedded;

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
