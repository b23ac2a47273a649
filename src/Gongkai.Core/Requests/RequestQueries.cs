using Gongkai.Appeals;
using Gongkai.Common;
using Gongkai.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Requests;

/// <summary>What the tracking page and <c>GET /api/v1/requests/{code}</c> show: no staff notes, no personal data.</summary>
public sealed record PublicRequestView(
    string QueryCode, string AgencyName, string Status, string StatusLabel, DateOnly ReceivedOn, DateOnly? DueOn,
    string DueExplanation, string? Result, string? ResultLabel, IReadOnlyList<PublicStep> Steps);

/// <summary>A step the applicant was told about, with the text they were sent.</summary>
public sealed record PublicStep(DateOnly On, string What, string? Text);

public sealed record InboxFilter(string? View = null, RequestStatus? Status = null, string? HandlerId = null, int Page = 1, int PageSize = 50);

public sealed record InboxRow(Guid Id, string QueryCode, string ApplicantName, ApplicantKind Kind, string Description, DateOnly ReceivedOn,
    RequestStatus Status, string? HandlerId, DateOnly? DueOn, bool Overdue, int? RemainingWorkingDays, string? ResultLeaf);

public sealed record InboxPage(IReadOnlyList<InboxRow> Rows, int Total, int OpenCount, int OverdueCount, int DueSoonCount,
    IReadOnlyDictionary<RequestStatus, int> ByStatus, IReadOnlyDictionary<string, int> ByHandler);

public sealed record AgencyOverview(Guid AgencyId, string Code, string Name, int Open, int Overdue, int DueSoon);

