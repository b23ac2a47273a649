using Gongkai.Staff;
using Gongkai.Web.Staff;
using Microsoft.AspNetCore.Authorization;

namespace Gongkai.Web.Pages.Staff.Calendar;

public static class CalendarPolicies
{
    /// <summary>Add or correct holiday-calendar years: the competent office (platform admins) only. Every staff member may view.</summary>
    public const string Edit = "calendar.edit";

    public static void Add(AuthorizationOptions o) => o.AddStaffPolicy(Edit, StaffRole.platform_admin);
}
