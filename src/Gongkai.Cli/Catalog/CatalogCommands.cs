using System.CommandLine;
using Gongkai.Catalog;
using Gongkai.Catalog.Import;
using Gongkai.Data;
using Gongkai.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli.Catalog;

public static class CatalogCommands
{
    public static Command Build(CliContext cli)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "UTF-8 编码的 CSV 文件（第一行为列名）" };
        var agency = new Option<string>("--agency") { Description = "导入到哪个机关（机关代码）", Required = true };
        var import = new Command("import", "导入既有的政府信息公开目录（有任何一行错误则整批不导入）") { file, agency };
        import.SetAction((parse, ct) => cli.RunAsync(parse, async services =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                await cli.Error.WriteLineAsync($"错误：找不到文件 {path.FullName}");
                return 1;
            }
            var code = parse.GetValue(agency)!.Trim().ToLowerInvariant();
            var db = services.GetRequiredService<GongkaiDb>();
            var agencyId = await db.Agencies.Where(a => a.Code == code).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct);
            if (agencyId is null)
            {
                await cli.Error.WriteLineAsync($"错误：找不到代码为“{code}”的机关（gongkai agencies list 可列出全部机关）。");
                return 1;
            }
            await using var stream = path.OpenRead();
            var started = DateTime.UtcNow;
            var outcome = await services.GetRequiredService<ImportCatalog>().RunAsync(CatalogActor.System(CliContext.Actor, agencyId.Value), code, stream, null, ct);
            if (outcome.Problems.Count > 0)
            {
                await cli.Error.WriteLineAsync($"文件有错误，未导入任何数据。请改正以下问题后重新导入：");
                foreach (var p in outcome.Problems) await cli.Error.WriteLineAsync("  " + p);
                return 1;
            }
            await cli.Out.WriteLineAsync($"已导入 {outcome.Imported} 条政府信息，并分配索引号（用时 {(DateTime.UtcNow - started).TotalSeconds:0.0} 秒）。");
            return 0;
        }));

        var reindex = new Command("reindex", "重建全文检索索引");
        reindex.SetAction((parse, ct) => cli.RunAsync(parse, async services =>
        {
            await services.GetRequiredService<CatalogSearchIndex>().RebuildAsync(ct);
            await cli.Out.WriteLineAsync("全文检索索引已重建。");
            return 0;
        }));
        return new Command("catalog", "政府信息公开目录") { import, reindex };
    }
}
