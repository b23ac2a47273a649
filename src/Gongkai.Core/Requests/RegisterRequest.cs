using Gongkai.Common;
using Gongkai.Data;

namespace Gongkai.Requests;

/// <summary>
/// What staff record about a request that did not come through the portal: the channel and the dates
/// the Art. 31 receipt rule needs (raw, as typed; field names are the keys of the field errors).
/// </summary>
public sealed record IntakeInput(string? Channel, DateOnly? ArrivedOn, DateOnly? SignedOn, DateOnly? ConfirmedOn, string? Note);

/// <summary>The saved request with its receipt date and due date, each with its explanation.</summary>
public sealed record RegistrationReceipt(SubmissionReceipt Receipt, Channel Channel, string ReceiptExplanation, string DueExplanation);

/// <summary>
/// Staff of an agency register a request that came in person, by letter, fax, e-mail or otherwise,
/// recording the dates the Art. 31 receipt rule needs for that channel. The applicant fields are
/// validated exactly as the online form's; on any error nothing is stored.
/// </summary>
public sealed class RegisterRequest(GongkaiDb db, TimeProvider clock, PersonalDataProtector protector, RequestClocks clocks)
{
    public const int MaxNote = 2000;

    /// <summary>The channels staff register; online requests come through the portal or the API.</summary>
    public static readonly Channel[] StaffChannels = [Channel.InPerson, Channel.Letter, Channel.LetterOrdinary, Channel.Fax, Channel.Email, Channel.Other];

    public async Task<Result<RegistrationReceipt>> RunAsync(StaffActor actor, Guid agencyId, ApplicationForm form, IntakeInput intake, CancellationToken ct = default)
    {
        if (!actor.Allows(RequestAction.Handle, agencyId)) return new Error("forbidden", RequestPermissions.Refusal(RequestAction.Handle));
        var (app, fieldErrors) = ApplicationValidation.Validate(form);
        var errors = fieldErrors.Select(kv => new Error("invalid", kv.Value, kv.Key)).ToList();
        var today = ChinaTime.Today(clock);

        DateOnly? receivedOn = null;
        var dates = intake.ArrivedOn is { } arrived ? new IntakeDates(arrived, intake.SignedOn, intake.ConfirmedOn) : null;
        var channelOk = IntakeKeys.TryParseChannel(intake.Channel?.Trim(), out var channel) && StaffChannels.Contains(channel);
        if (!channelOk) errors.Add(new Error("invalid", "请选择申请的提交渠道：当面、信函（需签收或平常信函）、传真、电子邮件或其他。", "channel"));
        if (intake.ArrivedOn is null) errors.Add(new Error("invalid", "请填写申请到达本机关（当面提交、邮件送达、传真或电子邮件收到）的日期。", "arrivedOn"));
        else if (intake.ArrivedOn > today) errors.Add(new Error("invalid", "申请到达日期不能晚于今天。", "arrivedOn"));
        else if (channelOk && dates is not null)
        {
            var (date, dateError) = ReceiptDate.For(channel, dates);
            var field = channel == Channel.Letter ? "signedOn" : "confirmedOn";
            if (dateError is not null) errors.Add(new Error("invalid", dateError, field));
            else if (date > today) errors.Add(new Error("invalid", "签收或确认日期不能晚于今天。", field));
            else receivedOn = date;
        }
        var note = (intake.Note ?? "").Trim();
        if (note.Length > MaxNote) errors.Add(new Error("invalid", $"备注不能超过{MaxNote}个字。", "note"));
        if (errors.Count > 0 || app is null || receivedOn is null || dates is null) return Result<RegistrationReceipt>.Fail(errors);

        var dateNote = ReceiptDate.Record(channel, dates);
        var request = DisclosureRequest.Create(agencyId, app, channel, receivedOn.Value, clock.GetUtcNow(), protector, null,
            actor.UserId.ToString(), note.Length == 0 ? dateNote : $"{dateNote}；{note}");
        db.DisclosureRequests.Add(request);
        db.Audit.Record(actor.AuditName, agencyId, "requests.register", $"DisclosureRequest:{request.QueryCode}",
            $"登记申请 {request.QueryCode}（{channel.Label()}，收到申请之日 {receivedOn:yyyy-MM-dd}）");
        await db.SaveChangesAsync(ct);
        var deadline = clocks.Deadline(request.Events.Select(e => e.ToEvent()), today);
        var receipt = new SubmissionReceipt(request.Id, request.QueryCode, request.Password(protector), request.ReceivedOn, deadline.DueOn, true);
        return Result<RegistrationReceipt>.Ok(new RegistrationReceipt(receipt, channel,
            ReceiptDate.Explain(channel, dates, receivedOn.Value), deadline.Explanation));
    }
}
