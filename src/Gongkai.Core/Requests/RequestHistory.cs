using Gongkai.Calendar;
using Gongkai.Common;
using Gongkai.Reporting;
namespace Gongkai.Requests;

/// <summary>Adds working days: the n-th working day after <paramref name="from"/>. Supplied by the calendar.</summary>
public delegate DateOnly AddWorkingDays(DateOnly from, int days);

/// <summary>An Art. 32/34 consultation as derived from the log.</summary>
public sealed record Consultation(int No, ConsultedParty Party, DateOnly StartedOn, DateOnly DueOn, DateOnly? RepliedOn, bool Silent)
{
    public bool IsOpen => RepliedOn is null;
}

/// <summary>
/// A request's append-only log and everything derived from it. <see cref="Append"/> checks the
/// order-of-actions rules (regulation.md §4–6, fees.md §6) and refuses a step with a typed error;
/// nothing is ever changed or removed. Deadlines come from the calendar's clock, fed by the same log.
/// </summary>
public sealed class RequestHistory
{
    private readonly List<RequestEvent> _events = [];
    private readonly AddWorkingDays _addWorkingDays;
    private bool _replaying;

    public RequestHistory(AddWorkingDays addWorkingDays, IEnumerable<RequestEvent>? events = null)
    {
        _addWorkingDays = addWorkingDays;
        // Replaying a stored log re-runs the rules, so a corrupted log is caught rather than trusted.
        _replaying = true;
        foreach (var e in events ?? [])
            if (Append(e) is { } error)
                throw new InvalidOperationException($"stored request log breaks a rule at {e.Type} {e.On}: {error}");
        _replaying = false;
    }

    public IReadOnlyList<RequestEvent> Events => _events;

    public DateOnly ReceivedOn { get; private set; }
    public Channel Channel { get; private set; }
    public Regime Regime { get; private set; }
    public string? Handler { get; private set; }
    public RequestEvent? CorrectionNotice { get; private set; }
    public DateOnly? CorrectionReceivedOn { get; private set; }
    public int ExtensionDays { get; private set; }
    public RequestEvent? FeeNotice { get; private set; }
    public DateOnly? FeePaidOn { get; private set; }
    public RequestEvent? Decision { get; private set; }
    public bool ReplyReviewed { get; private set; }
    public DateOnly? DeliveredOn { get; private set; }
    public bool IsClosed { get; private set; }
    public DateOnly? WithdrawnOn { get; private set; }
    public DateOnly? ReopenedOn { get; private set; }
    public IReadOnlyList<Consultation> Consultations => _consultations;
    private readonly List<Consultation> _consultations = [];

    public bool AwaitingCorrection => CorrectionNotice is not null && CorrectionReceivedOn is null;
    public bool AwaitingFee => FeeNotice is not null && FeePaidOn is null;

    public RequestStatus Status =>
        WithdrawnOn is not null ? RequestStatus.Withdrawn
        : IsClosed ? RequestStatus.Closed
        : DeliveredOn is not null ? RequestStatus.Delivered
        : ReplyReviewed ? RequestStatus.Reviewed
        : Decision is not null ? RequestStatus.Decided
        : AwaitingCorrection ? RequestStatus.AwaitingCorrection
        : AwaitingFee ? RequestStatus.AwaitingFee
        : _consultations.Any(c => c.IsOpen) ? RequestStatus.InConsultation
        : Handler is not null ? RequestStatus.InProgress
        : RequestStatus.Registered;

    /// <summary>The last day on which the one-time 补正 notice may be sent (Art. 30: within 7 working days of receipt).</summary>
    public DateOnly CorrectionNoticeDeadline => _addWorkingDays(ReceivedOn, 7);

    public Error? Append(RequestEvent e)
    {
        var error = Check(e);
        if (error is null)
        {
            Apply(e);
            _events.Add(e);
        }
        return error;
    }

    private static Error Err(string code, string message) => new(code, message);

