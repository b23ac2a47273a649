using System.CommandLine;
using Gongkai.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli.Data;

public static class DbCommands
{
    public static Command Build(CliContext cli)
    {
        var migrate = new Command("migrate", "创建或升级数据库结构（可重复运行，已是最新时不做任何改动）");
        migrate.SetAction((parse, ct) => cli.RunAsync(parse, async services =>
        {
            var applied = await services.GetRequiredService<MigrateDatabase>().RunAsync(ct);
            var db = services.GetRequiredService<DatabaseOptions>();
            var where = db.Provider == DatabaseProvider.sqlite ? db.SqlitePath : "PostgreSQL";
            if (applied.Count == 0) await cli.Out.WriteLineAsync($"数据库已是最新（{where}），无需迁移。");
            else
            {
                foreach (var id in applied) await cli.Out.WriteLineAsync($"已应用迁移 {id}");
                await cli.Out.WriteLineAsync($"共应用 {applied.Count} 个迁移（{where}）。");
            }
            return 0;
        }));
        return new Command("db", "数据库") { migrate };
    }
}
