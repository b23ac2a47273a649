using Gongkai.Data;

namespace Gongkai.Cli.Tests;

/// <summary>Runs the gongkai command in-process against a given database, capturing its output.</summary>
public sealed class CliRun(DatabaseProvider provider, string dataDir, string? connectionString = null)
{
    public string DataDir { get; } = dataDir;
    public string SqlitePath => Path.Combine(DataDir, DatabaseOptions.SqliteFileName);

    public static CliRun TempSqlite() => new(DatabaseProvider.sqlite, Path.Combine(Path.GetTempPath(), $"gongkai-cli-{Guid.NewGuid():N}"));

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
