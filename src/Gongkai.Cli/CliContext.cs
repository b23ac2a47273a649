using System.CommandLine;
using Gongkai.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Gongkai.Cli;

/// <summary>
/// Configuration and services for one CLI invocation. Reads the same sources as the web host:
/// appsettings.json (next to the binary, then in the current folder), environment variables
/// (<c>Database__DataDir</c>, <c>ConnectionStrings__Gongkai</c> …), then <c>--data-dir</c>.
/// </summary>
public sealed class CliContext(TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?>? settings)
{
    public static readonly Option<string?> DataDirOption = new("--data-dir")
    {
        Description = "嵌入式数据库（SQLite）所在文件夹，覆盖 Database:DataDir 设置",
        Recursive = true,
    };

    public TextWriter Out { get; } = output;
    public TextWriter Error { get; } = error;

    /// <summary>The real terminal (live progress bars) when writing to stdout; plain text when output is captured.</summary>
    public IAnsiConsole Console => ReferenceEquals(Out, System.Console.Out)
        ? AnsiConsole.Console
        : AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Out), Interactive = InteractionSupport.No, Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors,
        });

    public IConfiguration Configuration(ParseResult parse)
    {
        var builder = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables();
        if (settings is not null) builder.AddInMemoryCollection(settings);
        if (parse.GetValue(DataDirOption) is { Length: > 0 } dir)
            builder.AddInMemoryCollection([new($"{DatabaseOptions.Section}:DataDir", dir)]);
        return builder.Build();
    }

    public ServiceProvider Services(ParseResult parse)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGongkaiCore(Configuration(parse));
        var provider = services.BuildServiceProvider();
        provider.GetRequiredService<DatabaseOptions>(); // validates now, so a bad setting is reported before any work
        return provider;
    }

    /// <summary>Runs <paramref name="body"/> in a scope; configuration errors become a message and exit code 2.</summary>
    public async Task<int> RunAsync(ParseResult parse, Func<IServiceProvider, Task<int>> body)
    {
        ServiceProvider provider;
        try
        {
            provider = Services(parse);
        }
        catch (InvalidOperationException e)
        {
            await Error.WriteLineAsync($"配置错误：{e.Message}");
            return 2;
        }
        await using (provider)
        {
            await using var scope = provider.CreateAsyncScope();
            return await body(scope.ServiceProvider);
        }
    }

    /// <summary>Actor recorded in the audit log for CLI writes.</summary>
    public static string Actor => $"cli:{Environment.UserName}";

    public async Task<int> FailAsync(IEnumerable<Gongkai.Common.Error> errors)
    {
        foreach (var e in errors) await Error.WriteLineAsync($"错误：{e.Message}");
        return 1;
    }
}
