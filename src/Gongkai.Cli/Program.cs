using System.CommandLine;

var root = new RootCommand("gongkai — 政府信息公开平台命令行工具");
root.Subcommands.Add(Gongkai.Cli.Reporting.ReportCommand.Create());
return await root.Parse(args).InvokeAsync();
