using Gongkai.Data;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Gongkai.Cli.Tests.Audit;

public class AuditVerifyCommandTests
{
    [Fact]
    public async Task Verify_is_ok_on_the_demo_database_and_names_the_entry_altered_directly_in_sqlite()
    {
        await using var cli = CliRun.TempSqlite();
        await cli.RunAsync("seed", "demo");
        var ok = await cli.RunAsync("audit", "verify");
        Assert.Equal(0, ok.ExitCode);
        Assert.Contains("OK", ok.Out);

        await using (var c = new SqliteConnection($"Data Source={cli.SqlitePath};Pooling=False"))
        {
            await c.OpenAsync();
            await using var command = c.CreateCommand();
            // The append-only trigger is dropped first, as someone with direct database access could.
            command.CommandText = "DROP TRIGGER audit_entries_no_update; UPDATE audit_entries SET Summary = Summary || '（改）' WHERE Sequence = 7;";
            await command.ExecuteNonQueryAsync();
        }

        var broken = await cli.RunAsync("audit", "verify");
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("第 7 条记录校验失败", broken.Error);
    }

    [Fact]
    public async Task The_database_itself_refuses_to_update_audit_entries()
    {
        await using var cli = CliRun.TempSqlite();
        await cli.RunAsync("seed", "demo");
        await using var c = new SqliteConnection($"Data Source={cli.SqlitePath};Pooling=False");
        await c.OpenAsync();
        await using var command = c.CreateCommand();
        command.CommandText = "DELETE FROM audit_entries WHERE Sequence = 3";
        var e = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync());
        Assert.Contains("append-only", e.Message);
    }

    [Fact]
    public async Task Verify_names_the_entry_after_a_deleted_one_in_postgres()
    {
        var server = await PostgresServer.SharedAsync();
        if (!server.RequireOrReport(nameof(AuditVerifyCommandTests))) return;
        var connection = await server.CreateDatabaseAsync("cli_audit");
        var cli = new CliRun(DatabaseProvider.postgres, "/nonexistent", connection);
        await cli.RunAsync("db", "migrate");
        var seeded = await cli.RunAsync("seed", "demo");
        Assert.True(seeded.ExitCode == 0, seeded.Error);
        Assert.Equal(0, (await cli.RunAsync("audit", "verify")).ExitCode);

        await using (var c = new NpgsqlConnection(connection))
        {
            await c.OpenAsync();
            await using var refused = new NpgsqlCommand("DELETE FROM audit_entries WHERE \"Sequence\" = 4", c);
            await Assert.ThrowsAsync<PostgresException>(() => refused.ExecuteNonQueryAsync());
            await using var command = new NpgsqlCommand(
                "ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_no_update; DELETE FROM audit_entries WHERE \"Sequence\" = 4;", c);
            await command.ExecuteNonQueryAsync();
        }

        var broken = await cli.RunAsync("audit", "verify");
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("第 5 条记录校验失败", broken.Error);
        Assert.Contains("缺少第 4 条", broken.Error);
    }
}
