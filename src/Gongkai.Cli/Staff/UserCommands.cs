using System.CommandLine;
using Gongkai.Staff;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli.Staff;

public static class UserCommands
{
    public static Command Build(CliContext cli)
    {
        var agency = new Option<string>("--agency") { Description = "所属机关代码", Required = true };
        var role = new Option<string[]>("--role") { Description = "角色（可重复）", Required = true, AllowMultipleArgumentsPerToken = true };
        role.AcceptOnlyFromAmong(Enum.GetNames<StaffRole>());
        var user = new Option<string>("--user") { Description = "登录用户名", Required = true };
        var display = new Option<string?>("--name") { Description = "显示名称（如 教育局采编）" };

        var add = new Command("add", "新增工作人员账号并显示生成的初始密码") { agency, role, user, display };
        add.SetAction((parse, ct) => cli.RunAsync(parse, async services =>
        {
            var roles = parse.GetValue(role)!.Select(Enum.Parse<StaffRole>).ToList();
            var result = await services.GetRequiredService<AddStaffUser>().RunAsync(
                new AddStaffUser.Input(parse.GetValue(agency)!, parse.GetValue(user)!, parse.GetValue(display), roles),
                CliContext.Actor, ct);
            if (!result.Succeeded) return await cli.FailAsync(result.Errors);
            await cli.Out.WriteLineAsync($"已创建账号 {result.Value.User.UserName}（{string.Join("、", roles.Select(StaffRoles.Label))}）");
            await cli.Out.WriteLineAsync($"初始密码：{result.Value.Password}");
            await cli.Out.WriteLineAsync("请将密码当面或以安全方式交给本人，并提醒其登录后修改密码。");
            return 0;
        }));
        return new Command("users", "工作人员账号") { add };
    }
}