    public Error? Check(RequestEvent e)
    {
        if (_events.Count == 0)
            return e.Type == RequestEventType.Registered ? null : Err("not_registered", "申请尚未登记，请先登记收到的申请。");
        if (e.Type == RequestEventType.Registered)
            return Err("already_registered", "该申请已经登记，不能重复登记。");
        var last = _events[^1].On;
        if (e.On < last)
            return Err("date_before_previous", $"办理日期不能早于上一环节的日期（{last:yyyy-MM-dd}），请核对日期。");
        if (WithdrawnOn is not null)
            return Err("withdrawn", "申请人已撤回该申请，不能再办理。");

        return e.Type switch
        {
            RequestEventType.Assigned => CheckAssign(e),
            RequestEventType.CorrectionRequested => CheckCorrectionRequest(e),
            RequestEventType.CorrectionReceived => CheckCorrectionReceipt(),
            RequestEventType.ConsultationStarted => CheckConsultationStart(e),
            RequestEventType.ConsultationReplied => CheckConsultationReply(e),
            RequestEventType.Extended => CheckExtension(e),
            RequestEventType.FeeNotified => CheckFeeNotice(e),
            RequestEventType.FeePaid => AwaitingFee ? null : Err("fee.not_awaiting", "没有待缴的信息处理费，不能登记缴费。"),
            RequestEventType.Decided => CheckDecision(e),
            RequestEventType.ReplyReviewed =>
                Decision is null ? Err("review.no_decision", "尚未作出处理决定，没有可审查的答复。")
                : ReplyReviewed ? Err("review.already", "该答复已完成保密审查。")
                : null,
            RequestEventType.Delivered =>
                Decision is null ? Err("deliver.no_decision", "尚未作出处理决定，不能送达。")
                : !ReplyReviewed ? Err("deliver.not_reviewed", "答复尚未经过保密审查，审查通过后才能送达。")
                : DeliveredOn is not null ? Err("deliver.already", "该答复已经送达。")
                : null,
            RequestEventType.Closed =>
                DeliveredOn is null ? Err("close.not_delivered", "答复送达后才能办结。")
                : IsClosed ? Err("close.already", "该申请已经办结。")
                : null,
            RequestEventType.Withdrawn =>
                Decision is not null ? Err("withdraw.decided", "已作出处理决定的申请不能撤回。") : null,
            RequestEventType.Reopened =>
                Decision is null ? Err("reopen.not_decided", "尚未作出处理决定的申请无需重新办理。")
                : string.IsNullOrWhiteSpace(e.Note) ? Err("reopen.no_reason", "请填写重新办理的原因（如复议或诉讼纠正的文书）。")
                : null,
            RequestEventType.Supervised =>
                !Status.IsOpen() ? Err("supervise.finished", "该申请已经办结，无需督办。")
                : string.IsNullOrWhiteSpace(e.Note) ? Err("supervise.no_text", "请填写督办意见。")
                : null,
            RequestEventType.CalendarChanged =>
                !Status.IsOpen() ? Err("calendar.finished", "该申请已经办结，日历变更不影响其期限。")
                : string.IsNullOrWhiteSpace(e.Note) ? Err("calendar.no_text", "请写明工作日历变更的内容。")
                : null,
            _ => Err("unknown", "无法识别的办理环节。"),
        };
    }

    private Error? CheckAssign(RequestEvent e)
    {
        if (string.IsNullOrWhiteSpace(e.Handler)) return Err("assign.no_handler", "请选择承办人。");
        if (Decision is not null) return Err("assign.decided", "已作出处理决定，不能再分办。");
        return null;
    }

    private Error? CheckCorrectionRequest(RequestEvent e)
    {
        if (Regime == Regime.Regulation2008)
            return Err("correction.regime_2008", "2008年条例下收到的申请不适用补正程序，请以“告知申请人更改、补充申请”作出答复。");
        if (CorrectionNotice is not null)
            return Err("correction.already_requested", "补正告知只能一次性发出，本申请已经发过补正告知。");
        if (Decision is not null) return Err("correction.decided", "已作出处理决定，不能再要求补正。");
        // Checked only for a new notice: a stored one was checked against the calendar in force when
        // it was sent, and a later calendar edit (a holiday removed) must not make its log unreadable.
        if (!_replaying && e.On > CorrectionNoticeDeadline)
            return Err("correction.too_late", $"补正告知应在收到申请之日起7个工作日内（{CorrectionNoticeDeadline:yyyy-MM-dd}前）发出，已超过期限。");
        if (e.DueOn is not { } due || due <= e.On)
            return Err("correction.no_deadline", "请给申请人一个晚于告知日期的合理补正期限。");
        if (string.IsNullOrWhiteSpace(e.PublicText))
            return Err("correction.no_text", "请写明需要补正的事项，一次性告知申请人。");
        return null;
    }

