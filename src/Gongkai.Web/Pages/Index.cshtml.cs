using Gongkai.Agencies;
using Gongkai.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages;

/// <summary>Portal home: the county's agencies grouped by kind, each linking to its disclosure column.</summary>
public sealed class IndexModel(GongkaiDb db) : PageModel
{
    public sealed record AgencyLink(string Code, string Name);
    public sealed record Group(string Title, IReadOnlyList<AgencyLink> Agencies);

    public List<Group> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.SortOrder).ThenBy(a => a.Code)
            .Select(a => new { a.Code, a.Name, a.Kind }).ToListAsync(ct);
        (AgencyKind Kind, string Title)[] order = [(AgencyKind.government, "县人民政府"), (AgencyKind.department, "政府工作部门"), (AgencyKind.township, "乡镇（街道）")];
        Groups = order
            .Select(o => new Group(o.Title, agencies.Where(a => a.Kind == o.Kind).Select(a => new AgencyLink(a.Code, a.Name)).ToList()))
            .Where(g => g.Agencies.Count > 0).ToList();
    }
}
