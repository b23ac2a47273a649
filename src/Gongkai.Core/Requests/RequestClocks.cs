using Gongkai.Calendar;
using Cal = Gongkai.Calendar;

namespace Gongkai.Requests;

/// <summary>A request's deadline as shown to staff and applicants, with the calendar's explanation.</summary>
public sealed record RequestDeadline(DateOnly? DueOn, bool Overdue, int? RemainingWorkingDays, bool Paused, string Explanation);

/// <summary>
/// Feeds a request's log to the calendar's request clock. Every deadline of the feature comes from
/// here; nothing in Requests counts working days itself. Registered per scope over the calendar in
/// force (<see cref="CalendarStore"/>), read once on first use, so an admin's calendar edit applies
/// to the next request handled.
/// </summary>
public sealed class RequestClocks
{
    private readonly Lazy<WorkingCalendar> _calendar;
    private readonly RequestClockOptions _options;

    public RequestClocks(WorkingCalendar calendar, RequestClockOptions options) : this(() => calendar, options) { }

    public RequestClocks(Func<WorkingCalendar> calendar, RequestClockOptions options)
    {
        _calendar = new Lazy<WorkingCalendar>(calendar);
        _options = options;
    }

    public WorkingCalendar Calendar => _calendar.Value;

    /// <summary>The options part of the memo key: two clocks with equal calendars and this key give equal deadlines.</summary>
    internal string OptionsKey => string.Concat(_options.FeePaymentPausesClock ? "p" : "n", _options.StartDayRule.ToString());

    /// <summary>The same clocks over another calendar (before/after a calendar edit).</summary>
    public RequestClocks With(WorkingCalendar calendar) => new(calendar, _options);

    public DateOnly AddWorkingDays(DateOnly from, int days) => Calendar.AddWorkingDays(from, days);

    /// <summary>
    /// The deadline of a log as of a day. Memoized per (calendar version, clock options, clock
    /// inputs, day): requests received the same day by the same channel with nothing else that moves
    /// the clock share one computation, so an inbox of thousands of open requests computes a few
    /// hundred clocks, and a calendar edit (a new <see cref="WorkingCalendar"/>) starts afresh.
    /// </summary>
    public RequestDeadline Deadline(IEnumerable<RequestEvent> log, DateOnly asOf)
    {
        var events = log as IReadOnlyList<RequestEvent> ?? log.ToList();
        return Deadline(ClockInputs.Of(events), asOf, events);
    }

    /// <summary>The same from a request's stored <see cref="ClockInputs"/>, parsed only when not memoized.</summary>
    public RequestDeadline Deadline(string clockInputs, DateOnly asOf) => Deadline(clockInputs, asOf, null);

    private RequestDeadline Deadline(string inputs, DateOnly asOf, IReadOnlyList<RequestEvent>? log)
    {
        var calendar = Calendar;
        var memo = Memo.GetValue(calendar, _ => new System.Collections.Concurrent.ConcurrentDictionary<string, RequestDeadline>());
        var key = string.Concat(_options.FeePaymentPausesClock ? "p" : "n", _options.StartDayRule.ToString(), asOf.DayNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), "|", inputs);
        if (memo.TryGetValue(key, out var known)) return known;
        var computed = Compute(calendar, ToClockEvents(log ?? ClockInputs.Parse(inputs)), asOf);
        if (memo.Count >= MemoLimit) memo.Clear();
        memo[key] = computed;
        return computed;
    }

    private const int MemoLimit = 100_000;

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<WorkingCalendar,
        System.Collections.Concurrent.ConcurrentDictionary<string, RequestDeadline>> Memo = new();

    private RequestDeadline Compute(WorkingCalendar calendar, IReadOnlyList<ClockEvent> events, DateOnly asOf)
    {
        var result = new RequestClock(calendar, _options).Compute(new RequestClockInput(events, asOf));
        if (!result.Succeeded)
            return new RequestDeadline(null, false, null, false, "期限无法计算：" + string.Join("；", result.Errors.Select(e => e.Message)));
        var r = result.Value;
        return new RequestDeadline(r.DueOn, r.IsOverdue, r.RemainingWorkingDays, r.IsPaused, r.Explanation);
    }

    /// <summary>
    /// The clock events of a log. After a reopening (a 纠正 outcome) only the part since the reopening
    /// counts, as a new period from the reopening day — an assumption: the law leaves the new period
    /// to the reconsideration decision or judgment, which usually orders a new answer "within the
    /// statutory period".
    /// </summary>
    public static IReadOnlyList<ClockEvent> ToClockEvents(IEnumerable<RequestEvent> log)
    {
        var events = log.ToList();
        var lastReopen = events.FindLastIndex(e => e.Type == RequestEventType.Reopened);
        var clock = new List<ClockEvent>();
        var consultations = 0; // numbered over the whole log, as RequestHistory numbers them
        if (lastReopen >= 0)
        {
            consultations = events.Take(lastReopen).Count(x => x.Type == RequestEventType.ConsultationStarted);
            clock.Add(new RequestReceived(events[lastReopen].On, ReceiptChannel.InPerson));
            events = events.Skip(lastReopen + 1).ToList();
        }
        foreach (var e in events)
        {
            switch (e.Type)
            {
                case RequestEventType.Registered:
                    // Registered.On already is the Art. 31 receipt date, so the confirmation is that day.
                    clock.Add(new RequestReceived(e.On, Map(e.Channel ?? Channel.InPerson), e.On));
                    break;
                case RequestEventType.CorrectionRequested: clock.Add(new Cal.CorrectionRequested(e.On, e.DueOn ?? e.On)); break;
                case RequestEventType.CorrectionReceived: clock.Add(new Cal.CorrectionReceived(e.On)); break;
                case RequestEventType.ConsultationStarted:
                    clock.Add(new Cal.ConsultationStarted(e.On, e.Party ?? ConsultedParty.OtherOrgan, $"c{++consultations}"));
                    break;
                case RequestEventType.ConsultationReplied: clock.Add(new ConsultationEnded(e.On, $"c{e.ConsultationNo}")); break;
                case RequestEventType.Extended: clock.Add(new DeadlineExtended(e.On, e.Days ?? 0)); break;
                case RequestEventType.FeeNotified: clock.Add(new FeeNoticeSent(e.On)); break;
                case RequestEventType.FeePaid: clock.Add(new Cal.FeePaid(e.On)); break;
                // The answer is given when the reply reaches the applicant; terminal outcomes too.
                case RequestEventType.Delivered: clock.Add(new Answered(e.On)); break;
                case RequestEventType.Withdrawn: clock.Add(new Cal.Withdrawn(e.On)); break;
            }
        }
        return clock;
    }

    private static ReceiptChannel Map(Channel c) => c switch
    {
        Channel.Letter => ReceiptChannel.SignedPost,
        Channel.LetterOrdinary => ReceiptChannel.OrdinaryPost,
        Channel.Fax => ReceiptChannel.Fax,
        Channel.Email => ReceiptChannel.Email,
        Channel.Online => ReceiptChannel.Online,
        _ => ReceiptChannel.InPerson,
    };
}
