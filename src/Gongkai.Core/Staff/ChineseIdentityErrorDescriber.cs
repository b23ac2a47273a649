using Microsoft.AspNetCore.Identity;

namespace Gongkai.Staff;

/// <summary>Identity's messages in Chinese, since users read them on forms and in the CLI.</summary>
public sealed class ChineseIdentityErrorDescriber : IdentityErrorDescriber
{
    private static IdentityError E(string code, string message) => new() { Code = code, Description = message };

    public override IdentityError DefaultError() => E(nameof(DefaultError), "操作未能完成，请稍后重试。");
    public override IdentityError ConcurrencyFailure() => E(nameof(ConcurrencyFailure), "该账号刚被其他人修改过，请刷新后重试。");
    public override IdentityError PasswordMismatch() => E(nameof(PasswordMismatch), "当前密码不正确。");
    public override IdentityError InvalidToken() => E(nameof(InvalidToken), "链接已失效，请重新操作。");
    public override IdentityError LoginAlreadyAssociated() => E(nameof(LoginAlreadyAssociated), "该外部登录已关联其他账号。");
    public override IdentityError InvalidUserName(string? userName) =>
        E(nameof(InvalidUserName), $"用户名“{userName}”无效：只能使用小写字母、数字、连字符、点和下划线。");
    public override IdentityError InvalidEmail(string? email) => E(nameof(InvalidEmail), "电子邮箱格式不正确。");
    public override IdentityError DuplicateUserName(string userName) => E(nameof(DuplicateUserName), $"用户名“{userName}”已被使用，请换一个。");
    public override IdentityError DuplicateEmail(string email) => E(nameof(DuplicateEmail), "该电子邮箱已被使用。");
    public override IdentityError UserAlreadyHasPassword() => E(nameof(UserAlreadyHasPassword), "该账号已设置密码。");
    public override IdentityError UserLockoutNotEnabled() => E(nameof(UserLockoutNotEnabled), "该账号未启用锁定功能。");
    public override IdentityError PasswordTooShort(int length) => E(nameof(PasswordTooShort), $"密码至少需要 {length} 个字符。");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        E(nameof(PasswordRequiresUniqueChars), $"密码至少需要包含 {uniqueChars} 个不同的字符。");
    public override IdentityError PasswordRequiresNonAlphanumeric() => E(nameof(PasswordRequiresNonAlphanumeric), "密码至少需要包含一个符号。");
    public override IdentityError PasswordRequiresDigit() => E(nameof(PasswordRequiresDigit), "密码至少需要包含一个数字。");
    public override IdentityError PasswordRequiresLower() => E(nameof(PasswordRequiresLower), "密码至少需要包含一个小写字母。");
    public override IdentityError PasswordRequiresUpper() => E(nameof(PasswordRequiresUpper), "密码至少需要包含一个大写字母。");
}
