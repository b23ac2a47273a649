using Gongkai.Web.Pages.Staff.Agencies;
using Gongkai.Web.Pages.Staff.Audit;
using Gongkai.Web.Pages.Staff.Reports;

namespace Gongkai.Web.Staff;

public sealed record StaffNavEntry(string Title, string Path, string Policy);

/// <summary>The staff menu; the layout shows an entry only when the user meets its policy. One line per feature.</summary>
public static class StaffNavigation
{
    public static readonly IReadOnlyList<StaffNavEntry> Entries =
    [
        new("工作台", "/staff", StaffPolicies.Staff),
        new("信息发布", "/staff/catalog", Gongkai.Web.Pages.Staff.Catalog.CatalogPolicies.Read),
        new("机关管理", "/staff/agencies", AgencyPolicies.Edit),
        new("审计日志", "/staff/audit", AuditPolicies.Browse),
        new("年报读取", "/staff/report-reader", StaffPolicies.Staff),
        new("工作日历", "/staff/calendar", StaffPolicies.Staff),
        new("年度报告", "/staff/reports", ReportPolicies.View),
        new("修改密码", "/staff/account/password", StaffPolicies.Staff),
    ];
}
