using Gongkai.Requests;
using Gongkai.Staff;
using Gongkai.Web.Staff;
using Microsoft.AspNetCore.Authorization;

namespace Gongkai.Web.Pages.Staff.Requests;

public static class RequestPolicies
{
    /// <summary>The request pages: every staff role may look (their own agency only, checked per request in Core).</summary>
    public const string View = "requests.view";

    /// <summary>Registering requests received by other channels: the request-handling roles (Core checks the agency).</summary>
    public const string Handle = "requests.handle";

    /// <summary>The agency's request settings (remedy bodies named in reply letters).</summary>
    public const string Settings = "requests.settings";

    public static void Add(AuthorizationOptions o)
    {
        o.AddStaffPolicy(View, Enum.GetValues<StaffRole>());
        o.AddStaffPolicy(Handle, StaffRole.request_handler, StaffRole.office_head, StaffRole.agency_admin);
        o.AddStaffPolicy(Settings, StaffRole.agency_admin);
    }

    public static StaffActor Actor(this CurrentStaff staff) => new(staff.UserId, staff.UserName, staff.AgencyId, staff.Roles);
}
