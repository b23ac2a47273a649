using Gongkai.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Core.Tests;

/// <summary>Core services over a migrated SQLite file in a temp folder, deleted on dispose.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"gongkai-core-{Guid.NewGuid():N}");

    public ServiceProvider Services { get; }

    private TestDatabase(TimeProvider? clock)
    {
        var services = new ServiceCollection().AddLogging();
        if (clock is not null) services.AddSingleton(clock);
        services.AddGongkaiCore(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Database:DataDir"] = _dir }).Build());
        Services = services.BuildServiceProvider();
    }

    public static async Task<TestDatabase> CreateAsync(TimeProvider? clock = null)
    {
        var db = new TestDatabase(clock);
        await using var scope = db.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MigrateDatabase>().RunAsync();
        return db;
    }

    /// <summary>A fresh scope's DbContext, as one web request or CLI command would get.</summary>
    public GongkaiDb NewDb() => Services.CreateScope().ServiceProvider.GetRequiredService<GongkaiDb>();

    public T Get<T>() where T : notnull => Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }
}
