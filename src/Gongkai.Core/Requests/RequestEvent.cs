using Gongkai.Calendar;

namespace Gongkai.Requests;

/// <summary>
/// The closed set of things that can happen to a request. Each is one line of its append-only log;
/// status and deadline are derived from the log and the calendar, never stored as flags.
/// </summary>
public enum RequestEventType
{
    Registered,
    Assigned,
    CorrectionRequested,
    CorrectionReceived,
    ConsultationStarted,
    ConsultationReplied,
    Extended,
    FeeNotified,
    FeePaid,
    Decided,
    ReplyReviewed,
    Delivered,
    Closed,
    Withdrawn,
    Reopened,
    Supervised,
    /// <summary>Informational: an admin's calendar edit touched the request's period; <see cref="RequestEvent.Note"/> holds the history line. Changes no status.</summary>
    CalendarChanged,
}

/// <summary>
/// One entry of a request's log. <see cref="On"/> is the date of law (China Standard Time) the step
/// counts from; the payload fields used depend on <see cref="Type"/>. <see cref="Note"/> is for staff
/// only and never shown to the applicant.
/// </summary>
public sealed record RequestEvent(RequestEventType Type, DateOnly On)
{
    public string? Actor { get; init; }

    /// <summary>Registered: the Art. 31 receipt date is <see cref="On"/>; the channel is recorded here.</summary>
    public Channel? Channel { get; init; }

    /// <summary>Assigned: the handler's staff id.</summary>
    public string? Handler { get; init; }

    /// <summary>CorrectionRequested: the reasonable deadline given to the applicant. FeeNotified: the payment deadline.
    /// ConsultationStarted: the consulted party's reply deadline (15 working days).</summary>
    public DateOnly? DueOn { get; init; }

    /// <summary>Extended: working days added.</summary>
    public int? Days { get; init; }

    /// <summary>Extended: the head of the disclosure office agreed (Art. 33).</summary>
    public bool ApprovedByOfficeHead { get; init; }

    public ConsultedParty? Party { get; init; }

    /// <summary>ConsultationReplied: which consultation (1-based, in order started).</summary>
    public int? ConsultationNo { get; init; }

    /// <summary>ConsultationReplied: the party did not answer within its 15 working days.</summary>
    public bool Silent { get; init; }

    public FeeMethod? FeeMethod { get; init; }
    public int? FeeQuantity { get; init; }
    public decimal? FeeAmount { get; init; }

    /// <summary>Decided: the situation chosen; the table-三 leaf follows from it.</summary>
    public DecisionSituation? Situation { get; init; }

    /// <summary>Text shown to the applicant: what to correct, the reasons, where to get the information…</summary>
    public string? PublicText { get; init; }

    /// <summary>
    /// The step comes from an imported register (台账) line, not from handling in Gongkai: the outcome
    /// is recorded as the register states it, without the preconditions it would need here.
    /// </summary>
    public bool Imported { get; init; }

    /// <summary>Internal note; never shown on the tracking page or in letters.</summary>
    public string? Note { get; init; }
}
