using System.CommandLine;
using Gongkai.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli.Audit;

public static class AuditCommands
{
    public static Command Build(CliContext cli)
    {
        var verify = new Command("verify", "校验审计日志的哈希链，报告第一条被改动的记录");
        verify.SetAction((parse, ct) => cli.RunAsync(parse, async services =>
        {
            var outcome = await services.GetRequiredService<VerifyAuditChain>().RunAsync(ct);
            if (outcome.Ok)
            {
                await cli.Out.WriteLineAsync($"OK：审计日志完整，共校验 {outcome.EntriesChecked} 条记录。");
                return 0;
            }
            await cli.Error.WriteLineAsync($"BROKEN：审计日志第 {outcome.BrokenSequence} 条记录校验失败。{outcome.Problem}");
            return 1;
        }));
        return new Command("audit", "审计日志") { verify };
    }
}
