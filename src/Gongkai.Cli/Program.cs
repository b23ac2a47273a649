using Gongkai.Cli;

return await CliApp.RunAsync(args);
