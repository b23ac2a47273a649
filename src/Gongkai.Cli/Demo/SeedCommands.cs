using System.CommandLine;
using Gongkai.Data;
using Gongkai.Demo;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Gongkai.Cli.Demo;

public static class SeedCommands
{
    public static Command Build(CliContext cli)
    {
        var demo = new Command("demo", "迁移数据库并生成演示县（云溪县）的机关、账号等演示数据");
        demo.SetAction((parse, ct) => cli.RunAsync(parse, async services =>
        {
            if (await DemoKeyProblemAsync(cli, services)) return 1;
            await services.GetRequiredService<MigrateDatabase>().RunAsync(ct);
            var seeder = services.GetRequiredService<DemoSeeder>();
            if (await seeder.IsSeededAsync(ct))
            {
                await cli.Error.WriteLineAsync("数据库中已有机关数据，未生成演示数据（演示数据只能写入空数据库）。");
                return 1;
            }
            IReadOnlyList<DemoLogin> logins = [];
            await cli.Console.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask("演示数据", maxValue: DemoSeeder.Steps.Count);
                logins = await seeder.RunAsync(new Progress<DemoProgress>(p =>
                {
                    task.Value = p.Done;
                    task.Description = $"演示数据：{p.Title}";
                }), ct);
                task.Value = DemoSeeder.Steps.Count;
            });
            await DemoLogins.PrintAsync(cli.Out, logins);
            return 0;
        }));
        return new Command("seed", "演示数据") { demo };
    }

    /// <summary>The demo's requests encrypt personal data: say so before writing anything when no key is configured.</summary>
    private static async Task<bool> DemoKeyProblemAsync(CliContext cli, IServiceProvider services)
    {
        try
        {
            services.GetRequiredService<Gongkai.Requests.PersonalDataProtector>();
            return false;
        }
        catch (InvalidOperationException)
        {
            await cli.Error.WriteLineAsync("错误：使用 PostgreSQL 时须先配置个人信息加密密钥 Requests:PersonalDataKey（32 字节随机数的 base64，如 openssl rand -base64 32），演示数据中的申请需要它。未写入任何数据。");
            return true;
        }
    }
}

public static class DemoLogins
{
    public static async Task PrintAsync(TextWriter output, IReadOnlyList<DemoLogin> logins)
    {
        await output.WriteLineAsync("演示账号（密码相同，仅供演示）：");
        foreach (var l in logins)
            await output.WriteLineAsync($"  {l.UserName,-14} 密码 {l.Password}  {l.Role}（{l.Agency}）");
    }
}
