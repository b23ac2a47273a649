using Gongkai.Data;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace Gongkai.Web.Tests.Data;

public class StartupDatabaseTests
{
    [Fact]
    public async Task The_web_host_refuses_to_start_on_an_unmigrated_postgres_database_and_says_to_run_db_migrate()
    {
        var server = await PostgresServer.SharedAsync();
        if (!server.RequireOrReport(nameof(StartupDatabaseTests))) return;
        var connection = await server.CreateDatabaseAsync("unmigrated");
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");
            b.ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = nameof(DatabaseProvider.postgres), ["ConnectionStrings:Gongkai"] = connection,
            }));
        });
        var e = Assert.Throws<InvalidOperationException>(() => factory.Server);
        Assert.Contains("gongkai db migrate", e.Message);
    }

    [Fact]
    public async Task The_embedded_default_creates_its_database_in_the_data_folder_and_seeds_the_demo_county()
    {
        await using var app = new GongkaiAppFactory(DatabaseProvider.sqlite, seedOnStart: true);
        await ((IAsyncLifetime)app).InitializeAsync();
        Assert.True(File.Exists(Path.Combine(app.DataDir, DatabaseOptions.SqliteFileName)));
        Assert.Contains("云溪县教育局", await app.Anonymous().GetStringAsync("/"));
    }
}
