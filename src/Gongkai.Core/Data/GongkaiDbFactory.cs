using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Gongkai.Data;

/// <summary>Builds DbContext options for the configured provider; shared by the DI registration and tests.</summary>
public static class GongkaiDbOptions
{
    public static void Configure(DbContextOptionsBuilder builder, DatabaseOptions database)
    {
        switch (database.Provider)
        {
            case DatabaseProvider.sqlite:
                Directory.CreateDirectory(database.FullDataDir);
                builder.UseSqlite($"Data Source={database.SqlitePath};Foreign Keys=True").AddInterceptors(SqlitePragmas.Instance);
                break;
            case DatabaseProvider.postgres:
                builder.UseNpgsql(database.ConnectionString);
                break;
        }
        // Migrations are written by hand and there is no model snapshot, so EF cannot diff the
        // model itself; MigrationSchemaTests compares migrated and model-created schemas instead.
        builder.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }
}
