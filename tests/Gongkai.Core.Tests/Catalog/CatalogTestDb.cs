using Gongkai.Agencies;
using Gongkai.Catalog;
using Gongkai.Data;
using Gongkai.Demo;
using Gongkai.Staff;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Core.Tests.Catalog;

/// <summary>A migrated SQLite database in a temp folder with two agencies, and actors for each catalogue role.</summary>
public sealed class CatalogTestDb : IAsyncLifetime
{
    public string DataDir { get; } = Path.Combine(Path.GetTempPath(), $"gongkai-catalog-{Guid.NewGuid():N}");
    public ServiceProvider Services { get; private set; } = null!;
    public Guid AgencyA { get; private set; }
    public Guid AgencyB { get; private set; }

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "sqlite", ["Database:DataDir"] = DataDir,
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddGongkaiCore(configuration);
        Services = services.BuildServiceProvider();
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MigrateDatabase>().RunAsync();
        var add = scope.ServiceProvider.GetRequiredService<AddAgency>();
        AgencyA = (await add.RunAsync(new AgencyDetails { Code = "gov", Name = "测试县人民政府", CreditCode = DemoAgencies.CreditCodeFor(0), Kind = AgencyKind.government }, "test")).Value.Id;
        AgencyB = (await add.RunAsync(new AgencyDetails { Code = "mzj", Name = "测试县民政局", CreditCode = DemoAgencies.CreditCodeFor(1), Kind = AgencyKind.department, ParentCode = "gov" }, "test")).Value.Id;
    }

    public static CatalogActor Actor(Guid agency, params StaffRole[] roles) =>
        new(Guid.NewGuid(), "user" + Random.Shared.Next(1000, 9999), agency, roles.ToHashSet());

    public async Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDir, true); } catch (IOException) { }
    }
}
