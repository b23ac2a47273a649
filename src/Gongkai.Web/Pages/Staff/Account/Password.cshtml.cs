using Gongkai.Data;
using Gongkai.Staff;
using Gongkai.Web.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Account;

public sealed class PasswordModel(UserManager<StaffUser> users, SignInManager<StaffUser> signIn, CurrentStaff staff, GongkaiDb db) : PageModel
{
    public sealed class InputModel
    {
        public string? Current { get; set; }
        public string? New { get; set; }
        public string? Confirm { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrEmpty(Input.Current)) ModelState.AddModelError("Input.Current", "请填写当前密码。");
        if (string.IsNullOrEmpty(Input.New)) ModelState.AddModelError("Input.New", "请填写新密码。");
        else if (Input.New.Length > 100) ModelState.AddModelError("Input.New", "新密码不能超过 100 个字符。");
        else if (Input.New != Input.Confirm) ModelState.AddModelError("Input.Confirm", "两次输入的新密码不一致。");
        if (!ModelState.IsValid) return Page();

        var user = await users.FindByIdAsync(staff.UserId.ToString());
        if (user is null) return Challenge();
        // Recorded first so the user store's SaveChanges commits the new hash and the entry together.
        db.Audit.Record(staff.Actor, staff.AgencyId, "staff.change_password", $"StaffUser:{user.UserName}", "修改本人登录密码");
        var result = await users.ChangePasswordAsync(user, Input.Current!, Input.New!);
        if (!result.Succeeded)
        {
            db.ChangeTracker.Clear();
            foreach (var e in result.Errors)
                ModelState.AddModelError(e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Input.Current" : "Input.New", e.Description);
            return Page();
        }
        await signIn.RefreshSignInAsync(user);
        TempData["Notice"] = "密码已修改。";
        return Redirect("/staff");
    }
}
