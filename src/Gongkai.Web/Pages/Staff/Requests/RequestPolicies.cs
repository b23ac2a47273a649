using Gongkai.Requests;
using Gongkai.Staff;
using Gongkai.Web.Staff;
using Microsoft.AspNetCore.Authorization;

namespace Gongkai.Web.Pages.Staff.Requests;

public static class RequestPolicies
{
    /// <summary>The request pages: every staff role may look (their own agency only, checked per request in Core).</summary>
    public const string View = "requests.view";

    public static void Add(AuthorizationOptions o) => o.AddStaffPolicy(View, Enum.GetValues<StaffRole>());

    public static StaffActor Actor(this CurrentStaff staff) => new(staff.UserId, staff.UserName, staff.AgencyId, staff.Roles);
}
