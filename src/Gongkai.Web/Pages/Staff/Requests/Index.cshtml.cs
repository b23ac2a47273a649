using Gongkai.Data;
using Gongkai.Requests;
using Gongkai.Web.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Staff.Requests;

/// <summary>The agency's request inbox (open / due soon / overdue / by status / by handler); the competent office also sees all agencies.</summary>
[Authorize(Policy = RequestPolicies.View)]
public sealed class IndexModel(RequestQueries queries, CurrentStaff staff, GongkaiDb db, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? View { get; set; } = "open";
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Agency { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public InboxPage Inbox { get; private set; } = null!;
    public InboxPager Pager => InboxPager.Of(PageNumber, Inbox.Total, new InboxFilter().PageSize);
    public IReadOnlyList<AgencyOverview> Overview { get; private set; } = [];
    public string AgencyName { get; private set; } = "";
    public bool CanRegister { get; private set; }
    public bool CanEditRemedies { get; private set; }
    /// <summary>Staff names of the handlers in <see cref="InboxPage.ByHandler"/>, by the id the log records.</summary>
    private Dictionary<string, string> _handlerNames = [];

    /// <summary>A handler as staff know them: their name, or what <see cref="HandlerLabels"/> says for ids that are no account.</summary>
    public string Handler(string handlerId) => _handlerNames.TryGetValue(handlerId, out var name) ? name : HandlerLabels.Label(handlerId);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = staff.Actor();
        CanRegister = (await authorization.AuthorizeAsync(User, RequestPolicies.Handle)).Succeeded;
        CanEditRemedies = (await authorization.AuthorizeAsync(User, RequestPolicies.Settings)).Succeeded;
        var agencyId = staff.AgencyId;
        if (staff.IsPlatformAdmin)
        {
            Overview = await queries.AcrossAgenciesAsync(actor, ct);
            if (Overview.FirstOrDefault(o => o.Code == Agency) is { } chosen) agencyId = chosen.AgencyId;
        }
        AgencyName = await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => a.Name).FirstAsync(ct);
        RequestStatus? status = Enum.TryParse<RequestStatus>(Status, out var s) ? s : null;
        Inbox = await queries.InboxAsync(actor, agencyId, new InboxFilter(status is null ? View : null, status, null, PageNumber), ct);
        var handlerIds = Inbox.ByHandler.Keys.Select(k => Guid.TryParse(k, out var id) ? id : (Guid?)null).OfType<Guid>().ToList();
        if (handlerIds.Count > 0)
            _handlerNames = await db.Users.AsNoTracking().Where(u => handlerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id.ToString(), u => u.DisplayName, ct);
    }
}
