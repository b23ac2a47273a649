using System.Text.RegularExpressions;
using Gongkai.Data;
using Gongkai.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli.Tests.Staff;

public class UserCommandTests
{
    [Fact]
    public async Task Users_add_prints_a_generated_password_that_signs_in_and_records_the_roles()
    {
        await using var cli = CliRun.TempSqlite();
        Assert.Equal(0, (await cli.RunAsync("seed", "demo")).ExitCode);

        var added = await cli.RunAsync("users", "add", "--agency", "mzj", "--role", "editor", "--role", "reviewer", "--user", "mzj.li");
        Assert.Equal(0, added.ExitCode);
        var password = Regex.Match(added.Out, "初始密码：(\\S+)").Groups[1].Value;
        Assert.Equal(16, password.Length);

        var services = new ServiceCollection().AddLogging();
        services.AddGongkaiCore(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Database:DataDir"] = cli.DataDir }).Build());
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByNameAsync("mzj.li");
        Assert.NotNull(user);
        Assert.True(await users.CheckPasswordAsync(user, password));
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
        Assert.Equal([StaffRole.editor, StaffRole.reviewer], db.StaffUserRoles.Where(r => r.UserId == user.Id).Select(r => r.Role).OrderBy(r => r).ToList());
    }

    [Fact]
    public async Task Users_add_refuses_an_unknown_agency_and_a_taken_user_name()
    {
        await using var cli = CliRun.TempSqlite();
        await cli.RunAsync("seed", "demo");
        var unknown = await cli.RunAsync("users", "add", "--agency", "nope", "--role", "editor", "--user", "someone");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("找不到代码为“nope”的机关", unknown.Error);
        var taken = await cli.RunAsync("users", "add", "--agency", "jyj", "--role", "editor", "--user", "jyj.editor");
        Assert.Equal(1, taken.ExitCode);
        Assert.Contains("已被使用", taken.Error);
    }
}