/// <summary>Reads of the request feature: tracking, the staff inbox, the cross-agency view.</summary>
public sealed class RequestQueries(GongkaiDb db, TimeProvider clock, RequestClocks clocks, PersonalDataProtector protector, RequestOptions options,
    InboxSnapshots snapshots)
{
    private static readonly HashSet<RequestEventType> ToldTheApplicant =
    [
        RequestEventType.Registered, RequestEventType.CorrectionRequested, RequestEventType.CorrectionReceived,
        RequestEventType.ConsultationStarted, RequestEventType.Extended, RequestEventType.FeeNotified, RequestEventType.FeePaid,
        RequestEventType.Delivered, RequestEventType.Withdrawn, RequestEventType.Reopened,
    ];

    /// <summary>Null for a wrong code and for a wrong password alike.</summary>
    public async Task<PublicRequestView?> TrackAsync(string? queryCode, string? password, CancellationToken ct = default)
    {
        var code = QueryCredentials.Normalize(queryCode);
        if (code.Length == 0 || string.IsNullOrWhiteSpace(password)) return null;
        var r = await db.DisclosureRequests.AsNoTracking().Include(x => x.Events).FirstOrDefaultAsync(x => x.QueryCode == code, ct);
        if (r is null || !QueryCredentials.Matches(r.Password(protector), password)) return null;
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == r.AgencyId).Select(a => a.Name).FirstAsync(ct);
        var log = r.Events.OrderBy(e => e.Seq).Select(e => e.ToEvent()).ToList();
        var deadline = clocks.Deadline(log, ChinaTime.Today(clock));
        var delivered = r.Status is RequestStatus.Delivered or RequestStatus.Closed or RequestStatus.Withdrawn;
        var decision = log.LastOrDefault(e => e.Type == RequestEventType.Decided);
        var steps = log.Where(e => ToldTheApplicant.Contains(e.Type))
            .Select(e => new PublicStep(e.On, PublicWhat(e), e.Type == RequestEventType.Delivered ? decision?.PublicText : e.PublicText)).ToList();
        return new PublicRequestView(r.QueryCode, agency, r.Status.Key(), r.Status.PublicLabel(), r.ReceivedOn, deadline.DueOn, deadline.Explanation,
            delivered ? r.ResultLeaf : null, delivered ? decision?.Situation?.Info().Label ?? (r.Status == RequestStatus.Withdrawn ? "已撤回" : null) : null, steps);
    }

    private static string PublicWhat(RequestEvent e) => e.Type switch
    {
        RequestEventType.Registered => "收到申请",
        RequestEventType.CorrectionRequested => $"请您补正申请（补正期限：{e.DueOn:yyyy-MM-dd}）",
        RequestEventType.CorrectionReceived => "收到补正后的申请，答复期限重新计算",
        RequestEventType.ConsultationStarted => "征求意见（所需时间不计入答复期限）",
        RequestEventType.Extended => $"答复期限延长{e.Days}个工作日",
        RequestEventType.FeeNotified => "信息处理费收费通知",
        RequestEventType.FeePaid => "已收到信息处理费",
        RequestEventType.Delivered => "已答复",
        RequestEventType.Withdrawn => "已撤回申请",
        RequestEventType.Reopened => "重新办理",
        _ => "",
    };

    public async Task<InboxPage> InboxAsync(StaffActor actor, Guid agencyId, InboxFilter filter, CancellationToken ct = default)
    {
        if (!actor.Allows(RequestAction.View, agencyId)) return new InboxPage([], 0, 0, 0, 0, new Dictionary<RequestStatus, int>(), new Dictionary<string, int>());
        var today = ChinaTime.Today(clock);
        var mine = db.DisclosureRequests.AsNoTracking().Where(r => r.AgencyId == agencyId);
        // Deadlines are derived, so the tabs need the open requests' clocks: their ids, handlers and clock inputs
        // are read with the status counts and kept up to date (see InboxSnapshots, OpenDeadlines).
        var snapshot = await snapshots.GetAsync(agencyId, db, ct);
        var byStatus = snapshot.ByStatus;
        var open = OpenDeadlines.Deadlines(snapshot, clocks, today);
        bool IsDueSoon(RequestDeadline d) => !d.Overdue && d.RemainingWorkingDays is { } left && left <= options.DueSoonWorkingDays;
        var byHandler = open.GroupBy(r => r.HandlerId ?? "").ToDictionary(g => g.Key, g => g.Count());
        var overdueCount = open.Count(r => r.Deadline.Overdue);
        var dueSoonCount = open.Count(r => IsDueSoon(r.Deadline));

        var size = Math.Clamp(filter.PageSize, 1, 200);
        var skip = (Math.Max(filter.Page, 1) - 1) * size;
        IReadOnlyList<InboxRow> rows;
        int total;
        if (filter.View is "overdue" or "due_soon" or "open")
        {
            var chosen = filter.View switch
            {
                "overdue" => open.Where(r => r.Deadline.Overdue),
                "due_soon" => open.Where(r => IsDueSoon(r.Deadline)),
                _ => open.Where(r => filter.HandlerId is null || r.HandlerId == filter.HandlerId),
            };
            var ordered = chosen.OrderBy(r => r.Deadline.DueOn ?? DateOnly.MaxValue).ThenBy(r => r.Id).ToList();
            total = ordered.Count;
            var shown = ordered.Skip(skip).Take(size).ToList();
            // Only the rows shown are read in full, by primary key (they are the agency's own: adding
            // the agency filter here would make SQLite walk the agency's index instead).
            var ids = shown.Select(r => r.Id).ToList();
            var details = (await db.DisclosureRequests.AsNoTracking().Where(r => ids.Contains(r.Id)).Select(Columns).ToListAsync(ct)).ToDictionary(p => p.Id);
            rows = shown.Where(r => details.ContainsKey(r.Id)).Select(r => Row(details[r.Id], r.Deadline)).ToList();
        }
        else
        {
            var q = mine;
            if (filter.Status is { } s) q = q.Where(r => r.Status == s);
            if (filter.HandlerId is { } h) q = q.Where(r => r.HandlerId == h);
            total = filter.HandlerId is null
                ? filter.Status is { } only ? byStatus.GetValueOrDefault(only) : byStatus.Values.Sum()
                : await q.CountAsync(ct);
            var ordered = q.OrderByDescending(r => r.ReceivedOn).ThenByDescending(r => r.Id);
            List<ListColumns> page;
            if (filter.Status is not null && filter.HandlerId is null)
            {
                // Page on the (agency, status, received on, id) index alone, then read the page's rows by key:
                // a deep page skips index entries rather than rows.
                var pageIds = await ordered.Skip(skip).Take(size).Select(r => r.Id).ToListAsync(ct);
                var byId = (await db.DisclosureRequests.AsNoTracking().Where(r => pageIds.Contains(r.Id)).Select(Columns).ToListAsync(ct)).ToDictionary(p => p.Id);
                page = pageIds.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
            }
            else page = await ordered.Skip(skip).Take(size).Select(Columns).ToListAsync(ct);
            var openById = open.ToDictionary(r => r.Id);
            // A request opened by another process since the snapshot was read gets its clock from its own row.
            rows = page.Select(p => Row(p, !p.IsOpen ? null : openById.TryGetValue(p.Id, out var o) ? o.Deadline
                : p.ClockInputs is { } inputs ? clocks.Deadline(inputs, today) : null)).ToList();
        }
        return new InboxPage(rows, total, open.Count, overdueCount, dueSoonCount, byStatus, byHandler);
    }

    private sealed record ListColumns(Guid Id, string QueryCode, string ApplicantName, ApplicantKind ApplicantKind, string Description,
        DateOnly ReceivedOn, RequestStatus Status, string? HandlerId, string? ResultLeaf, bool IsOpen, string? ClockInputs);

    private static readonly System.Linq.Expressions.Expression<Func<DisclosureRequest, ListColumns>> Columns = r =>
        new ListColumns(r.Id, r.QueryCode, r.ApplicantName, r.ApplicantKind, r.Description, r.ReceivedOn, r.Status, r.HandlerId, r.ResultLeaf, r.IsOpen, r.ClockInputs);

    private static InboxRow Row(ListColumns r, RequestDeadline? d) =>
        new(r.Id, r.QueryCode, r.ApplicantName, r.ApplicantKind, Shorten(r.Description), r.ReceivedOn, r.Status, r.HandlerId,
            d?.DueOn, d?.Overdue ?? false, d?.RemainingWorkingDays, r.ResultLeaf);

    private static string Shorten(string s) => s.Length <= 60 ? s : s[..60] + "…";

    /// <summary>The competent office's view: open, overdue and due-soon counts per agency.</summary>
    public async Task<IReadOnlyList<AgencyOverview>> AcrossAgenciesAsync(StaffActor actor, CancellationToken ct = default)
    {
        if (!actor.IsPlatformAdmin) return [];
        var today = ChinaTime.Today(clock);
        var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.SortOrder).Select(a => new { a.Id, a.Code, a.Name }).ToListAsync(ct);
        var snapshot = await snapshots.GetAsync(null, db, ct);
        var open = OpenDeadlines.Deadlines(snapshot, clocks, today);
        var deadlines = open.GroupBy(o => o.AgencyId).ToDictionary(g => g.Key, g => g.Select(o => o.Deadline).ToList());
        return agencies.Select(a =>
        {
            var d = deadlines.GetValueOrDefault(a.Id) ?? [];
            return new AgencyOverview(a.Id, a.Code, a.Name, d.Count, d.Count(x => x.Overdue),
                d.Count(x => !x.Overdue && x.RemainingWorkingDays is { } left && left <= options.DueSoonWorkingDays));
        }).ToList();
    }

    public sealed record Detail(DisclosureRequest Request, string AgencyName, RequestDeadline Deadline, string IdNumberMasked, string PhoneMasked,
        IReadOnlyList<RequestAppeal> Appeals, IReadOnlyList<string> ChoosableSituations);

    /// <summary>The staff detail page: full log, deadline explanation, masked personal data.</summary>
    public async Task<Result<Detail>> DetailAsync(StaffActor actor, Guid requestId, CancellationToken ct = default)
    {
        var r = await db.DisclosureRequests.AsNoTracking().Include(x => x.Events).FirstOrDefaultAsync(x => x.Id == requestId, ct);
        if (r is null || !actor.Allows(RequestAction.View, r.AgencyId)) return new Error("not_found", "找不到该申请。");
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == r.AgencyId).Select(a => a.Name).FirstAsync(ct);
        var deadline = clocks.Deadline(r.Events.OrderBy(e => e.Seq).Select(e => e.ToEvent()), ChinaTime.Today(clock));
        var appeals = await db.RequestAppeals.AsNoTracking().Where(a => a.RequestId == r.Id).OrderBy(a => a.No).ToListAsync(ct);
        return Result<Detail>.Ok(new Detail(r, agency, deadline,
            r.IdNumberCipher is null ? "" : IdentityNumbers.Mask(protector.Unprotect(r.IdNumberCipher)),
            r.PhoneCipher is null ? "" : PersonalDataProtector.MaskPhone(protector.Unprotect(r.PhoneCipher)),
            appeals, DecisionSituations.All.Where(i => i.StaffMayChoose).Select(i => i.Key).ToList()));
    }
}
