using Gongkai.Staff;
using Gongkai.Web.Staff;
using Microsoft.AspNetCore.Authorization;

namespace Gongkai.Web.Pages.Staff.Audit;

public static class AuditPolicies
{
    /// <summary>Browse the whole audit log: the competent office only.</summary>
    public const string Browse = "audit.browse";

    public static void Add(AuthorizationOptions o) => o.AddStaffPolicy(Browse, StaffRole.platform_admin);
}
