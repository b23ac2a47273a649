using Gongkai.Catalog;
using Gongkai.Common;
using Gongkai.Data;
using Gongkai.Staff;
using Gongkai.Web.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Staff.Catalog;

/// <summary>An item as staff see it: the working copy, its versions and reviews; the reviewer's 保密审查 and the withdraw / abolish actions.</summary>
[Authorize(Policy = CatalogPolicies.Read)]
public sealed class ItemModel(GongkaiDb db, CurrentStaff staff, Gongkai.Requests.AnswerLinks answers) : PageModel
{
    public InformationItem Item { get; private set; } = null!;
    public List<ItemVersion> Versions { get; private set; } = [];
    public List<ItemReview> Reviews { get; private set; } = [];
    public List<Gongkai.Audit.AuditEntry> DeadlineChanges { get; private set; } = [];
    public List<ItemAttachment> Files { get; private set; } = [];
    public string AgencyCode { get; private set; } = "";
    /// <summary>The request whose answer this item was made from (Art. 44), if any.</summary>
    public Gongkai.Requests.ItemRequestOrigin? Origin { get; private set; }
    public bool CanReview => staff.Has(StaffRole.reviewer) && staff.AgencyId == Item.AgencyId;
    public bool CanChangeStatus => (staff.Has(StaffRole.reviewer) || staff.Has(StaffRole.agency_admin)) && staff.AgencyId == Item.AgencyId;
    public bool CanEdit => staff.Has(StaffRole.editor) && staff.AgencyId == Item.AgencyId;

    [BindProperty] public string? Basis { get; set; } = ReviewItem.DefaultBasis;
    [BindProperty] public string? Comment { get; set; }
    [BindProperty] public string? Reason { get; set; }
    /// <summary>The item's row version this page showed (hidden field): a decision on an older page is refused.</summary>
    [BindProperty] public long? SeenVersion { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostApproveAsync(Guid id, [FromServices] ReviewItem review, CancellationToken ct) =>
        await Review(id, review, ReviewDecision.approved, ct);

    public async Task<IActionResult> OnPostReturnAsync(Guid id, [FromServices] ReviewItem review, CancellationToken ct) =>
        await Review(id, review, ReviewDecision.returned, ct);

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, [FromServices] ChangeItemStatus change, CancellationToken ct) =>
        await After(id, await change.WithdrawAsync(staff.Actor(), id, null, Reason, SeenVersion, ct), "已撤回。", ct);

    public async Task<IActionResult> OnPostAbolishAsync(Guid id, Validity validity, [FromServices] ChangeItemStatus change, CancellationToken ct) =>
        await After(id, await change.ChangeValidityAsync(staff.Actor(), id, validity, null, Reason, SeenVersion, ct), $"已标注为{validity.Label()}。", ct);

    private async Task<IActionResult> Review(Guid id, ReviewItem review, ReviewDecision decision, CancellationToken ct)
    {
        var result = await review.RunAsync(staff.Actor(), id, new ReviewInput(decision, Basis, Comment, SeenVersion), ct);
        return await After(id, result, decision == ReviewDecision.approved ? "审查通过，已发布。" : "已退回采编人员。", ct);
    }

    private async Task<IActionResult> After(Guid id, Result result, string notice, CancellationToken ct)
    {
        if (result.Errors.Any(e => e.Code == "not_found")) return NotFound();
        if (result.Errors.Any(e => e.Code == "forbidden")) return Forbid();
        if (result.Succeeded)
        {
            TempData["Notice"] = notice;
            return Redirect($"/staff/catalog/{id}");
        }
        ModelState.AddErrors(result.Errors, prefix: "");
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var item = await db.CatalogItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null || !(staff.IsPlatformAdmin || item.AgencyId == staff.AgencyId)) return false;
        Item = item;
        Versions = await db.ItemVersions.AsNoTracking().Where(v => v.ItemId == id).OrderByDescending(v => v.Version).ToListAsync(ct);
        Reviews = (await db.ItemReviews.AsNoTracking().Where(r => r.ItemId == id).ToListAsync(ct)).OrderByDescending(r => r.Id).ToList();
        var entity = $"Item:{id}";
        DeadlineChanges = (await db.AuditEntries.AsNoTracking()
            .Where(a => a.Entity == entity && a.Action == Gongkai.Catalog.CatalogCalendarChanges.Action).ToListAsync(ct))
            .OrderBy(a => a.At).ToList();
        Files = (await db.ItemAttachments.AsNoTracking().Where(a => a.ItemId == id && a.RemovedAt == null).ToListAsync(ct)).OrderBy(a => a.UploadedAt).ToList();
        AgencyCode = await db.Agencies.Where(a => a.Id == item.AgencyId).Select(a => a.Code).FirstAsync(ct);
        Origin = await answers.OriginOfAsync(Gongkai.Web.Pages.Staff.Requests.RequestPolicies.Actor(staff), id, ct);
        return true;
    }
}
