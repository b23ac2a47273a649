using Gongkai.Common;
using Gongkai.Staff;

namespace Gongkai.Catalog;

/// <summary>
/// Who performs a catalogue action: the staff member's id, name for the audit log, agency and
/// roles. Pages build it from the signed-in user, the CLI and the demo seeder from their own identity.
/// </summary>
public sealed record CatalogActor(Guid UserId, string UserName, Guid AgencyId, IReadOnlySet<StaffRole> Roles)
{
    /// <summary>Non-interactive writers (import, demo data) act for an agency with every catalogue role.</summary>
    public static CatalogActor System(string name, Guid agencyId) =>
        new(Guid.Empty, name, agencyId, new HashSet<StaffRole> { StaffRole.editor, StaffRole.reviewer, StaffRole.agency_admin });

    /// <summary>
    /// Catalogue work is done by the agency's own staff: the role must be held in the item's agency.
    /// The platform admin supervises (reads everything) but does not draft or approve for an agency.
    /// </summary>
    public bool May(StaffRole role, Guid agencyId) => Roles.Contains(role) && AgencyId == agencyId;

    public bool MayRead(Guid agencyId) => AgencyId == agencyId || Roles.Contains(StaffRole.platform_admin);

    internal Error? Require(StaffRole role, Guid agencyId) =>
        May(role, agencyId) ? null : new Error("forbidden", $"您没有在本机关执行此操作的权限（需要“{StaffRoles.Label(role)}”角色）。");
}
