using Gongkai.Staff;
using Gongkai.Web.Staff;
using Microsoft.AspNetCore.Authorization;

namespace Gongkai.Web.Pages.Staff.Agencies;

public static class AgencyPolicies
{
    /// <summary>Add agencies to the tree: the competent office only.</summary>
    public const string Manage = "agencies.manage";
    /// <summary>Edit an agency's details: platform admins (any agency) and agency admins (their own, checked with CurrentStaff.CanAccess).</summary>
    public const string Edit = "agencies.edit";

    public static void Add(AuthorizationOptions o)
    {
        o.AddStaffPolicy(Manage, StaffRole.platform_admin);
        o.AddStaffPolicy(Edit, StaffRole.platform_admin, StaffRole.agency_admin);
    }
}
