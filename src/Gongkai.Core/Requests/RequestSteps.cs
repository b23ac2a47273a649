using Gongkai.Calendar;
using Gongkai.Common;
using Gongkai.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Requests;

/// <summary>
/// What every staff step shares: load the request with its log, check the actor may act on it,
/// append the event (the log's rules decide), audit, and save — all in one SaveChanges.
/// </summary>
public sealed class RequestSteps(GongkaiDb db, TimeProvider clock, RequestClocks clocks, RequestOptions options)
{
    public DateOnly Today => ChinaTime.Today(clock);
    public RequestClocks Clocks => clocks;
    public RequestOptions Options => options;
    public GongkaiDb Db => db;

    public async Task<Result<DisclosureRequest>> LoadAsync(StaffActor actor, Guid requestId, RequestAction action, CancellationToken ct)
    {
        var request = await db.DisclosureRequests.Include(r => r.Events).FirstOrDefaultAsync(r => r.Id == requestId, ct);
        // The same answer for "missing" and "not yours", so staff of one agency cannot probe another's.
        if (request is null || !actor.Allows(RequestAction.View, request.AgencyId))
            return new Error("not_found", "找不到该申请。");
        if (!actor.Allows(action, request.AgencyId))
            return new Error("forbidden", RequestPermissions.Refusal(action));
        return Result<DisclosureRequest>.Ok(request);
    }

    /// <summary>Appends <paramref name="build"/>'s event to the request and saves, or returns why not.</summary>
    public async Task<Result<DisclosureRequest>> AppendAsync(
        StaffActor actor, Guid requestId, RequestAction action, string auditAction,
        Func<DisclosureRequest, RequestHistory, Result<RequestEvent>> build, CancellationToken ct)
    {
        var loaded = await LoadAsync(actor, requestId, action, ct);
        if (!loaded.Succeeded) return loaded;
        var request = loaded.Value;
        var built = build(request, request.History(clocks.AddWorkingDays));
        if (!built.Succeeded) return Result<DisclosureRequest>.Fail(built.Errors);
        var e = built.Value with { Actor = actor.UserId.ToString() };
        if (e.On > Today) return new Error("future_date", "办理日期不能晚于今天。", "on");
        if (request.Append(e, clocks.AddWorkingDays, clock.GetUtcNow(), options.Decisions) is { } error)
            return error;
        // The audit summary names the request and the step, never the applicant's personal data.
        db.Audit.Record(actor.AuditName, request.AgencyId, auditAction, $"DisclosureRequest:{request.QueryCode}",
            $"申请 {request.QueryCode}：{Describe(e)}");
        if (await SaveAsync(ct) is { } conflict) return conflict;
        return Result<DisclosureRequest>.Ok(request);
    }

    /// <summary>
    /// Someone else wrote to the request between our read and our write (its log's next line (request, seq), or the
    /// next appeal number, is taken): nothing of this step was written, and the staff member is asked to look again.
    /// </summary>
    public static readonly Error EditedMeanwhile = new("edited_meanwhile", "该申请刚刚有人办理过，您的这一步没有保存。请刷新页面，查看最新办理情况后再操作。");

    /// <summary>Saves the step (with its audit entry, in one transaction), or returns <see cref="EditedMeanwhile"/> when another write won.</summary>
    public Task<Error?> SaveAsync(CancellationToken ct) => db.SaveOrRefuseAsync(EditedMeanwhile, ct);

    public static string Describe(RequestEvent e) => e.Type switch
    {
        RequestEventType.Registered => $"登记收到申请（{e.Channel?.Label()}，收到申请之日 {e.On:yyyy-MM-dd}）",
        RequestEventType.Assigned => "分办给承办人",
        RequestEventType.CorrectionRequested => $"一次性告知补正，补正期限至 {e.DueOn:yyyy-MM-dd}",
        RequestEventType.CorrectionReceived => "收到补正后的申请，答复期限重新计算",
        RequestEventType.ConsultationStarted => $"书面征求{(e.Party == ConsultedParty.ThirdParty ? "第三方" : "其他机关")}意见，答复期限至 {e.DueOn:yyyy-MM-dd}",
        RequestEventType.ConsultationReplied => e.Silent ? $"第{e.ConsultationNo}次征求意见逾期未答复" : $"收到第{e.ConsultationNo}次征求意见的答复",
        RequestEventType.Extended => $"经工作机构负责人同意，延长答复期限{e.Days}个工作日",
        RequestEventType.FeeNotified => $"发出信息处理费收费通知（{e.FeeAmount:0.##}元），缴费期限至 {e.DueOn:yyyy-MM-dd}",
        RequestEventType.FeePaid => "申请人已缴纳信息处理费",
        RequestEventType.Decided => $"作出处理决定：{e.Situation?.Info().Label}",
        RequestEventType.ReplyReviewed => "答复通过保密审查",
        RequestEventType.Delivered => "答复已送达申请人",
        RequestEventType.Closed => "办结归档",
        RequestEventType.Withdrawn => "申请人撤回申请",
        RequestEventType.Reopened => "重新办理",
        RequestEventType.Supervised => "主管部门督办",
        RequestEventType.CalendarChanged => e.Note ?? "工作日历变更",
        _ => e.Type.ToString(),
    };
}
