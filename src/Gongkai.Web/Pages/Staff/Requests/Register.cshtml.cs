using Gongkai.Data;
using Gongkai.Requests;
using Gongkai.Web.Pages.Requests;
using Gongkai.Web.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Staff.Requests;

/// <summary>Staff intake of a request received in person, by letter, fax, e-mail or otherwise (Art. 31 receipt dates).</summary>
[Authorize(Policy = RequestPolicies.Handle)]
public sealed class RegisterModel(RegisterRequest register, CurrentStaff staff, GongkaiDb db) : PageModel
{
    public sealed class IntakeFields
    {
        public string? Channel { get; set; } = "in_person";
        public DateOnly? ArrivedOn { get; set; }
        public DateOnly? SignedOn { get; set; }
        public DateOnly? ConfirmedOn { get; set; }
        public string? Note { get; set; }
    }

    [BindProperty] public ApplicantInput Input { get; set; } = new() { Form = "paper", Delivery = "pickup" };
    [BindProperty] public IntakeFields Intake { get; set; } = new();
    public RegistrationReceipt? Saved { get; private set; }
    public string AgencyName { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var result = await register.RunAsync(staff.Actor(), staff.AgencyId, Input.ToForm(),
            new IntakeInput(Intake.Channel, Intake.ArrivedOn, Intake.SignedOn, Intake.ConfirmedOn, Intake.Note), ct);
        if (result.Succeeded)
        {
            Saved = result.Value;
            return Page();
        }
        // A date the browser sent that did not parse is already in ModelState; the use case reports it as missing too.
        foreach (var e in result.Errors)
        {
            var key = e.Field is null ? "" : ApplicantInput.FieldNames.Contains(e.Field) ? $"Input.{e.Field}" : $"Intake.{e.Field}";
            ModelState.AddModelError(key, e.Message);
        }
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        AgencyName = await db.Agencies.AsNoTracking().Where(a => a.Id == staff.AgencyId).Select(a => a.Name).FirstAsync(ct);
}
