using Gongkai.Common;
using Gongkai.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Requests;

/// <summary>
/// The applicant answers the one-time 补正 notice online, from the tracking page (query code +
/// password): the corrected description is recorded as the correction received today (China time),
/// which restarts the Art. 33 period. Refused once the correction deadline has passed (staff can
/// still record a correction that arrived on paper) and whenever no correction is awaited.
/// A wrong code or password gets the same answer as a missing request.
/// </summary>
public sealed class SubmitCorrection(GongkaiDb db, TimeProvider clock, PersonalDataProtector protector, RequestClocks clocks, RequestOptions options)
{
    public const string Actor = "public:online";

    public async Task<Result<DisclosureRequest>> RunAsync(string? queryCode, string? password, string? correctedDescription, CancellationToken ct = default)
    {
        var code = QueryCredentials.Normalize(queryCode);
        if (code.Length == 0 || string.IsNullOrWhiteSpace(password)) return NotFound();
        var request = await db.DisclosureRequests.Include(r => r.Events).FirstOrDefaultAsync(r => r.QueryCode == code, ct);
        if (request is null || !QueryCredentials.Matches(request.Password(protector), password)) return NotFound();

        var text = (correctedDescription ?? "").Trim();
        if (text.Length == 0) return new Error("invalid", "请填写补正后的申请内容：所需政府信息的名称、文号或其他特征。", "correction");
        if (text.Length < 4) return new Error("invalid", "补正内容过于简单，请写明信息名称、文号或其他特征。", "correction");
        if (text.Length > ApplicationValidation.MaxDescription)
            return new Error("invalid", $"补正内容不能超过{ApplicationValidation.MaxDescription}个字。", "correction");

        var today = ChinaTime.Today(clock);
        var history = request.History(clocks.AddWorkingDays);
        if (!history.AwaitingCorrection) return new Error("correction.not_awaiting", "本申请目前不需要补正。");
        if (today > history.CorrectionNotice!.DueOn)
            return new Error("correction.overdue", $"补正期限已于{history.CorrectionNotice.DueOn:yyyy年M月d日}届满，无法在网上提交补正，请与受理机关联系。");

        var e = new RequestEvent(RequestEventType.CorrectionReceived, today) { Actor = Actor, PublicText = text, Note = "申请人通过网上查询页面提交补正" };
        if (request.Append(e, clocks.AddWorkingDays, clock.GetUtcNow(), options.Decisions) is { } error) return error;
        // The audit line names the request only: the corrected text may carry personal details.
        db.Audit.Record(Actor, request.AgencyId, "requests.correction_received", $"DisclosureRequest:{request.QueryCode}",
            $"申请 {request.QueryCode}：申请人网上提交补正，答复期限重新计算");
        // The same form sent twice at once, or a staff step at that moment: the other write took the log's next line.
        if (await db.SaveOrRefuseAsync(new Error("edited_meanwhile", "本申请刚刚有了新的办理记录（可能是您的补正已经提交），这次提交没有保存。请刷新页面查看。"), ct) is { } conflict)
            return conflict;
        return Result<DisclosureRequest>.Ok(request);
    }

    private static Error NotFound() => new("not_found", "查询码或查询密码不正确，请核对后重试。");
}