    private Error? CheckCorrectionReceipt() =>
        AwaitingCorrection ? null : Err("correction.not_awaiting", "没有待补正的告知，不能登记补正材料。");

    private Error? CheckConsultationStart(RequestEvent e)
    {
        if (Decision is not null) return Err("consult.decided", "已作出处理决定，不能再征求意见。");
        if (AwaitingCorrection) return Err("consult.awaiting_correction", "申请人尚未补正，补正后才能征求意见。");
        if (e.Party is null) return Err("consult.no_party", "请选择征求意见的对象（第三方或其他机关）。");
        if (e.DueOn is not { } due || due <= e.On)
            return Err("consult.no_deadline", "请填写被征求意见方的答复期限（收到征求意见书之日起15个工作日）。");
        return null;
    }

    private Error? CheckConsultationReply(RequestEvent e)
    {
        var c = _consultations.FirstOrDefault(x => x.No == e.ConsultationNo);
        if (c is null) return Err("consult.unknown", "找不到该次征求意见，请核对。");
        if (!c.IsOpen) return Err("consult.already_replied", "该次征求意见已经登记过答复。");
        if (e.Silent && e.On <= c.DueOn)
            return Err("consult.not_yet_silent", $"答复期限到{c.DueOn:yyyy-MM-dd}为止，期满后才能登记为逾期未答复。");
        return null;
    }

    private Error? CheckExtension(RequestEvent e)
    {
        var max = Regime.MaxExtensionDays();
        if (ExtensionDays > 0) return Err("extend.already", "答复期限只能延长一次，本申请已经延长过。");
        if (Decision is not null) return Err("extend.decided", "已作出处理决定，不能再延长期限。");
        if (AwaitingCorrection) return Err("extend.awaiting_correction", "申请人补正期间答复期限尚未开始计算，无需延长。");
        if (e.Days is not { } days || days < 1 || days > max)
            return Err("extend.days", $"延长期限最长不得超过{max}个工作日，请填写1至{max}之间的天数。");
        if (!e.ApprovedByOfficeHead)
            return Err("extend.not_approved", "延长答复期限须经政府信息公开工作机构负责人同意。");
        return null;
    }

    private Error? CheckFeeNotice(RequestEvent e)
    {
        if (FeeCalculator.RegimeFor(ReceivedOn) != FeeRegime.ProcessingFee2021)
            return Err("fee.regime", "信息处理费自2021年1月1日起施行，此前收到的申请不能收取信息处理费。");
        if (FeeNotice is not null) return Err("fee.already", "本申请已经发出过收费通知。");
        if (Decision is not null) return Err("fee.decided", "已作出处理决定，不能再发出收费通知。");
        if (AwaitingCorrection) return Err("fee.awaiting_correction", "申请人补正后才能发出收费通知。");
        if (e.FeeMethod is null || e.FeeAmount is not > 0m)
            return Err("fee.amount", "收费通知须写明计收方式和金额（大于0）。");
        if (e.DueOn is not { } due || due <= e.On)
            return Err("fee.no_deadline", "请填写缴费期限（收到通知次日起20个工作日）。");
        return null;
    }

