using Gongkai.Agencies;
using Gongkai.Catalog;
using Gongkai.Data;
using Gongkai.Demo;
using Gongkai.Staff;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Core.Tests.Catalog;

/// <summary>
/// A migrated database with two agencies, and actors for each catalogue role: SQLite in a temp
/// folder, or (<paramref name="postgres"/>) a fresh database on the tests' PostgreSQL cluster.
/// </summary>
public sealed class CatalogTestDb(bool postgres = false) : IAsyncLifetime
{
    public string DataDir { get; } = Path.Combine(Path.GetTempPath(), $"gongkai-catalog-{Guid.NewGuid():N}");
    public ServiceProvider Services { get; private set; } = null!;
    public Guid AgencyA { get; private set; }
    public Guid AgencyB { get; private set; }

    /// <summary>True when PostgreSQL was asked for but cannot run here (outside CI only): the test should stop.</summary>
    public bool Unavailable { get; private set; }

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?> { ["Database:Provider"] = "sqlite", ["Database:DataDir"] = DataDir };
        if (postgres)
        {
            var server = await Web.Tests.Infrastructure.PostgresServer.SharedAsync();
            if (!server.RequireOrReport(nameof(CatalogTestDb)))
            {
                Unavailable = true;
                return;
            }
            settings["Database:Provider"] = "postgres";
            settings["ConnectionStrings:Gongkai"] = await server.CreateDatabaseAsync("core_catalog");
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
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
        if (Services is not null) await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDir, true); } catch (IOException) { }
    }
}
