using Gongkai.Staff;

namespace Gongkai.Web.Tests.Staff;

/// <summary>
/// Every staff route and who may reach it. StaffAccessTests checks each row for anonymous visitors
/// (redirect to login), every role (200 or 403), and for agency-scoped routes a user of another agency (403).
/// A feature adds its routes here — one line each.
/// </summary>
public static class StaffRoutes
{
    /// <summary>Placeholder replaced by an agency code: the user's own agency, or another one.</summary>
    public const string Agency = "{agency}";

    public sealed record Route(string Method, string Path, StaffRole[] Allowed, bool AgencyScoped = false)
    {
        public override string ToString() => $"{Method} {Path}";
    }

    private static readonly StaffRole[] Everyone = Enum.GetValues<StaffRole>();

    public static readonly Route[] All =
    [
        new("GET", "/staff", Everyone),
        new("GET", "/staff/account/password", Everyone),
        new("POST", "/staff/account/password", Everyone),
        new("GET", "/staff/agencies", [StaffRole.platform_admin, StaffRole.agency_admin]),
        new("GET", "/staff/agencies/new", [StaffRole.platform_admin]),
        new("POST", "/staff/agencies/new", [StaffRole.platform_admin]),
        new("GET", $"/staff/agencies/{Agency}/edit", [StaffRole.platform_admin, StaffRole.agency_admin], AgencyScoped: true),
        new("POST", $"/staff/agencies/{Agency}/edit", [StaffRole.platform_admin, StaffRole.agency_admin], AgencyScoped: true),
        new("GET", "/staff/audit", [StaffRole.platform_admin]),
        new("GET", "/staff/report-reader", Everyone),
        new("POST", "/staff/report-reader", Everyone),
        new("GET", "/staff/calendar", Everyone),
        new("GET", "/staff/requests/register", [StaffRole.agency_admin, StaffRole.request_handler, StaffRole.office_head]),
        new("POST", "/staff/requests/register", [StaffRole.agency_admin, StaffRole.request_handler, StaffRole.office_head]),
        new("GET", "/staff/requests/remedies", [StaffRole.agency_admin]),
        new("POST", "/staff/requests/remedies", [StaffRole.agency_admin]),
        new("POST", "/staff/calendar?handler=Save", [StaffRole.platform_admin]),
        new("POST", "/staff/calendar?handler=Reset", [StaffRole.platform_admin]),
        new("GET", "/staff/catalog", [StaffRole.editor, StaffRole.reviewer, StaffRole.agency_admin, StaffRole.office_head, StaffRole.platform_admin]),
        new("GET", "/staff/catalog/new", [StaffRole.editor]),
        new("POST", "/staff/catalog/new", [StaffRole.editor]),
        new("GET", "/staff/catalog/settings", [StaffRole.agency_admin]),
        new("POST", "/staff/catalog/settings", [StaffRole.agency_admin]),
        new("GET", "/staff/reports", Everyone),
        new("GET", $"/staff/reports/{Agency}/2025", Everyone, AgencyScoped: true),
        new("GET", $"/staff/reports/{Agency}/2025/cell?key=applications.new.total", Everyone, AgencyScoped: true),
        new("POST", $"/staff/reports/{Agency}/2025?handler=Input", [StaffRole.platform_admin, StaffRole.agency_admin, StaffRole.office_head], AgencyScoped: true),
        new("GET", "/staff/users", [StaffRole.platform_admin, StaffRole.agency_admin]),
        new("GET", "/staff/users/new", [StaffRole.platform_admin, StaffRole.agency_admin]),
        new("POST", "/staff/users/new", [StaffRole.platform_admin, StaffRole.agency_admin]),
    ];

    public static TheoryData<string> Keys()
    {
        var data = new TheoryData<string>();
        foreach (var r in All) data.Add(r.ToString());
        return data;
    }

    public static Route Find(string key) => All.Single(r => r.ToString() == key);
}