    private Error? CheckDecision(RequestEvent e)
    {
        if (e.Situation is not { } s) return Err("decide.no_situation", "请选择处理决定的情形。");
        if (Decision is not null) return Err("decide.already", "该申请已经作出处理决定。如经复议或诉讼纠正，请先登记重新办理。");
        if (e.Imported) return null;
        switch (s)
        {
            case DecisionSituation.Withdrawn:
                return Err("decide.withdrawn_is_not_a_decision", "申请人撤回请登记“撤回”，不作为处理决定选择。");
            case DecisionSituation.NoCorrection:
                if (!AwaitingCorrection) return Err("decide.no_correction_not_awaiting", "只有发出补正告知且申请人未补正时，才能作“逾期不补正”处理。");
                if (e.On <= CorrectionNotice!.DueOn) return Err("decide.correction_not_due", $"补正期限到{CorrectionNotice.DueOn:yyyy-MM-dd}为止，期满后才能作“逾期不补正”处理。");
                return null;
            case DecisionSituation.FeeUnpaid:
                if (!AwaitingFee) return Err("decide.fee_not_awaiting", "只有发出收费通知且申请人未缴费时，才能作“逾期未缴费”处理。");
                if (e.On <= FeeNotice!.DueOn) return Err("decide.fee_not_due", $"缴费期限到{FeeNotice.DueOn:yyyy-MM-dd}为止，期满后才能作“逾期未缴费”处理。");
                return null;
        }
        if (Handler is null) return Err("decide.unassigned", "请先分办给承办人，再作出处理决定。");
        if (AwaitingCorrection) return Err("decide.awaiting_correction", "申请人尚未补正，不能作出处理决定；补正期满未补正的，请选择“逾期不补正”。");
        if (AwaitingFee) return Err("decide.awaiting_fee", "申请人尚未缴纳信息处理费，不能作出处理决定；逾期未缴的，请选择“逾期未缴费”。");
        if (_consultations.Any(c => c.IsOpen)) return Err("decide.consultation_open", "征求意见尚未答复，请先登记答复或逾期未答复。");
        if (s == DecisionSituation.StillUnclear && CorrectionReceivedOn is null)
            return Err("decide.still_unclear_without_correction", "只有申请人补正后内容仍不明确的，才能选择“补正后申请内容仍不明确”。");
        if (string.IsNullOrWhiteSpace(e.PublicText) && s is DecisionSituation.Partial or DecisionSituation.AlreadyPublic
                or DecisionSituation.NotResponsible or DecisionSituation.SpecialProcedure or DecisionSituation.Other)
            return Err("decide.no_text", "该情形须向申请人说明理由或获取途径，请填写答复内容。");
        return null;
    }

    private void Apply(RequestEvent e)
    {
        switch (e.Type)
        {
            case RequestEventType.Registered:
                ReceivedOn = e.On;
                Channel = e.Channel ?? Channel.Other;
                Regime = RequestStatuses.RegimeFor(e.On);
                break;
            case RequestEventType.Assigned: Handler = e.Handler; break;
            case RequestEventType.CorrectionRequested: CorrectionNotice = e; break;
            case RequestEventType.CorrectionReceived: CorrectionReceivedOn = e.On; break;
            case RequestEventType.ConsultationStarted:
                _consultations.Add(new Consultation(_consultations.Count + 1, e.Party!.Value, e.On, e.DueOn!.Value, null, false));
                break;
            case RequestEventType.ConsultationReplied:
                var i = _consultations.FindIndex(c => c.No == e.ConsultationNo);
                _consultations[i] = _consultations[i] with { RepliedOn = e.On, Silent = e.Silent };
                break;
            case RequestEventType.Extended: ExtensionDays = e.Days!.Value; break;
            case RequestEventType.FeeNotified: FeeNotice = e; break;
            case RequestEventType.FeePaid: FeePaidOn = e.On; break;
            case RequestEventType.Decided: Decision = e; break;
            case RequestEventType.ReplyReviewed: ReplyReviewed = true; break;
            case RequestEventType.Delivered: DeliveredOn = e.On; break;
            case RequestEventType.Closed: IsClosed = true; break;
            case RequestEventType.Withdrawn: WithdrawnOn = e.On; break;
            case RequestEventType.Reopened:
                // A 纠正 outcome sends the request back for a new answer; the earlier answer stays in the log.
                Decision = null;
                ReplyReviewed = false;
                DeliveredOn = null;
                IsClosed = false;
                ReopenedOn = e.On;
                break;
        }
    }

    /// <summary>The table-三 leaf this request counts in, or null while it is open (carried forward).</summary>
    public ResultLeaf? Leaf(DecisionOptions options) =>
        WithdrawnOn is not null ? ResultLeaf.OtherOther
        : Decision?.Situation is { } s ? s.Leaf(options)
        : null;
}
