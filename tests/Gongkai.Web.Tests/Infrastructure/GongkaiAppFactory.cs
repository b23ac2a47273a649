using Gongkai.Data;
using Gongkai.Demo;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Infrastructure;

/// <summary>
/// The real web host over a fresh database of the given provider, holding the demo county.
/// SQLite: a temp data folder (the host migrates and seeds on start, as for a newcomer).
/// PostgreSQL: a new database on the shared throwaway cluster, migrated and seeded first
/// (the host refuses an unmigrated PostgreSQL). Use as an xunit class fixture; see SqliteApp/PostgresApp.
/// Unless <paramref name="seedOnStart"/> is set, the database starts as a copy of the seeded
/// <see cref="DemoTemplate"/> instead of being seeded again for every test class.
/// </summary>
public class GongkaiAppFactory(DatabaseProvider provider, bool liveServer = false, string? dataDir = null, bool seedOnStart = false)
    : WebApplicationFactory<Program>, IAsyncLifetime
{
    public DatabaseProvider Provider { get; } = provider;
    /// <summary>The SQLite folder; pass another factory's to run a second "node" on the same database.</summary>
    public string DataDir { get; } = dataDir ?? TempFolders.Create("gongkai-test");
    /// <summary>A second node given another factory's folder leaves it to that factory.</summary>
    private readonly bool _ownsDataDir = dataDir is null;
    public string? ConnectionString { get; private set; }
    public PostgresServer? Postgres { get; private set; }

    /// <summary>False only for PostgreSQL outside CI when no cluster could start; tests then return early (reported loudly).</summary>
    public bool IsAvailable => Provider == DatabaseProvider.sqlite || Postgres?.IsAvailable == true;

    /// <summary>Call first in every test: false (after a loud notice) only when PostgreSQL is missing outside CI.</summary>
    public bool ReadyFor(string test) => IsAvailable || Postgres!.RequireOrReport(test);

    /// <summary>The Kestrel address when created with liveServer (browser tests), e.g. http://127.0.0.1:41234.</summary>
    public string LiveUrl { get; private set; } = "";

    public Dictionary<string, string?> Settings => SettingsFor(Provider, DataDir, ConnectionString);

    public static Dictionary<string, string?> SettingsFor(DatabaseProvider provider, string dataDir, string? connectionString) => new()
    {
        ["Database:Provider"] = provider.ToString(),
        ["Database:DataDir"] = dataDir,
        ["ConnectionStrings:Gongkai"] = connectionString ?? "",
        // Fixed test key for personal data (required with PostgreSQL; SQLite would create a key file).
        ["Requests:PersonalDataKey"] = "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=",
    };

    public async Task InitializeAsync()
    {
        if (Provider == DatabaseProvider.postgres)
        {
            Postgres = await PostgresServer.SharedAsync();
            if (!Postgres.IsAvailable) return;
            if (seedOnStart)
            {
                ConnectionString = await Postgres.CreateDatabaseAsync("gk");
                await using var core = CoreServices();
                await using var scope = core.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<MigrateDatabase>().RunAsync();
                await scope.ServiceProvider.GetRequiredService<DemoSeeder>().RunAsync();
            }
            else ConnectionString = await DemoTemplate.CreatePostgresAsync(Postgres);
        }
        else if (!seedOnStart && dataDir is null)
        {
            await DemoTemplate.CopySqliteTo(DataDir);
        }
        if (liveServer)
        {
            UseKestrel(0);
            StartServer();
            LiveUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        }
        else
        {
            _ = Server; // start the host now, so seeding is not charged to the first test
        }
    }

    /// <summary>Core services over the same database, as the CLI builds them — for arranging data and reading it back.</summary>
    public ServiceProvider CoreServices()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGongkaiCore(configuration);
        return services.BuildServiceProvider();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Not Development: errors must render the Chinese error page, as in production.
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(Settings));
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    /// <summary>Stops the host and deletes the data folder (also for <c>await using</c>, which bypasses IAsyncLifetime).</summary>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDataDir) TempFolders.Delete(DataDir);
    }
}

public sealed class SqliteApp() : GongkaiAppFactory(DatabaseProvider.sqlite);

public sealed class PostgresApp() : GongkaiAppFactory(DatabaseProvider.postgres);

public sealed class LiveSqliteApp() : GongkaiAppFactory(DatabaseProvider.sqlite, liveServer: true);
