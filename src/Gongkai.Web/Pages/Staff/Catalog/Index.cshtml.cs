using Gongkai.Calendar;
using Gongkai.Catalog;
using Gongkai.Common;
using Gongkai.Data;
using Gongkai.Web.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Staff.Catalog;

/// <summary>
/// The agency's items in the workflow. Items not yet published (or revised and not yet
/// re-published) carry the Art. 26 deadline — 20 working days from the day the information was
/// formed or changed — with its explanation; due within 5 working days is flagged, past due is overdue.
/// </summary>
[Authorize(Policy = CatalogPolicies.Read)]
public sealed class IndexModel(GongkaiDb db, CurrentStaff staff, TimeProvider clock, CalendarStore calendars) : PageModel
{
    public const int DueSoonWorkingDays = 5;

    public sealed record Row(Guid Id, string Title, ItemStatus Status, bool IsRevision, string? IndexNo, DateOnly FormedOn,
        DateOnly? PublishedOn, Validity Validity, DeadlineResult? Deadline, bool Overdue, bool DueSoon);

    [FromQuery(Name = "status")] public string? StatusFilter { get; set; }
    [FromQuery(Name = "agency")] public string? AgencyCode { get; set; }

    public List<Row> Rows { get; private set; } = [];
    public string AgencyName { get; private set; } = "";
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var agencyId = staff.AgencyId;
        if (AgencyCode is not null && staff.IsPlatformAdmin)
            agencyId = await db.Agencies.Where(a => a.Code == AgencyCode).Select(a => a.Id).FirstOrDefaultAsync(ct);
        AgencyName = await db.Agencies.Where(a => a.Id == agencyId).Select(a => a.Name).FirstOrDefaultAsync(ct) ?? "";
        Today = ChinaTime.Today(clock);
        var query = db.CatalogItems.AsNoTracking().Where(i => i.AgencyId == agencyId);
        if (CatalogLabels.ParseKey<ItemStatus>(StatusFilter) is { } s) query = query.Where(i => i.Status == s);
        var items = await query.OrderByDescending(i => i.PublishedOn == null).ThenByDescending(i => i.FormedOn).Take(500)
            .Select(i => new { i.Id, i.Title, i.Status, i.PublishedVersion, i.IndexNo, i.FormedOn, i.PublishedOn, i.Validity }).ToListAsync(ct);
        var calendar = await calendars.CurrentAsync(ct);
        Rows = items.Select(i =>
        {
            var pending = i.Status is ItemStatus.draft or ItemStatus.submitted or ItemStatus.returned;
            var deadline = pending && WorkingCalendar.Supports(i.FormedOn) ? PublicationDeadline.Compute(calendar, i.FormedOn) : null;
            var overdue = deadline is not null && Today > deadline.Due;
            var soon = deadline is not null && !overdue && calendar.AddWorkingDays(Today, DueSoonWorkingDays) >= deadline.Due;
            return new Row(i.Id, i.Title, i.Status, i.PublishedVersion > 0 && pending, i.IndexNo, i.FormedOn, i.PublishedOn, i.Validity, deadline, overdue, soon);
        }).OrderByDescending(r => r.Overdue).ThenByDescending(r => r.DueSoon).ThenByDescending(r => r.Deadline is not null).ToList();
        return Page();
    }
}
