using Gongkai.Data;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Gongkai.Cli.Tests.Data;

public class DbMigrateCommandTests
{
    // Every feature adds its own migration class; the first run must apply all of them.
    private static readonly int AllMigrations =
        typeof(GongkaiDb).Assembly.GetTypes().Count(t => t.IsSubclassOf(typeof(Microsoft.EntityFrameworkCore.Migrations.Migration)));

    [Fact]
    public async Task Migrate_creates_an_empty_sqlite_database_in_wal_mode_and_a_second_run_changes_nothing()
    {
        await using var cli = CliRun.TempSqlite();
        var first = await cli.RunAsync("db", "migrate");
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("已应用迁移 20261123000001_Agencies", first.Out);
        var schema = await SchemaSnapshot.ReadSqliteAsync(cli.SqlitePath);
        var history = await ScalarAsync(cli.SqlitePath, "SELECT count(*) FROM __EFMigrationsHistory");

        var second = await cli.RunAsync("db", "migrate");

        Assert.Equal(0, second.ExitCode);
        Assert.Contains("无需迁移", second.Out);
        Assert.Equal(schema, await SchemaSnapshot.ReadSqliteAsync(cli.SqlitePath));
        Assert.Equal(history, await ScalarAsync(cli.SqlitePath, "SELECT count(*) FROM __EFMigrationsHistory"));
        Assert.Equal("wal", await ScalarAsync(cli.SqlitePath, "PRAGMA journal_mode"));
    }

    [Fact]
    public async Task Migrate_on_an_empty_postgres_database_applies_everything_and_a_second_run_changes_nothing()
    {
        var server = await PostgresServer.SharedAsync();
        if (!server.RequireOrReport(nameof(DbMigrateCommandTests))) return;
        var connection = await server.CreateDatabaseAsync("cli_migrate");
        var cli = new CliRun(DatabaseProvider.postgres, "/nonexistent", connection);

        var first = await cli.RunAsync("db", "migrate");
        Assert.Equal(0, first.ExitCode);
        Assert.Contains($"共应用 {AllMigrations} 个迁移", first.Out);
        var schema = await SchemaSnapshot.ReadPostgresAsync(connection);

        var second = await cli.RunAsync("db", "migrate");
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("无需迁移", second.Out);
        Assert.Equal(schema, await SchemaSnapshot.ReadPostgresAsync(connection));
    }

    [Fact]
    public async Task Postgres_without_a_connection_string_is_a_clear_configuration_error()
    {
        var result = await new CliRun(DatabaseProvider.postgres, "/nonexistent", null).RunAsync("db", "migrate");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("ConnectionStrings:Gongkai", result.Error);
    }

    private static async Task<string> ScalarAsync(string path, string sql)
    {
        await using var c = new SqliteConnection($"Data Source={path};Pooling=False");
        await c.OpenAsync();
        await using var command = c.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync())!;
    }
}
