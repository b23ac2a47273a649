using Gongkai.Data;
using Gongkai.Demo;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Gongkai.Web;

/// <summary>
/// Embedded default: migrate on start and seed the demo county into an empty database.
/// PostgreSQL: refuse to start on an unmigrated database (migrations are an operator's step).
/// </summary>
public static class StartupDatabase
{
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<DatabaseOptions>();
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Gongkai.Startup");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var migrate = scope.ServiceProvider.GetRequiredService<MigrateDatabase>();
            if (options.Provider == DatabaseProvider.postgres)
            {
                var pending = await migrate.PendingAsync();
                if (pending.Count > 0)
                    throw new InvalidOperationException(
                        $"PostgreSQL 数据库尚未迁移（缺少 {pending.Count} 个迁移：{string.Join(", ", pending)}）。" +
                        "请先运行 gongkai db migrate。/ The PostgreSQL database is not migrated: run `gongkai db migrate` first.");
            }
            else
            {
                var applied = await migrate.RunAsync();
                if (applied.Count > 0) log.LogInformation("Applied {Count} migrations to {Path}", applied.Count, options.SqlitePath);
            }
        }

        var seeder = app.Services.GetRequiredService<DemoSeeder>();
        var seeded = false;
        if (options.Provider == DatabaseProvider.sqlite && options.SeedDemoOnFirstStart && !await seeder.IsSeededAsync())
        {
            log.LogInformation("Empty database: creating the demo county");
            await seeder.RunAsync();
            seeded = true;
        }

        app.Lifetime.ApplicationStarted.Register(() => PrintBanner(app, options, seeded));
    }

    private static void PrintBanner(WebApplication app, DatabaseOptions options, bool seeded)
    {
        var addresses = app.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var url = addresses.FirstOrDefault()?.TrimEnd('/') ?? "http://localhost:5000";
        var lines = new List<string>
        {
            "",
            "==== 公开 Gongkai ====",
            $"门户网站 Portal:   {url}/",
            $"工作人员 Staff:    {url}/staff",
            $"接口 API:          {url}/api",
            $"数据库 Database:   {(options.Provider == DatabaseProvider.sqlite ? options.SqlitePath : "PostgreSQL")}",
        };
        if (options.Provider == DatabaseProvider.sqlite)
        {
            lines.Add(seeded ? "已生成演示县（云溪县）。演示账号（密码相同，仅供演示）：" : "演示账号（若本库由演示数据生成；密码相同，仅供演示）：");
            lines.AddRange(DemoStaff.All.Select(u => $"  {u.UserName,-14} 密码 {DemoStaff.Password}  {Gongkai.Staff.StaffRoles.Label(u.Role)}" +
                $"（{DemoAgencies.County}{DemoAgencies.All.First(a => a.Code == u.AgencyCode).Name}）"));
        }
        lines.Add("");
        Console.WriteLine(string.Join(Environment.NewLine, lines));
    }
}
