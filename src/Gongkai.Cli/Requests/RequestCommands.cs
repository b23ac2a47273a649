using System.CommandLine;
using System.Text;
using Gongkai.Requests;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli.Requests;

public static class RequestCommands
{
    public static Command Build(CliContext cli)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "台账 CSV 文件（UTF-8，首行为表头）" };
        var agency = new Option<string>("--agency") { Description = "机关代码，如 jyj", Required = true };
        var import = new Command("import", "导入依申请公开台账；任何一行有误则整份不导入，并按行号列出错误") { file, agency };
        import.SetAction((parse, ct) => cli.RunAsync(parse, async services =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                await cli.Error.WriteLineAsync($"找不到文件：{path.FullName}");
                return 2;
            }
            using var reader = new StreamReader(path.FullName, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            var (imported, errors) = await services.GetRequiredService<ImportRegister>().RunAsync(parse.GetValue(agency)!, reader, "cli:requests-import", ct);
            if (errors.Count > 0)
            {
                await cli.Error.WriteLineAsync($"未导入：共 {errors.Count} 处错误，请修改后重新导入。");
                foreach (var e in errors) await cli.Error.WriteLineAsync(e.Line > 0 ? $"第 {e.Line} 行：{e.Message}" : e.Message);
                return 1;
            }
            await cli.Out.WriteLineAsync($"已导入 {imported} 件申请。");
            return 0;
        }));
        return new Command("requests", "依申请公开") { import };
    }
}
