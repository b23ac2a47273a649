using Gongkai.Staff;

namespace Gongkai.Demo;

/// <summary>One login per role: the platform admin in the government office, the others in the education bureau.</summary>
public sealed class DemoStaff : IDemoStep
{
    /// <summary>Shared by every demo login so the README can list it. Demo data only.</summary>
    public const string Password = "GongkaiDemo2026";

    public string Title => "工作人员账号";

    public static readonly (string UserName, string DisplayName, string AgencyCode, StaffRole Role)[] All =
    [
        ("admin", "县政务公开办", "bgs", StaffRole.platform_admin),
        ("jyj.admin", "教育局管理员", "jyj", StaffRole.agency_admin),
        ("jyj.editor", "教育局采编", "jyj", StaffRole.editor),
        ("jyj.reviewer", "教育局审核", "jyj", StaffRole.reviewer),
        ("jyj.handler", "教育局依申请办理", "jyj", StaffRole.request_handler),
        ("jyj.head", "教育局公开工作机构负责人", "jyj", StaffRole.office_head),
    ];

    public async Task RunAsync(DemoContext context, CancellationToken ct)
    {
        foreach (var (userName, displayName, agencyCode, role) in All)
        {
            // Each account gets its own scope-free call; the use case saves user, role and audit entry together.
            var result = await context.Get<AddStaffUser>().RunAsync(
                new AddStaffUser.Input(agencyCode, userName, displayName, [role], Password), DemoContext.Actor, ct);
            if (!result.Succeeded)
                throw new InvalidOperationException($"Demo user {userName}: {string.Join(" ", result.Errors.Select(e => e.Message))}");
            var agency = DemoAgencies.All.First(a => a.Code == agencyCode).Name;
            context.Logins.Add(new DemoLogin(userName, Password, StaffRoles.Label(role), DemoAgencies.County + agency));
        }
    }
}
