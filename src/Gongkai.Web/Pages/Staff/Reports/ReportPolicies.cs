using Gongkai.Staff;
using Gongkai.Web.Staff;
using Microsoft.AspNetCore.Authorization;

namespace Gongkai.Web.Pages.Staff.Reports;

public static class ReportPolicies
{
    /// <summary>See the report, its checks and drill-down: any staff member of the agency.</summary>
    public const string View = "reports.view";

    /// <summary>Record inputs, edit the narrative, choose format and scope.</summary>
    public const string Edit = "reports.edit";

    /// <summary>Publish: the head of the disclosure office (or the competent office).</summary>
    public const string Publish = "reports.publish";

    public static void Add(AuthorizationOptions o)
    {
        o.AddStaffPolicy(View, Enum.GetValues<StaffRole>());
        o.AddStaffPolicy(Edit, StaffRole.office_head, StaffRole.agency_admin, StaffRole.platform_admin);
        o.AddStaffPolicy(Publish, StaffRole.office_head, StaffRole.platform_admin);
    }
}
