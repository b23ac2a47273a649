using System.CommandLine;

namespace Gongkai.Cli.Reporting;

/// <summary>The <c>gongkai report</c> command group; the report builder adds its verbs here too.</summary>
public static class ReportCommand
{
    public static Command Create(CliContext? cli = null)
    {
        var report = new Command("report", "政府信息公开工作年度报告");
        report.Subcommands.Add(ReadReportVerb.Create());
        if (cli is not null) report.Subcommands.Add(GenerateReportVerb.Create(cli));
        return report;
    }
}
