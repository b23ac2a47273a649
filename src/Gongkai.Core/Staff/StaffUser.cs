using Microsoft.AspNetCore.Identity;

namespace Gongkai.Staff;

/// <summary>
/// A staff login. Deliberately holds no personal contact data (no phone, no ID number):
/// the Identity email/phone columns stay empty.
/// </summary>
public sealed class StaffUser : IdentityUser<Guid>
{
    public Guid AgencyId { get; set; }
    /// <summary>Name shown in the staff area and in audit summaries, e.g. 教育局采编.</summary>
    public string DisplayName { get; set; } = "";
    public List<StaffUserRole> Roles { get; set; } = [];
}

/// <summary>A role the user holds in their agency (platform_admin: in every agency).</summary>
public sealed class StaffUserRole
{
    public Guid UserId { get; set; }
    public StaffRole Role { get; set; }
}
