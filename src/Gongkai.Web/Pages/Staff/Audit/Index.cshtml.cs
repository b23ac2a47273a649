using Gongkai.Audit;
using Gongkai.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Staff.Audit;

[Authorize(Policy = AuditPolicies.Browse)]
public sealed class IndexModel(GongkaiDb db) : PageModel
{
    public const int PageSize = 50;

    public sealed record AgencyChoice(Guid Id, string Code, string Name);

    [BindProperty(SupportsGet = true)] public string? Agency { get; set; }
    [BindProperty(SupportsGet = true)] public string? Action { get; set; }
    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public List<AgencyChoice> Agencies { get; private set; } = [];
    public Dictionary<Guid, string> AgencyNames { get; private set; } = [];
    public List<AuditEntry> Entries { get; private set; } = [];
    public int Total { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.SortOrder).Select(a => new AgencyChoice(a.Id, a.Code, a.Name)).ToListAsync(ct);
        AgencyNames = Agencies.ToDictionary(a => a.Id, a => a.Name);
        PageNumber = Math.Clamp(PageNumber, 1, 100_000);

        var query = db.AuditEntries.AsNoTracking();
        if (Agencies.FirstOrDefault(a => a.Code == Agency) is { } agency) query = query.Where(e => e.AgencyId == agency.Id);
        if (!string.IsNullOrWhiteSpace(Action)) query = query.Where(e => e.Action.StartsWith(Action.Trim()));
        if (!string.IsNullOrWhiteSpace(Actor)) query = query.Where(e => e.Actor == Actor.Trim());
        Total = await query.CountAsync(ct);
        Entries = await query.OrderByDescending(e => e.Sequence).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
    }
}
