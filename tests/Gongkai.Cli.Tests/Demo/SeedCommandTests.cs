using Gongkai.Demo;

namespace Gongkai.Cli.Tests.Demo;

public class SeedCommandTests
{
    [Fact]
    public async Task Seed_demo_creates_the_county_prints_every_login_and_refuses_to_run_twice()
    {
        await using var cli = CliRun.TempSqlite();
        var first = await cli.RunAsync("seed", "demo");
        Assert.Equal(0, first.ExitCode);
        foreach (var user in DemoStaff.All) Assert.Contains(user.UserName, first.Out);
        Assert.Contains($"共 {DemoAgencies.All.Length} 个机关", (await cli.RunAsync("agencies", "list")).Out);

        var second = await cli.RunAsync("seed", "demo");
        Assert.Equal(1, second.ExitCode);
        Assert.Contains("已有机关数据", second.Error);
    }

    [Fact]
    public async Task Seed_demo_on_postgres_without_the_personal_data_key_explains_and_writes_nothing()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        // No database is reached: the key is checked before migrating.
        var code = await CliApp.RunAsync(["seed", "demo"], output, error, new Dictionary<string, string?>
        {
            ["Database:Provider"] = "postgres",
            ["ConnectionStrings:Gongkai"] = "Host=/nonexistent;Database=none",
        });
        Assert.Equal(1, code);
        Assert.Contains("Requests:PersonalDataKey", error.ToString());
        Assert.Contains("未写入任何数据", error.ToString());
    }
}
