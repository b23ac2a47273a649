using Gongkai.Data;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Data;

/// <summary>
/// Migrations are hand-written (no EF model snapshot), so this is what catches a forgotten column,
/// index or foreign key: the schema the migrations build must equal the one EF builds from the model.
/// </summary>
public class MigrationSchemaTests
{
    [Fact]
    public async Task Sqlite_migrations_build_exactly_the_schema_of_the_model()
    {
        var migrated = Path.Combine(Path.GetTempPath(), $"gongkai-schema-{Guid.NewGuid():N}");
        var created = Path.Combine(Path.GetTempPath(), $"gongkai-schema-{Guid.NewGuid():N}");
        try
        {
            await BuildAsync(Settings(DatabaseProvider.sqlite, migrated, null), migrate: true);
            await BuildAsync(Settings(DatabaseProvider.sqlite, created, null), migrate: false);
            var expected = await SchemaSnapshot.ReadSqliteAsync(Path.Combine(created, DatabaseOptions.SqliteFileName));
            var actual = await SchemaSnapshot.ReadSqliteAsync(Path.Combine(migrated, DatabaseOptions.SqliteFileName));
            Assert.NotEmpty(expected);
            Assert.Equal(expected, actual);
        }
        finally
        {
            foreach (var d in new[] { migrated, created }) try { Directory.Delete(d, true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task Postgres_migrations_build_exactly_the_schema_of_the_model()
    {
        var server = await PostgresServer.SharedAsync();
        if (!server.RequireOrReport(nameof(Postgres_migrations_build_exactly_the_schema_of_the_model))) return;
        var migrated = await server.CreateDatabaseAsync("schema_m");
        var created = await server.CreateDatabaseAsync("schema_c");
        await BuildAsync(Settings(DatabaseProvider.postgres, "/nonexistent", migrated), migrate: true);
        await BuildAsync(Settings(DatabaseProvider.postgres, "/nonexistent", created), migrate: false);
        var expected = await SchemaSnapshot.ReadPostgresAsync(created);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, await SchemaSnapshot.ReadPostgresAsync(migrated));
    }

    private static Dictionary<string, string?> Settings(DatabaseProvider provider, string dataDir, string? connection) => new()
    {
        ["Database:Provider"] = provider.ToString(), ["Database:DataDir"] = dataDir, ["ConnectionStrings:Gongkai"] = connection,
    };

    private static async Task BuildAsync(Dictionary<string, string?> settings, bool migrate)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddGongkaiCore(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        if (migrate) await scope.ServiceProvider.GetRequiredService<MigrateDatabase>().RunAsync();
        else await scope.ServiceProvider.GetRequiredService<GongkaiDb>().Database.EnsureCreatedAsync();
    }
}
