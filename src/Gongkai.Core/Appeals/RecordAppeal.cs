using Gongkai.Common;
using Gongkai.Data;
using Gongkai.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Appeals;

/// <summary>Records a reconsideration or lawsuit against a request's handling.</summary>
public sealed class RecordAppeal(GongkaiDb db, RequestSteps steps)
{
    public async Task<Result<RequestAppeal>> RunAsync(StaffActor actor, Guid requestId, AppealKind kind, DateOnly filedOn, string body, string? note, CancellationToken ct = default)
    {
        var loaded = await steps.LoadAsync(actor, requestId, RequestAction.Handle, ct);
        if (!loaded.Succeeded) return Result<RequestAppeal>.Fail(loaded.Errors);
        var request = loaded.Value;
        if (filedOn > steps.Today) return new Error("appeal.future", "提出日期不能晚于今天。", "filedOn");
        var existing = await db.RequestAppeals.Where(a => a.RequestId == requestId).OrderBy(a => a.No).ToListAsync(ct);
        if (AppealRules.CheckFiling(kind, filedOn, body, request.ReceivedOn, existing.Select(a => a.ToRecord()).ToList()) is { } error)
            return error;
        var appeal = RequestAppeal.File(requestId, request.AgencyId, existing.Count + 1, kind, filedOn, body, note);
        db.RequestAppeals.Add(appeal);
        db.Audit.Record(actor.AuditName, request.AgencyId, "appeals.record", $"DisclosureRequest:{request.QueryCode}",
            $"申请 {request.QueryCode}：登记{kind.Label()}（{filedOn:yyyy-MM-dd}，{appeal.Body}）");
        if (await steps.SaveAsync(ct) is { } conflict) return conflict;
        return Result<RequestAppeal>.Ok(appeal);
    }
}

/// <summary>Records how a reconsideration or lawsuit ended; a 纠正 outcome reopens the request for handling.</summary>
public sealed class RecordAppealOutcome(GongkaiDb db, RequestSteps steps)
{
    public async Task<Result<RequestAppeal>> RunAsync(StaffActor actor, Guid appealId, AppealOutcome outcome, DateOnly decidedOn, CancellationToken ct = default)
    {
        var appeal = await db.RequestAppeals.FirstOrDefaultAsync(a => a.Id == appealId, ct);
        if (appeal is null || !actor.Allows(RequestAction.View, appeal.AgencyId)) return new Error("not_found", "找不到该复议或诉讼记录。");
        if (!actor.Allows(RequestAction.Handle, appeal.AgencyId)) return new Error("forbidden", RequestPermissions.Refusal(RequestAction.Handle));
        if (decidedOn > steps.Today) return new Error("appeal.future", "审结日期不能晚于今天。", "decidedOn");
        if (AppealRules.CheckOutcome(appeal.ToRecord(), outcome, decidedOn) is { } error) return error;
        appeal.Conclude(outcome, decidedOn);

        var request = await db.DisclosureRequests.Include(r => r.Events).FirstAsync(r => r.Id == appeal.RequestId, ct);
        if (outcome == AppealOutcome.Corrected && request.ResultLeaf is not null && !request.Events.Any(e => e.Type == RequestEventType.Withdrawn))
        {
            var reopen = new RequestEvent(RequestEventType.Reopened, steps.Today)
            {
                Actor = actor.UserId.ToString(),
                Note = $"{appeal.Kind.Label()}结果纠正（{decidedOn:yyyy-MM-dd}），重新办理",
            };
            if (request.Append(reopen, steps.Clocks.AddWorkingDays, DateTimeOffset.UtcNow, steps.Options.Decisions) is { } reopenError)
                return reopenError;
        }
        db.Audit.Record(actor.AuditName, appeal.AgencyId, "appeals.outcome", $"DisclosureRequest:{request.QueryCode}",
            $"申请 {request.QueryCode}：{appeal.Kind.Label()}{outcome.Label()}（{decidedOn:yyyy-MM-dd}）");
        if (await steps.SaveAsync(ct) is { } conflict) return conflict;
        return Result<RequestAppeal>.Ok(appeal);
    }
}
