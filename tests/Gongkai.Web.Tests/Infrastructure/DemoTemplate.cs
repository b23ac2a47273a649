using Gongkai.Data;
using Gongkai.Demo;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Gongkai.Web.Tests.Infrastructure;

/// <summary>
/// Seeding the demo county runs every demo request through the real use cases and takes tens of
/// seconds, while each test class needs its own fresh copy. So the seeded database is built once
/// per test run and provider, then copied: SQLite by copying the data folder, PostgreSQL with
/// <c>CREATE DATABASE … TEMPLATE</c>. The copy is the same database a first start would create.
/// </summary>
public static class DemoTemplate
{
    private static readonly Lazy<Task<string>> SqliteFolder = new(BuildSqliteAsync);
    private static readonly Lazy<Task<string>> PostgresDatabase = new(BuildPostgresAsync);

    /// <summary>Copies the seeded SQLite data folder into <paramref name="target"/> (which must not hold a database yet).</summary>
    public static async Task CopySqliteTo(string target)
    {
        var source = await SqliteFolder.Value;
        CopyFolder(source, target);
    }

    /// <summary>A new PostgreSQL database holding the seeded demo county; returns its connection string.</summary>
    public static async Task<string> CreatePostgresAsync(PostgresServer server) =>
        await server.CreateDatabaseAsync("gk", template: await PostgresDatabase.Value);

    /// <summary>Deletes the SQLite template folder if this run built one (at the end of the run, see <see cref="TestRunCleanup"/>).</summary>
    public static void DeleteSqliteTemplate()
    {
        if (SqliteFolder.IsValueCreated && SqliteFolder.Value.IsCompletedSuccessfully) TempFolders.Delete(SqliteFolder.Value.Result);
    }

    private static async Task<string> BuildSqliteAsync()
    {
        var folder = TempFolders.Create("gongkai-template");
        // Deleted at the end of the run (TestRunCleanup) or when the process exits; if it is killed, the next run sweeps it (TempFolders).
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TempFolders.Delete(folder);
        await SeedAsync(DatabaseProvider.sqlite, folder, null);
        SqliteConnection.ClearAllPools();
        return folder;
    }

    private static async Task<string> BuildPostgresAsync()
    {
        var server = await PostgresServer.SharedAsync();
        var connection = await server.CreateDatabaseAsync("gk_template");
        await SeedAsync(DatabaseProvider.postgres, Path.GetTempPath(), connection);
        NpgsqlConnection.ClearAllPools(); // a template database must have no open connections
        return new NpgsqlConnectionStringBuilder(connection).Database!;
    }

    private static async Task SeedAsync(DatabaseProvider provider, string dataDir, string? connection)
    {
        var settings = GongkaiAppFactory.SettingsFor(provider, dataDir, connection);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGongkaiCore(configuration);
        await using var provider_ = services.BuildServiceProvider();
        await using var scope = provider_.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MigrateDatabase>().RunAsync();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().RunAsync();
    }

    private static void CopyFolder(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source).Where(f => Path.GetFileName(f) != TempFolders.OwnerFile))
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        foreach (var dir in Directory.EnumerateDirectories(source))
            CopyFolder(dir, Path.Combine(target, Path.GetFileName(dir)));
    }
}
