using Gongkai.Data;
using Gongkai.Requests;
using Gongkai.Web.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Staff.Requests;

/// <summary>The agency admin names the reconsideration body and the court that reply letters cite.</summary>
[Authorize(Policy = RequestPolicies.Settings)]
public sealed class RemediesModel(RemedyBodySettings settings, CurrentStaff staff, GongkaiDb db) : PageModel
{
    public sealed class InputModel
    {
        public string? ReconsiderationBody { get; set; }
        public string? Court { get; set; }
        /// <summary>The settings' version the form was built from (0: never saved).</summary>
        public long? Version { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public RemedySettingsView Current { get; private set; } = null!;
    public string AgencyName { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input = new InputModel { ReconsiderationBody = Current.Bodies.ReconsiderationBody, Court = Current.Bodies.Court, Version = Current.Version };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await settings.SaveAsync(staff.Actor(), Input.ReconsiderationBody, Input.Court, ct, Input.Version);
        if (result.Succeeded)
        {
            TempData["Notice"] = "已保存，此后生成的答复书将使用新的复议机关和人民法院。";
            return Redirect("/staff/requests/remedies");
        }
        ModelState.AddErrors(result.Errors);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Current = await settings.GetAsync(staff.AgencyId, ct);
        AgencyName = await db.Agencies.AsNoTracking().Where(a => a.Id == staff.AgencyId).Select(a => a.Name).FirstAsync(ct);
    }
}
