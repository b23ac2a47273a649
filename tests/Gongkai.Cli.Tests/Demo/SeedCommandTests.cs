using Gongkai.Demo;

namespace Gongkai.Cli.Tests.Demo;

public class SeedCommandTests
{
    [Fact]
    public async Task Seed_demo_creates_the_county_prints_every_login_and_refuses_to_run_twice()
    {
        var cli = CliRun.TempSqlite();
        var first = await cli.RunAsync("seed", "demo");
        Assert.Equal(0, first.ExitCode);
        foreach (var user in DemoStaff.All) Assert.Contains(user.UserName, first.Out);
        Assert.Contains($"共 {DemoAgencies.All.Length} 个机关", (await cli.RunAsync("agencies", "list")).Out);

        var second = await cli.RunAsync("seed", "demo");
        Assert.Equal(1, second.ExitCode);
        Assert.Contains("已有机关数据", second.Error);
    }
}
