using System.ComponentModel.DataAnnotations;

namespace Gongkai.Data;

public enum DatabaseProvider { sqlite, postgres }

/// <summary>
/// The "Database" configuration section. SQLite (embedded default) keeps its file in
/// <see cref="DataDir"/>; PostgreSQL takes <c>ConnectionStrings:Gongkai</c>.
/// </summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string ConnectionStringName = "Gongkai";
    public const string SqliteFileName = "gongkai.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.sqlite;

    [Required]
    public string DataDir { get; set; } = "./data";

    /// <summary>Copied from <c>ConnectionStrings:Gongkai</c>; required for PostgreSQL, ignored for SQLite.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Seed the demo county when the embedded database is created. Default on for SQLite only.</summary>
    public bool SeedDemoOnFirstStart { get; set; } = true;

    public string FullDataDir => Path.GetFullPath(DataDir);

    public string SqlitePath => Path.Combine(FullDataDir, SqliteFileName);

    public static DatabaseOptions From(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        var options = new DatabaseOptions();
        Bind(options, configuration);
        return options;
    }

    internal static void Bind(DatabaseOptions options, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        if (Enum.TryParse<DatabaseProvider>(section["Provider"], ignoreCase: true, out var provider)) options.Provider = provider;
        else if (!string.IsNullOrWhiteSpace(section["Provider"]))
            throw new InvalidOperationException($"Database:Provider must be 'sqlite' or 'postgres', not '{section["Provider"]}'.");
        if (!string.IsNullOrWhiteSpace(section["DataDir"])) options.DataDir = section["DataDir"]!;
        if (bool.TryParse(section["SeedDemoOnFirstStart"], out var seed)) options.SeedDemoOnFirstStart = seed;
        options.ConnectionString = configuration.GetSection("ConnectionStrings")[ConnectionStringName];
    }

    public void Validate()
    {
        if (Provider == DatabaseProvider.postgres && string.IsNullOrWhiteSpace(ConnectionString))
            throw new InvalidOperationException(
                "Database:Provider is 'postgres' but ConnectionStrings:Gongkai is empty. " +
                "Set it, e.g. ConnectionStrings__Gongkai='Host=...;Database=gongkai;Username=...;Password=...'.");
    }
}
