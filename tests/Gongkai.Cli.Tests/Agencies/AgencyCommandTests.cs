using Gongkai.Agencies;

namespace Gongkai.Cli.Tests.Agencies;

public class AgencyCommandTests
{
    [Fact]
    public async Task Add_then_list_shows_the_agency_under_its_parent()
    {
        await using var cli = CliRun.TempSqlite();
        await cli.RunAsync("db", "migrate");
        var gov = await cli.RunAsync("agencies", "add", "--code", "xzf", "--name", "示例县人民政府",
            "--credit-code", CreditCode.Complete("11439901004310001"), "--kind", "government");
        Assert.Equal(0, gov.ExitCode);
        var dept = await cli.RunAsync("agencies", "add", "--code", "jyj", "--name", "示例县教育局",
            "--credit-code", CreditCode.Complete("11439901004310412"), "--parent", "xzf");
        Assert.Equal(0, dept.ExitCode);

        var list = await cli.RunAsync("agencies", "list");
        Assert.Matches(@"jyj\s+department\s+\S+\s+xzf\s+示例县教育局", list.Out);
        Assert.Contains("共 2 个机关", list.Out);
    }

    [Fact]
    public async Task A_wrong_credit_code_checksum_is_refused_in_chinese_and_nothing_is_saved()
    {
        await using var cli = CliRun.TempSqlite();
        await cli.RunAsync("db", "migrate");
        var bad = await cli.RunAsync("agencies", "add", "--code", "xzf", "--name", "示例县人民政府",
            "--credit-code", "11439901004310001A", "--kind", "government");
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("校验位不正确", bad.Error);
        Assert.Contains("共 0 个机关", (await cli.RunAsync("agencies", "list")).Out);
    }

    [Fact]
    public async Task An_unknown_kind_is_rejected_by_the_parser()
    {
        await using var cli = CliRun.TempSqlite();
        var bad = await cli.RunAsync("agencies", "add", "--code", "x", "--name", "x", "--credit-code", "x", "--kind", "ministry");
        Assert.NotEqual(0, bad.ExitCode);
    }
}
