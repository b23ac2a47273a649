using Gongkai.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Staff;

public sealed class IndexModel(GongkaiDb db) : PageModel
{
    public int AgencyCount { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => AgencyCount = await db.Agencies.CountAsync(ct);
}
