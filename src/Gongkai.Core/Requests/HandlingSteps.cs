using Gongkai.Calendar;
using Gongkai.Common;

namespace Gongkai.Requests;

// The staff steps of handling a request. Each is one small use case over RequestSteps; the rules
// themselves live in RequestHistory, so these only gather the inputs each step needs.

public sealed class AssignHandler(RequestSteps steps)
{
    public Task<Result<DisclosureRequest>> RunAsync(StaffActor actor, Guid requestId, Guid handlerUserId, CancellationToken ct = default) =>
        steps.AppendAsync(actor, requestId, RequestAction.Handle, "requests.assign", (_, _) =>
            Result<RequestEvent>.Ok(new(RequestEventType.Assigned, steps.Today) { Handler = handlerUserId.ToString() }), ct);
}

public sealed class RequestCorrection(RequestSteps steps)
{
    /// <summary>Sends the one-time 补正 notice: what to supplement, and by when.</summary>
    public Task<Result<DisclosureRequest>> RunAsync(StaffActor actor, Guid requestId, string whatToCorrect, DateOnly replyBy, CancellationToken ct = default) =>
        steps.AppendAsync(actor, requestId, RequestAction.Handle, "requests.correction_requested", (_, _) =>
            Result<RequestEvent>.Ok(new(RequestEventType.CorrectionRequested, steps.Today) { PublicText = whatToCorrect?.Trim(), DueOn = replyBy }), ct);
}

public sealed class ReceiveCorrection(RequestSteps steps)
{
    public Task<Result<DisclosureRequest>> RunAsync(StaffActor actor, Guid requestId, DateOnly? receivedOn = null, CancellationToken ct = default) =>
        steps.AppendAsync(actor, requestId, RequestAction.Handle, "requests.correction_received", (_, _) =>
            Result<RequestEvent>.Ok(new(RequestEventType.CorrectionReceived, receivedOn ?? steps.Today)), ct);
}

public sealed class StartConsultation(RequestSteps steps)
{
    /// <summary>Arts. 32/34: the consulted party has 15 working days from receiving the letter.</summary>
    public Task<Result<DisclosureRequest>> RunAsync(StaffActor actor, Guid requestId, ConsultedParty party, string? note, CancellationToken ct = default) =>
        steps.AppendAsync(actor, requestId, RequestAction.Handle, "requests.consultation_started", (_, _) =>
            Result<RequestEvent>.Ok(new(RequestEventType.ConsultationStarted, steps.Today)
            {
                Party = party, DueOn = steps.Clocks.AddWorkingDays(steps.Today, 15), Note = note,
            }), ct);
}

public sealed class ReplyConsultation(RequestSteps steps)
{
    public Task<Result<DisclosureRequest>> RunAsync(StaffActor actor, Guid requestId, int consultationNo, bool silent, string? note, CancellationToken ct = default) =>
        steps.AppendAsync(actor, requestId, RequestAction.Handle, "requests.consultation_replied", (_, _) =>
            Result<RequestEvent>.Ok(new(RequestEventType.ConsultationReplied, steps.Today) { ConsultationNo = consultationNo, Silent = silent, Note = note }), ct);
}

public sealed class ExtendDeadline(RequestSteps steps)
{
    /// <summary>Recorded by the head of the disclosure office, whose approval Art. 33 requires.</summary>
    public Task<Result<DisclosureRequest>> RunAsync(StaffActor actor, Guid requestId, int workingDays, string reason, CancellationToken ct = default) =>
        steps.AppendAsync(actor, requestId, RequestAction.ApproveExtension, "requests.extended", (_, _) =>
            string.IsNullOrWhiteSpace(reason)
                ? new Error("extend.no_reason", "请填写延期理由，延期须告知申请人。", "reason")
                : Result<RequestEvent>.Ok(new(RequestEventType.Extended, steps.Today) { Days = workingDays, ApprovedByOfficeHead = true, PublicText = reason.Trim() }), ct);
}

public sealed class RecordFeePayment(RequestSteps steps)
{
    public Task<Result<DisclosureRequest>> RunAsync(StaffActor actor, Guid requestId, DateOnly? paidOn = null, CancellationToken ct = default) =>
        steps.AppendAsync(actor, requestId, RequestAction.Handle, "requests.fee_paid", (_, _) =>
            Result<RequestEvent>.Ok(new(RequestEventType.FeePaid, paidOn ?? steps.Today)), ct);
}

public sealed class RecordDecision(RequestSteps steps)
{
    /// <summary>The decision is one situation; its table-三 leaf, letter and legal basis follow from it.</summary>
    public Task<Result<DisclosureRequest>> RunAsync(StaffActor actor, Guid requestId, DecisionSituation situation, string? replyText, CancellationToken ct = default) =>
        steps.AppendAsync(actor, requestId, RequestAction.Handle, "requests.decided", (_, _) =>
            Result<RequestEvent>.Ok(new(RequestEventType.Decided, steps.Today) { Situation = situation, PublicText = replyText?.Trim() }), ct);
}

public sealed class ReviewReply(RequestSteps steps)
{
    /// <summary>The recorded 保密审查 of the reply before it goes out.</summary>
    public Task<Result<DisclosureRequest>> RunAsync(StaffActor actor, Guid requestId, string? note, CancellationToken ct = default) =>
        steps.AppendAsync(actor, requestId, RequestAction.ReviewReply, "requests.reply_reviewed", (_, _) =>
            Result<RequestEvent>.Ok(new(RequestEventType.ReplyReviewed, steps.Today) { Note = note }), ct);
}

public sealed class Deliver(RequestSteps steps)
{
    public Task<Result<DisclosureRequest>> RunAsync(StaffActor actor, Guid requestId, DateOnly? deliveredOn = null, CancellationToken ct = default) =>
        steps.AppendAsync(actor, requestId, RequestAction.Handle, "requests.delivered", (_, _) =>
            Result<RequestEvent>.Ok(new(RequestEventType.Delivered, deliveredOn ?? steps.Today)), ct);
}

public sealed class CloseRequest(RequestSteps steps)
{
    public Task<Result<DisclosureRequest>> RunAsync(StaffActor actor, Guid requestId, CancellationToken ct = default) =>
        steps.AppendAsync(actor, requestId, RequestAction.Handle, "requests.closed", (_, _) =>
            Result<RequestEvent>.Ok(new(RequestEventType.Closed, steps.Today)), ct);
}

public sealed class Withdraw(RequestSteps steps)
{
    public Task<Result<DisclosureRequest>> RunAsync(StaffActor actor, Guid requestId, string? note, CancellationToken ct = default) =>
        steps.AppendAsync(actor, requestId, RequestAction.Handle, "requests.withdrawn", (_, _) =>
            Result<RequestEvent>.Ok(new(RequestEventType.Withdrawn, steps.Today) { Note = note }), ct);
}

public sealed class Supervise(RequestSteps steps)
{
    /// <summary>督办 by the competent office: recorded in the request's log and shown to the agency.</summary>
    public Task<Result<DisclosureRequest>> RunAsync(StaffActor actor, Guid requestId, string instruction, CancellationToken ct = default) =>
        steps.AppendAsync(actor, requestId, RequestAction.Supervise, "requests.supervised", (_, _) =>
            Result<RequestEvent>.Ok(new(RequestEventType.Supervised, steps.Today) { Note = instruction?.Trim() }), ct);
}
