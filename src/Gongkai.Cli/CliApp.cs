using System.CommandLine;
using Gongkai.Cli.Agencies;
using Gongkai.Cli.Audit;
using Gongkai.Cli.Calendar;
using Gongkai.Cli.Reporting;
using Gongkai.Cli.Catalog;
using Gongkai.Cli.Data;
using Gongkai.Cli.Demo;
using Gongkai.Cli.Staff;

namespace Gongkai.Cli;

/// <summary>The <c>gongkai</c> command tree; one line per feature.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var context = new CliContext(output ?? Console.Out, error ?? Console.Error, settings);
        var root = new RootCommand("gongkai — 政府信息公开平台命令行工具") { CliContext.DataDirOption };
        root.Subcommands.Add(DbCommands.Build(context));
        root.Subcommands.Add(AgencyCommands.Build(context));
        root.Subcommands.Add(UserCommands.Build(context));
        root.Subcommands.Add(AuditCommands.Build(context));
        root.Subcommands.Add(SeedCommands.Build(context));
        root.Subcommands.Add(CalendarCommands.Build(context));
        root.Subcommands.Add(CatalogCommands.Build(context));
        root.Subcommands.Add(ReportCommand.Create(context));
        return await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = context.Out, Error = context.Error });
    }
}
