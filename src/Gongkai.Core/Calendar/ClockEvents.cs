namespace Gongkai.Calendar;

/// <summary>
/// The dated facts the statutory clock of a disclosure request depends on. The Requests feature
/// keeps an append-only event log and maps it to these; <see cref="RequestClock"/> derives the
/// deadline and status from them. Events are ordered by date, then by their position in the list.
/// </summary>
public abstract record ClockEvent(DateOnly On);

/// <summary>The request arrived (Art. 31). <paramref name="On"/> is the day of submission (in person), of signing for it (signed post), or of its arrival (ordinary post, fax, e-mail, online).</summary>
/// <param name="ConfirmedOn">For ordinary post, fax, e-mail and online requests: the day the office and the applicant confirmed it (null = not yet confirmed, the clock has not started).</param>
public sealed record RequestReceived(DateOnly On, ReceiptChannel Channel, DateOnly? ConfirmedOn = null) : ClockEvent(On);

/// <summary>The one-time 补正 notice was sent (Art. 30); the applicant must reply by <paramref name="ReplyBy"/>.</summary>
public sealed record CorrectionRequested(DateOnly On, DateOnly ReplyBy) : ClockEvent(On);

/// <summary>The corrected request arrived: the whole period starts again from this day (Art. 30).</summary>
public sealed record CorrectionReceived(DateOnly On) : ClockEvent(On);

/// <summary>A consultation letter was sent (Art. 32 third party, Art. 34 other organ); the time until the reply is not counted (Art. 33).</summary>
/// <param name="Key">Pairs the start with its <see cref="ConsultationEnded"/>; several consultations may run at once.</param>
/// <param name="LetterReceivedOn">When the consulted party received the letter (its 15 working days run from then); null = the day it was sent.</param>
public sealed record ConsultationStarted(DateOnly On, ConsultedParty Party, string Key, DateOnly? LetterReceivedOn = null) : ClockEvent(On);

/// <summary>The consulted party's reply arrived.</summary>
public sealed record ConsultationEnded(DateOnly On, string Key) : ClockEvent(On);

/// <summary>The head of the disclosure office approved an extension (Art. 33: at most 20 working days in all; 15 under the 2008 regulation).</summary>
public sealed record DeadlineExtended(DateOnly On, int WorkingDays) : ClockEvent(On);

/// <summary>A 信息处理费 notice was sent (fees.md §6). The applicant has 20 working days from the day after receiving it to pay.</summary>
public sealed record FeeNoticeSent(DateOnly On, DateOnly? NoticeReceivedOn = null) : ClockEvent(On);

public sealed record FeePaid(DateOnly On) : ClockEvent(On);

/// <summary>The reply (答复) was given: the clock stops.</summary>
public sealed record Answered(DateOnly On) : ClockEvent(On);

public sealed record Withdrawn(DateOnly On) : ClockEvent(On);

/// <summary>How a request reached the organ; decides the receipt date (Art. 31). Legacy report keys: in_person, letter, fax, email, online.</summary>
public enum ReceiptChannel
{
    /// <summary>当面提交: the day of submission.</summary>
    InPerson,
    /// <summary>邮寄需要签收: the day the organ signs for it.</summary>
    SignedPost,
    /// <summary>平常信函等无需签收: the day the office confirms with the applicant (it must do so on the day the letter arrives).</summary>
    OrdinaryPost,
    /// <summary>传真: the day both parties confirm.</summary>
    Fax,
    /// <summary>电子邮件 (an internet channel): the day both parties confirm.</summary>
    Email,
    /// <summary>网上申请 (internet channel): the day both parties confirm.</summary>
    Online,
}

public enum ConsultedParty
{
    /// <summary>征求第三方意见 (Art. 32).</summary>
    ThirdParty,
    /// <summary>征求其他机关意见 (Art. 34 and Art. 33).</summary>
    OtherOrgan,
}

/// <summary>Which regulation's clock applies: decided by the receipt date (the 2019 revision took effect on 2019-05-15).</summary>
public enum ClockRegime
{
    /// <summary>国务院令第492号 (2008): 15 + at most 15 working days, no 补正 clock, only third-party consultation paused.</summary>
    Regulation2008,
    /// <summary>国务院令第711号 (2019): 20 + at most 20 working days, 7-working-day 补正 notice, restart on correction.</summary>
    Regulation2019,
}

public enum ClockStatus
{
    /// <summary>The receipt date is not yet established (confirmation pending).</summary>
    NotStarted,
    Running,
    Paused,
    AwaitingCorrection,
    Overdue,
    AnsweredOnTime,
    AnsweredLate,
    Withdrawn,
    /// <summary>视为放弃申请: no correction by the deadline (Art. 30).</summary>
    AbandonedNoCorrection,
    /// <summary>视为放弃申请: the fee was not paid in the payment window (fees.md §6).</summary>
    AbandonedFeeUnpaid,
}

public enum SegmentKind
{
    Counting,
    Paused,
    AwaitingCorrection,
}

/// <summary>A stretch of the clock: counted, paused (not counted) or waiting for the applicant's correction.</summary>
/// <param name="From">First day of the stretch.</param>
/// <param name="To">Last day of the stretch.</param>
/// <param name="WorkingDays">Working days in the stretch (counted for Counting, not counted otherwise).</param>
public sealed record ClockSegment(SegmentKind Kind, DateOnly From, DateOnly To, int WorkingDays, string Description);

/// <summary>Named configurable rules of the request clock.</summary>
public sealed class RequestClockOptions
{
    /// <summary>
    /// fee_payment_pauses_clock (fees.md §6): whether the time from sending a fee notice until
    /// payment is left out of the Art. 33 period. The retrieved text of 国办函〔2020〕109号 does not
    /// settle it; default true, a legal assumption to confirm against the official text.
    /// </summary>
    public bool FeePaymentPausesClock { get; set; } = true;

    /// <summary>Whether the receipt day counts (see <see cref="Calendar.StartDayRule"/>); default: not counted.</summary>
    public StartDayRule StartDayRule { get; set; } = StartDayRule.NextDay;
}

/// <summary>The request's clock as of a date, with its stretches and a Chinese explanation.</summary>
public sealed record RequestClockResult(
    ClockRegime Regime,
    ClockStatus Status,
    DateOnly AsOf,
    DateOnly? ReceivedOn,
    DateOnly? CountingFrom,
    int AllowedWorkingDays,
    int ExtensionWorkingDays,
    int WorkingDaysUsed,
    DateOnly? DueOn,
    int? RemainingWorkingDays,
    DateOnly? CorrectionNoticeDueOn,
    DateOnly? CorrectionReplyBy,
    DateOnly? FeePaymentDueOn,
    DateOnly? ClosedOn,
    IReadOnlyList<ClockSegment> Segments,
    IReadOnlyList<string> Findings,
    string Explanation,
    bool Flagged,
    IReadOnlyList<int> UnpublishedYears)
{
    public bool IsPaused => Status == ClockStatus.Paused;

    public bool IsOverdue => Status is ClockStatus.Overdue or ClockStatus.AnsweredLate;
}
