using Gongkai.Common;
using Gongkai.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Staff;

/// <summary>Creates a staff login in an agency with the given roles and a generated (or given) password.</summary>
public sealed class AddStaffUser(GongkaiDb db, UserManager<StaffUser> users)
{
    public sealed record Input(string AgencyCode, string UserName, string? DisplayName, IReadOnlyCollection<StaffRole> Roles, string? Password = null);

    public sealed record Created(StaffUser User, string Password);

    public async Task<Result<Created>> RunAsync(Input input, string actor, CancellationToken ct = default)
    {
        var errors = new List<Error>();
        var userName = (input.UserName ?? "").Trim().ToLowerInvariant();
        if (userName.Length is < 2 or > 40)
            errors.Add(new Error("invalid", "用户名应为 2 到 40 个字符。", nameof(Input.UserName)));
        var displayName = TextRules.Check(errors, nameof(Input.DisplayName), "姓名或称谓", input.DisplayName, 40, false) ?? userName;
        if (input.Roles.Count == 0) errors.Add(new Error("required", "请至少选择一个角色。", nameof(Input.Roles)));

        var agency = await db.Agencies.AsNoTracking().Where(a => a.Code == input.AgencyCode)
            .Select(a => new { a.Id, a.Name }).FirstOrDefaultAsync(ct);
        if (agency is null) errors.Add(new Error("not_found", $"找不到代码为“{input.AgencyCode}”的机关。", nameof(Input.AgencyCode)));
        if (errors.Count > 0) return Result<Created>.Fail(errors);

        var user = new StaffUser
        {
            Id = Guid.NewGuid(), UserName = userName, AgencyId = agency!.Id, DisplayName = displayName,
            Roles = input.Roles.Distinct().Select(r => new StaffUserRole { Role = r }).ToList(),
        };
        var password = input.Password ?? StaffAccountRules.GeneratePassword();
        var roles = string.Join("、", input.Roles.Distinct().Select(StaffRoles.Label));
        // Recorded before CreateAsync: the user store's SaveChanges writes user, roles and entry together.
        db.Audit.Record(actor, agency.Id, "staff.add", $"StaffUser:{userName}", $"在“{agency.Name}”新增工作人员账号 {userName}（{roles}）");
        IdentityResult result;
        try
        {
            result = await users.CreateAsync(user, password);
        }
        catch (DbUpdateException)
        {
            // Another admin created the same user name between the store's duplicate check and its write.
            db.ChangeTracker.Clear();
            return new Error("DuplicateUserName", $"用户名“{userName}”刚被他人同时新增的账号使用，本账号没有创建。请换一个用户名。", nameof(Input.UserName));
        }
        if (!result.Succeeded)
        {
            db.ChangeTracker.Clear();
            return Result<Created>.Fail(result.Errors.Select(e => new Error(e.Code, e.Description,
                e.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(Input.Password) : nameof(Input.UserName))).ToList());
        }
        return Result<Created>.Ok(new Created(user, password));
    }
}
