using Gongkai.Data;

namespace Gongkai.Cli.Tests;

/// <summary>
/// Runs the gongkai command in-process against a given database, capturing its output. Disposing a
/// <see cref="TempSqlite"/> run deletes its temp folder (<c>await using var cli = CliRun.TempSqlite();</c>).
/// </summary>
public sealed class CliRun(DatabaseProvider provider, string dataDir, string? connectionString = null) : IAsyncDisposable
{
    private bool _ownsDataDir;

    public string DataDir { get; } = dataDir;
    public string SqlitePath => Path.Combine(DataDir, DatabaseOptions.SqliteFileName);

    public static CliRun TempSqlite() =>
        new(DatabaseProvider.sqlite, Path.Combine(Path.GetTempPath(), $"gongkai-cli-{Guid.NewGuid():N}")) { _ownsDataDir = true };

    public ValueTask DisposeAsync()
    {
        if (!_ownsDataDir) return ValueTask.CompletedTask;
        // The command's SQLite connections stay pooled in this process; close them before deleting the files.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDir, recursive: true); }
        catch (DirectoryNotFoundException) { }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return ValueTask.CompletedTask;
    }

    public sealed record Output(int ExitCode, string Out, string Error)
    {
        public string All => Out + Error;
    }

    public async Task<Output> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:Gongkai"] = connectionString ?? "",
            // PostgreSQL installations must configure the personal-data key (the demo's requests need it).
            ["Requests:PersonalDataKey"] = provider == DatabaseProvider.postgres ? "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=" : null,
        };
        // The data folder goes through --data-dir, the option users pass.
        var code = await CliApp.RunAsync(["--data-dir", DataDir, .. args], output, error, settings);
        return new Output(code, output.ToString(), error.ToString());
    }
}
