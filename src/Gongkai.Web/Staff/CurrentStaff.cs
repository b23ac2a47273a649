using System.Security.Claims;
using Gongkai.Data;
using Gongkai.Staff;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Staff;

/// <summary>
/// The signed-in staff member for this request, loaded fresh from the database (so a removed
/// role stops working at once): user, agency, roles, and the agency-scope check every staff
/// page and endpoint uses before reading or changing an agency's records.
/// </summary>
public sealed class CurrentStaff(GongkaiDb db)
{
    private static readonly IReadOnlySet<StaffRole> NoRoles = new HashSet<StaffRole>();

    public bool IsSignedIn { get; private set; }
    public Guid UserId { get; private set; }
    public string UserName { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public Guid AgencyId { get; private set; }
    public string AgencyCode { get; private set; } = "";
    public string AgencyName { get; private set; } = "";
    public IReadOnlySet<StaffRole> Roles { get; private set; } = NoRoles;

    public bool IsPlatformAdmin => Roles.Contains(StaffRole.platform_admin);

    /// <summary>The actor name written to the audit log.</summary>
    public string Actor => UserName;

    public bool Has(StaffRole role) => Roles.Contains(role);
    public bool HasAny(IEnumerable<StaffRole> roles) => roles.Any(Roles.Contains);

    /// <summary>Platform admins reach every agency; everyone else only their own.</summary>
    public bool CanAccess(Guid agencyId) => IsSignedIn && (IsPlatformAdmin || agencyId == AgencyId);

    internal async Task LoadAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        if (!Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id)) return;
        var row = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new
            {
                u.Id, u.UserName, u.DisplayName, u.AgencyId,
                Agency = db.Agencies.Where(a => a.Id == u.AgencyId).Select(a => new { a.Code, a.Name }).First(),
                Roles = u.Roles.Select(r => r.Role).ToList(),
            }).FirstOrDefaultAsync(ct);
        if (row is null) return;
        (IsSignedIn, UserId, UserName, DisplayName, AgencyId) = (true, row.Id, row.UserName ?? "", row.DisplayName, row.AgencyId);
        (AgencyCode, AgencyName, Roles) = (row.Agency.Code, row.Agency.Name, row.Roles.ToHashSet());
    }
}

internal sealed class CurrentStaffMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, CurrentStaff staff)
    {
        if (context.User.Identity?.IsAuthenticated == true) await staff.LoadAsync(context.User, context.RequestAborted);
        await next(context);
    }
}
