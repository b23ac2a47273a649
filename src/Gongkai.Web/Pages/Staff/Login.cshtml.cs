using Gongkai.Data;
using Gongkai.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff;

public sealed class LoginModel(SignInManager<StaffUser> signIn, GongkaiDb db) : PageModel
{
    public sealed class InputModel
    {
        public string? UserName { get; set; }
        public string? Password { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var userName = Input.UserName?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(userName)) ModelState.AddModelError("Input.UserName", "请填写用户名。");
        if (string.IsNullOrEmpty(Input.Password)) ModelState.AddModelError("Input.Password", "请填写密码。");
        if (!ModelState.IsValid) return Page();

        var result = await signIn.PasswordSignInAsync(userName!, Input.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            var user = await signIn.UserManager.FindByNameAsync(userName!);
            db.Audit.Record(userName!, user?.AgencyId, "staff.login", $"StaffUser:{userName}", "登录工作平台");
            await db.SaveChangesAsync();
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/staff");
        }
        ModelState.AddModelError("", result.IsLockedOut
            ? $"该账号因连续输错密码已被锁定，请 {StaffAccountRules.LockoutDuration.TotalMinutes} 分钟后再试，或联系管理员解锁。"
            : "用户名或密码不正确，请重新输入。");
        return Page();
    }
}
