using Gongkai.Agencies;
using Gongkai.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli.Tests.Requests;

public sealed class RequestCommandsTests : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "gongkai-cli-req-" + Guid.NewGuid().ToString("N"));
    private Dictionary<string, string?> Settings => new()
    {
        ["Database:Provider"] = "sqlite", ["Database:DataDir"] = _dir,
        ["Requests:PersonalDataKey"] = "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=",
    };

    private async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error, Settings);
        return (code, output.ToString(), error.ToString());
    }

    private ServiceProvider Core()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGongkaiCore(new ConfigurationBuilder().AddInMemoryCollection(Settings).Build());
        return services.BuildServiceProvider();
    }

    public async Task InitializeAsync()
    {
        Assert.Equal(0, (await Run("db", "migrate")).Code);
        await using var core = Core();
        await using var scope = core.CreateAsyncScope();
        var added = await scope.ServiceProvider.GetRequiredService<AddAgency>().RunAsync(new AgencyDetails
            { Code = "xzf", Name = "示范县人民政府", CreditCode = CreditCode.Complete("11439901004310001"), Kind = AgencyKind.government }, "test");
        Assert.True(added.Succeeded);
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, true); } catch (IOException) { }
        return Task.CompletedTask;
    }

    private async Task<int> CountAsync()
    {
        await using var core = Core();
        await using var scope = core.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GongkaiDb>().DisclosureRequests.CountAsync();
    }

    private string Csv(string body)
    {
        var path = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, "received_on,channel,applicant_type,applicant_name,description,result,decided_on,extended\n" + body);
        return path;
    }

    [Fact]
    public async Task A_file_with_a_bad_line_imports_nothing_and_names_the_line()
    {
        var path = Csv("2024-03-01,online,natural_person,张三,描述,result.granted,2024-03-05,false\n2024-03-02,fax,robot,李四,描述,,,false\n");
        var (code, _, err) = await Run("requests", "import", path, "--agency", "xzf");
        Assert.Equal(1, code);
        Assert.Contains("第 3 行", err);
        Assert.Contains("applicant_type", err);
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task A_good_file_imports_every_line()
    {
        var path = Csv("2024-03-01,online,natural_person,张三,描述,result.granted,2024-03-05,false\n2024-12-30,letter,legal_person.other,某协会,描述,,,true\n");
        var (code, output, _) = await Run("requests", "import", path, "--agency", "xzf");
        Assert.Equal(0, code);
        Assert.Contains("已导入 2 件", output);
        Assert.Equal(2, await CountAsync());
    }

    [Fact]
    public async Task An_unknown_agency_is_reported()
    {
        var (code, _, err) = await Run("requests", "import", Csv("2024-03-01,online,natural_person,张三,描述,,,false\n"), "--agency", "nope");
        Assert.Equal(1, code);
        Assert.Contains("找不到代码为“nope”的机关", err);
    }
}
