using Gongkai.Catalog;
using Gongkai.Data;
using Gongkai.Requests;
using Gongkai.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Requests;

/// <summary>
/// The public application form (Art. 29) in two steps: 填写 (handler Confirm checks the form and shows the
/// data with similar catalogue items) → 确认 (the default POST submits). A direct POST of the form still
/// submits in one step. The receipt is shown on the same page, never put in a URL.
/// </summary>
public sealed class ApplyModel(GongkaiDb db, SubmitRequest submit) : PageModel
{
    public sealed record AgencyChoice(string Code, string Name);

    [BindProperty(SupportsGet = true)] public string? Agency { get; set; }
    [BindProperty] public ApplicantInput Input { get; set; } = new();
    public List<AgencyChoice> Agencies { get; private set; } = [];
    public SubmissionReceipt? Receipt { get; private set; }
    /// <summary>Set on the confirmation step: the checked application and the catalogue items that look like it.</summary>
    public ValidApplication? Confirming { get; private set; }
    public IReadOnlyList<PublishedItem> Similar { get; private set; } = [];
    public string AgencyName => Agencies.FirstOrDefault(a => a.Code == Agency)?.Name ?? "";

    public async Task OnGetAsync(CancellationToken ct) => await LoadAgenciesAsync(ct);

    public async Task<IActionResult> OnPostConfirmAsync([FromServices] SimilarCatalogItems similar, CancellationToken ct)
    {
        await LoadAgenciesAsync(ct);
        if (!Agencies.Any(a => a.Code == Agency)) ModelState.AddModelError(nameof(Agency), "找不到该机关，请从机关列表中选择受理机关。");
        var (app, errors) = ApplicationValidation.Validate(Input.ToForm());
        foreach (var (field, message) in errors) ModelState.AddModelError($"Input.{field}", message);
        if (app is null || !ModelState.IsValid) return Page();
        Confirming = app;
        Similar = await similar.RunAsync(Agency!, app.Description, ct: ct);
        return Page();
    }

    /// <summary>Back from the confirmation to the filled-in form.</summary>
    public async Task<IActionResult> OnPostEditAsync(CancellationToken ct)
    {
        await LoadAgenciesAsync(ct);
        ModelState.Clear();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAgenciesAsync(ct);
        var result = await submit.RunAsync(Agency ?? "", Input.ToForm(), ct);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
                ModelState.AddModelError(e.Code == "agency_not_found" ? nameof(Agency) : e.Field is null ? "" : $"Input.{e.Field}", e.Message);
            return Page();
        }
        Receipt = result.Value;
        return Page();
    }

    private async Task LoadAgenciesAsync(CancellationToken ct) =>
        Agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.SortOrder).Select(a => new AgencyChoice(a.Code, a.Name)).ToListAsync(ct);
}
