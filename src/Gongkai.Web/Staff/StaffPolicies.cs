using Gongkai.Staff;
using Gongkai.Web.Pages.Staff.Agencies;
using Gongkai.Web.Pages.Staff.Audit;
using Gongkai.Web.Pages.Staff.Calendar;
using Gongkai.Web.Pages.Staff.Reports;
using Microsoft.AspNetCore.Authorization;

namespace Gongkai.Web.Staff;

/// <summary>
/// Named authorization policies. Role policies live here; a feature declares its own policies in a
/// <c>…Policies</c> class beside its pages and registers them with one line in <see cref="Add"/>.
/// </summary>
public static class StaffPolicies
{
    /// <summary>Any signed-in staff member, whatever the role.</summary>
    public const string Staff = "staff";

    public static string For(StaffRole role) => $"role.{role}";

    public static void Add(AuthorizationOptions o)
    {
        o.AddStaffPolicy(Staff, Enum.GetValues<StaffRole>());
        foreach (var role in Enum.GetValues<StaffRole>()) o.AddStaffPolicy(For(role), role);

        // Feature policies, one line per feature.
        AgencyPolicies.Add(o);
        AuditPolicies.Add(o);
        CalendarPolicies.Add(o);
        Gongkai.Web.Pages.Staff.Catalog.CatalogPolicies.Add(o);
        ReportPolicies.Add(o);
    }

    /// <summary>A policy met by a signed-in staff member holding at least one of <paramref name="roles"/>.</summary>
    public static void AddStaffPolicy(this AuthorizationOptions o, string name, params StaffRole[] roles) =>
        o.AddPolicy(name, p => p.RequireAuthenticatedUser().AddRequirements(new StaffRoleRequirement(roles)));
}

public sealed class StaffRoleRequirement(IReadOnlyList<StaffRole> roles) : IAuthorizationRequirement
{
    public IReadOnlyList<StaffRole> Roles { get; } = roles;
}

internal sealed class StaffRoleHandler(CurrentStaff staff) : AuthorizationHandler<StaffRoleRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, StaffRoleRequirement requirement)
    {
        if (staff.IsSignedIn && staff.HasAny(requirement.Roles)) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
