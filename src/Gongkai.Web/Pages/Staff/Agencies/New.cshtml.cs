using Gongkai.Agencies;
using Gongkai.Data;
using Gongkai.Web.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Pages.Staff.Agencies;

[Authorize(Policy = AgencyPolicies.Manage)]
public sealed class NewModel(GongkaiDb db, AddAgency addAgency, CurrentStaff staff) : AgencyFormModel(db)
{
    public async Task OnGetAsync(CancellationToken ct) => await LoadChoicesAsync(null, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await addAgency.RunAsync(Input.ToDetails(), staff.Actor, ct);
            if (result.Succeeded)
            {
                TempData["Notice"] = $"已新增机关“{result.Value.Name}”。";
                return Redirect("/staff/agencies");
            }
            ModelState.AddErrors(result.Errors);
        }
        await LoadChoicesAsync(null, ct);
        return Page();
    }
}
