using Gongkai.Staff;
using Gongkai.Web.Staff;
using Microsoft.AspNetCore.Authorization;

namespace Gongkai.Web.Pages.Staff.Users;

public static class UserPolicies
{
    /// <summary>List and add staff logins: platform admins (any agency) and agency admins (their own).</summary>
    public const string Manage = "users.manage";

    public static void Add(AuthorizationOptions o) => o.AddStaffPolicy(Manage, StaffRole.platform_admin, StaffRole.agency_admin);
}
