using Gongkai.Catalog;
using Gongkai.Data;
using Gongkai.Web.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Staff.Catalog;

/// <summary>The agency admin edits the guide (指南), the rules (制度), the index-number pattern and the Art. 21 level.</summary>
[Authorize(Policy = CatalogPolicies.Settings)]
public sealed class SettingsModel(GongkaiDb db, CurrentStaff staff) : PageModel
{
    // Required so that a post without them (a stray or forged form) changes nothing.
    [BindProperty, BindRequired] public IndexNumberPattern IndexPattern { get; set; }
    [BindProperty, BindRequired] public Art21Level Art21Level { get; set; }
    [BindProperty] public string? Guide { get; set; }
    [BindProperty] public string? Rules { get; set; }
    /// <summary>The settings' version the form was built from; a newer one on save means someone else saved meanwhile.</summary>
    [BindProperty] public long? Version { get; set; }
    public string CreditCode { get; private set; } = "";
    public AgencyCatalogSettings Current { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        (IndexPattern, Art21Level, Guide, Rules, Version) = (Current.IndexPattern, Current.Art21Level, Current.GuideMarkdown, Current.RulesMarkdown, Current.Version);
    }

    public async Task<IActionResult> OnPostAsync([FromServices] UpdateCatalogSettings update, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            ModelState.AddModelError("", "请选择索引号规则和第二十一条适用层级。");
            await LoadAsync(ct);
            return Page();
        }
        var result = await update.RunAsync(staff.Actor(), staff.AgencyId, new CatalogSettingsInput(IndexPattern, Art21Level, Guide, Rules, Version), ct);
        if (result.Succeeded)
        {
            TempData["Notice"] = "已保存。";
            return Redirect("/staff/catalog/settings");
        }
        if (result.Errors.Any(e => e.Code == "forbidden")) return Forbid();
        ModelState.AddErrors(result.Errors, prefix: "");
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == staff.AgencyId).Select(a => new { a.Id, a.Kind, a.CreditCode }).FirstAsync(ct);
        CreditCode = agency.CreditCode;
        Current = await db.CatalogSettings.AsNoTracking().FirstOrDefaultAsync(s => s.AgencyId == agency.Id, ct) ?? AgencyCatalogSettings.Default(agency.Id, agency.Kind);
    }
}
