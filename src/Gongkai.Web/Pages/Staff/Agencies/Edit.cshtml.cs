using Gongkai.Agencies;
using Gongkai.Data;
using Gongkai.Web.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Staff.Agencies;

[Authorize(Policy = AgencyPolicies.Edit)]
public sealed class EditModel(GongkaiDb db, UpdateAgency updateAgency, CurrentStaff staff) : AgencyFormModel(db)
{
    private readonly GongkaiDb _db = db;

    public override bool CanChangeStructure => staff.IsPlatformAdmin;

    /// <summary>The agency's version the form was built from; a newer one on save means someone else saved meanwhile.</summary>
    [BindProperty] public long? Version { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var current = await LoadAsync(code, ct);
        if (current is null) return NotFound();
        if (!staff.CanAccess(current.Value.Id)) return Forbid();
        Input = InputModel.From(current.Value.Details);
        Version = current.Value.Version;
        await LoadChoicesAsync(code, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        var current = await LoadAsync(code, ct);
        if (current is null) return NotFound();
        if (!staff.CanAccess(current.Value.Id)) return Forbid();

        var details = Input.ToDetails();
        if (!CanChangeStructure)
        {
            // Disabled inputs are not posted; agency admins keep the tree fields as they are.
            var d = current.Value.Details;
            details = details with { Code = d.Code, CreditCode = d.CreditCode, Kind = d.Kind, ParentCode = d.ParentCode, SortOrder = d.SortOrder };
            ModelState.Remove("Input.SortOrder");
            ModelState.Remove("Input.Kind");
        }
        if (ModelState.IsValid)
        {
            var result = await updateAgency.RunAsync(code, details, staff.Actor, ct, Version);
            if (result.Succeeded)
            {
                TempData["Notice"] = $"已保存“{result.Value.Name}”的信息。";
                return Redirect("/staff/agencies");
            }
            ModelState.AddErrors(result.Errors);
        }
        Input = InputModel.From(details with { Name = Input.Name ?? "" });
        await LoadChoicesAsync(code, ct);
        return Page();
    }

    private async Task<(Guid Id, AgencyDetails Details, long Version)?> LoadAsync(string code, CancellationToken ct)
    {
        var agency = await _db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Code == code, ct);
        if (agency is null) return null;
        var parentCode = agency.ParentId is { } pid ? await _db.Agencies.Where(a => a.Id == pid).Select(a => a.Code).FirstOrDefaultAsync(ct) : null;
        return (agency.Id, AgencyDetails.From(agency, parentCode), agency.Version);
    }
}
