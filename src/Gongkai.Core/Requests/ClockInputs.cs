using System.Globalization;
using System.Text;
using Gongkai.Calendar;

namespace Gongkai.Requests;

/// <summary>
/// The lines of a request's log that move its clock, as one compact string kept on the request
/// (<see cref="DisclosureRequest.ClockInputs"/>, refreshed on every append like the other projection
/// columns). The inbox reads it instead of the log, and it is the memo key of the deadline: requests
/// with the same inputs share one computation. Not a stored deadline — the calendar still decides.
/// Format: one <c>Type,yyyyMMdd,channel,dueOn,days,party,consultationNo</c> per line, joined by ';'.
/// </summary>
public static class ClockInputs
{
    private static readonly HashSet<RequestEventType> ClockTypes =
    [
        RequestEventType.Registered, RequestEventType.CorrectionRequested, RequestEventType.CorrectionReceived,
        RequestEventType.ConsultationStarted, RequestEventType.ConsultationReplied, RequestEventType.Extended,
        RequestEventType.FeeNotified, RequestEventType.FeePaid, RequestEventType.Delivered, RequestEventType.Withdrawn,
        RequestEventType.Reopened,
    ];

    /// <summary>The log lines <see cref="RequestClocks.ToClockEvents"/> reads; the rest are left out.</summary>
    public static bool MovesTheClock(RequestEventType type) => ClockTypes.Contains(type);

    public static IReadOnlyCollection<RequestEventType> Types => ClockTypes;

    /// <summary>Longer inputs (some 25 clock steps) are not kept (null): the column is indexed, and PostgreSQL caps index entries.</summary>
    public const int MaxLength = 1000;

    public static string Of(IEnumerable<RequestEvent> log)
    {
        var text = new StringBuilder();
        foreach (var e in log.Where(e => MovesTheClock(e.Type)))
        {
            if (text.Length > 0) text.Append(';');
            text.Append(e.Type).Append(',').Append(e.On.ToString("yyyyMMdd", CultureInfo.InvariantCulture)).Append(',')
                .Append(e.Channel?.Key()).Append(',')
                .Append(e.DueOn?.ToString("yyyyMMdd", CultureInfo.InvariantCulture)).Append(',')
                .Append(e.Days?.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(e.Party?.ToString()).Append(',')
                .Append(e.ConsultationNo?.ToString(CultureInfo.InvariantCulture));
        }
        return text.ToString();
    }

    public static IReadOnlyList<RequestEvent> Parse(string inputs)
    {
        var events = new List<RequestEvent>();
        if (inputs.Length == 0) return events;
        foreach (var line in inputs.Split(';'))
        {
            var f = line.Split(',');
            events.Add(new RequestEvent(Enum.Parse<RequestEventType>(f[0]), Date(f[1])!.Value)
            {
                Channel = f[2].Length == 0 ? null : DisclosureRequestConfiguration.ParseChannel(f[2]),
                DueOn = Date(f[3]),
                Days = f[4].Length == 0 ? null : int.Parse(f[4], CultureInfo.InvariantCulture),
                Party = f[5].Length == 0 ? null : Enum.Parse<ConsultedParty>(f[5]),
                ConsultationNo = f[6].Length == 0 ? null : int.Parse(f[6], CultureInfo.InvariantCulture),
            });
        }
        return events;
    }

    private static DateOnly? Date(string s) =>
        s.Length == 0 ? null : DateOnly.ParseExact(s, "yyyyMMdd", CultureInfo.InvariantCulture);
}
