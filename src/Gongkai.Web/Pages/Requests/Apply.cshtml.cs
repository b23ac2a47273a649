using Gongkai.Data;
using Gongkai.Requests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Requests;

/// <summary>The public application form (Art. 29). The receipt is shown on the same page, never put in a URL.</summary>
public sealed class ApplyModel(GongkaiDb db, SubmitRequest submit) : PageModel
{
    public sealed class ApplyInput
    {
        public string? ApplicantType { get; set; } = "natural_person";
        public string? Name { get; set; }
        public string? IdNumber { get; set; }
        public string? Phone { get; set; }
        public string? Email { get; set; }
        public string? Address { get; set; }
        public string? Description { get; set; }
        public string? Form { get; set; } = "electronic";
        public string? Delivery { get; set; } = "online";
    }

    public sealed record AgencyChoice(string Code, string Name);

    [BindProperty(SupportsGet = true)] public string? Agency { get; set; }
    [BindProperty] public ApplyInput Input { get; set; } = new();
    public List<AgencyChoice> Agencies { get; private set; } = [];
    public SubmissionReceipt? Receipt { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAgenciesAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAgenciesAsync(ct);
        var result = await submit.RunAsync(Agency ?? "", new ApplicationForm
        {
            ApplicantType = Input.ApplicantType, Name = Input.Name, IdNumber = Input.IdNumber, Phone = Input.Phone, Email = Input.Email,
            Address = Input.Address, Description = Input.Description, Form = Input.Form, Delivery = Input.Delivery,
        }, ct);
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
