using System.CommandLine;
using Gongkai.Agencies;
using Gongkai.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli.Agencies;

public static class AgencyCommands
{
    public static Command Build(CliContext cli)
    {
        var code = new Option<string>("--code") { Description = "机关代码（用于网址，如 jyj）", Required = true };
        var name = new Option<string>("--name") { Description = "机关名称", Required = true };
        var credit = new Option<string>("--credit-code") { Description = "统一社会信用代码（18 位）", Required = true };
        var parent = new Option<string?>("--parent") { Description = "上级机关代码" };
        var kind = new Option<string>("--kind") { Description = "机关类型", DefaultValueFactory = _ => "department" };
        kind.AcceptOnlyFromAmong(Enum.GetNames<AgencyKind>());

        var add = new Command("add", "新增行政机关") { code, name, credit, parent, kind };
        add.SetAction((parse, ct) => cli.RunAsync(parse, async services =>
        {
            var result = await services.GetRequiredService<AddAgency>().RunAsync(new AgencyDetails
            {
                Code = parse.GetValue(code)!, Name = parse.GetValue(name)!, CreditCode = parse.GetValue(credit)!,
                ParentCode = parse.GetValue(parent), Kind = Enum.Parse<AgencyKind>(parse.GetValue(kind)!),
            }, CliContext.Actor, ct);
            if (!result.Succeeded) return await cli.FailAsync(result.Errors);
            await cli.Out.WriteLineAsync($"已新增机关：{result.Value.Name}（{result.Value.Code}）");
            return 0;
        }));

        var list = new Command("list", "列出全部行政机关");
        list.SetAction((parse, ct) => cli.RunAsync(parse, async services =>
        {
            var db = services.GetRequiredService<GongkaiDb>();
            var rows = await db.Agencies.AsNoTracking().OrderBy(a => a.SortOrder).ThenBy(a => a.Code)
                .Select(a => new { a.Code, a.Name, a.Kind, a.CreditCode, a.ParentId }).ToListAsync(ct);
            var codes = rows.ToDictionary(r => r.Code, r => r.Code);
            var byId = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Code, ct);
            foreach (var r in rows)
            {
                var parentCode = r.ParentId is { } p && byId.TryGetValue(p, out var pc) ? pc : "-";
                await cli.Out.WriteLineAsync($"{r.Code,-10}\t{r.Kind,-10}\t{r.CreditCode}\t{parentCode,-8}\t{r.Name}");
            }
            await cli.Out.WriteLineAsync($"共 {rows.Count} 个机关。");
            return 0;
        }));
        return new Command("agencies", "行政机关") { add, list };
    }
}
