using Gongkai.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Requests;

/// <summary>An open request as the inbox counts it: who handles it and its deadline today.</summary>
public sealed record OpenRequestClock(Guid Id, Guid AgencyId, string? HandlerId, RequestDeadline Deadline);

/// <summary>
/// The deadlines of every open request in a set (one agency, or all), for the inbox tabs and the
/// competent office's overview. Reads only what the clock needs — the open requests' ids and
/// handlers, and the clock-relevant lines of their logs — in two queries served by the
/// (agency, is_open) index and the log's primary key; the deadlines themselves come from
/// <see cref="RequestClocks.Deadline"/>, which memoizes them per calendar and clock inputs.
/// </summary>
internal static class OpenDeadlines
{
    /// <summary>The log lines that move the clock (see <see cref="RequestClocks.ToClockEvents"/>); the rest are not read.</summary>
    private static readonly RequestEventType[] ClockTypes =
    [
        RequestEventType.Registered, RequestEventType.CorrectionRequested, RequestEventType.CorrectionReceived,
        RequestEventType.ConsultationStarted, RequestEventType.ConsultationReplied, RequestEventType.Extended,
        RequestEventType.FeeNotified, RequestEventType.FeePaid, RequestEventType.Delivered, RequestEventType.Withdrawn,
        RequestEventType.Reopened,
    ];

    public static async Task<List<OpenRequestClock>> LoadAsync(GongkaiDb db, RequestClocks clocks, Guid? agencyId, DateOnly today, CancellationToken ct)
    {
        var open = db.DisclosureRequests.AsNoTracking().Where(r => r.IsOpen);
        if (agencyId is { } a) open = open.Where(r => r.AgencyId == a);
        var requests = await open.Select(r => new { r.Id, r.AgencyId, r.HandlerId }).ToListAsync(ct);
        if (requests.Count == 0) return [];
        var lines = await (
                from e in db.RequestEvents.AsNoTracking()
                join r in open on e.RequestId equals r.Id
                where ClockTypes.Contains(e.Type)
                select new { e.RequestId, e.Seq, e.Type, e.On, e.Channel, e.DueOn, e.Days, e.Party, e.ConsultationNo })
            .ToListAsync(ct);
        var logs = lines.GroupBy(l => l.RequestId).ToDictionary(g => g.Key, g => g.OrderBy(l => l.Seq)
            .Select(l => new RequestEvent(l.Type, l.On) { Channel = l.Channel, DueOn = l.DueOn, Days = l.Days, Party = l.Party, ConsultationNo = l.ConsultationNo })
            .ToList());
        return requests.Select(r => new OpenRequestClock(r.Id, r.AgencyId, r.HandlerId,
            clocks.Deadline(logs.GetValueOrDefault(r.Id) ?? [], today))).ToList();
    }
}
