using Gongkai.Common;
using Gongkai.Demo;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Reporting;

/// <summary>
/// Publishes the demo agencies' annual reports for the last full year (due by 31 January, Art. 49), so a new user
/// finds reports to read on the portal. The education bureau's report is left a draft: its demo logins (jyj.head …)
/// can check, edit and publish it themselves.
/// </summary>
public sealed class DemoReports : IDemoStep
{
    /// <summary>The agency whose last-year report stays a draft for the demo logins to publish.</summary>
    public const string LeftForStaff = "jyj";

    public string Title => "政府信息公开工作年度报告";

    public async Task RunAsync(DemoContext context, CancellationToken ct)
    {
        var year = ChinaTime.Today(context.Get<TimeProvider>()).Year - 1;
        var db = context.Db;
        if (await db.AnnualReports.AnyAsync(r => r.Year == year, ct)) return; // seeded already: never duplicate
        var codes = await db.Agencies.AsNoTracking().Where(a => a.Code != LeftForStaff).OrderBy(a => a.SortOrder).Select(a => a.Code).ToListAsync(ct);
        var edit = context.Get<EditReport>();
        foreach (var code in codes)
        {
            var published = await edit.PublishAsync(code, year, DemoContext.Actor, ct);
            if (!published.Succeeded)
                throw new InvalidOperationException($"Demo report {code} {year}: {string.Join("; ", published.Errors.Select(e => e.Message))}");
        }
    }
}
