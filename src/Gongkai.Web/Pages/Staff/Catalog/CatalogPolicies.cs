using Gongkai.Catalog;
using Gongkai.Staff;
using Gongkai.Web.Staff;
using Microsoft.AspNetCore.Authorization;

namespace Gongkai.Web.Pages.Staff.Catalog;

/// <summary>Who reaches the catalogue pages. The use cases check the role again, in the item's own agency.</summary>
public static class CatalogPolicies
{
    public const string Read = "catalog.read";
    public const string Edit = "catalog.edit";
    public const string Review = "catalog.review";
    public const string Settings = "catalog.settings";

    public static void Add(AuthorizationOptions o)
    {
        o.AddStaffPolicy(Read, StaffRole.editor, StaffRole.reviewer, StaffRole.agency_admin, StaffRole.office_head, StaffRole.platform_admin);
        o.AddStaffPolicy(Edit, StaffRole.editor);
        o.AddStaffPolicy(Review, StaffRole.reviewer, StaffRole.agency_admin);
        o.AddStaffPolicy(Settings, StaffRole.agency_admin);
    }

    public static CatalogActor Actor(this CurrentStaff staff) => new(staff.UserId, staff.UserName, staff.AgencyId, staff.Roles);
}
