using Gongkai.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Requests;

/// <summary>An open request as the inbox counts it: who handles it and its deadline today.</summary>
public sealed record OpenRequestClock(Guid Id, Guid AgencyId, string? HandlerId, RequestDeadline Deadline);

/// <summary>
/// The deadlines of every open request in a set (one agency, or all), for the inbox tabs and the
/// competent office's overview. Reads only what the clock needs — the open requests' ids and
/// handlers and clock inputs — in one query served by the
/// (agency, is_open) index, reading each open request's <see cref="ClockInputs"/>; the deadlines themselves come from
/// <see cref="RequestClocks.Deadline"/>, which memoizes them per calendar and clock inputs.
/// </summary>
internal static class OpenDeadlines
{
    public static async Task<List<OpenRequestClock>> LoadAsync(GongkaiDb db, RequestClocks clocks, Guid? agencyId, DateOnly today, CancellationToken ct)
    {
        var open = db.DisclosureRequests.AsNoTracking().Where(r => r.IsOpen);
        if (agencyId is { } a) open = open.Where(r => r.AgencyId == a);
        var requests = await open.Select(r => new { r.Id, r.AgencyId, r.HandlerId, r.ClockInputs }).ToListAsync(ct);
        if (requests.Count == 0) return [];
        // Rows stored before the ClockInputs column: read the clock lines of their logs.
        var logs = new Dictionary<Guid, List<RequestEvent>>();
        if (requests.Any(r => r.ClockInputs is null))
        {
            var types = ClockInputs.Types.ToArray();
            var lines = await (
                    from e in db.RequestEvents.AsNoTracking()
                    join r in open.Where(r => r.ClockInputs == null) on e.RequestId equals r.Id
                    where types.Contains(e.Type)
                    select new { e.RequestId, e.Seq, e.Type, e.On, e.Channel, e.DueOn, e.Days, e.Party, e.ConsultationNo })
                .ToListAsync(ct);
            logs = lines.GroupBy(l => l.RequestId).ToDictionary(g => g.Key, g => g.OrderBy(l => l.Seq)
                .Select(l => new RequestEvent(l.Type, l.On) { Channel = l.Channel, DueOn = l.DueOn, Days = l.Days, Party = l.Party, ConsultationNo = l.ConsultationNo })
                .ToList());
        }
        return requests.Select(r => new OpenRequestClock(r.Id, r.AgencyId, r.HandlerId, r.ClockInputs is { } inputs
            ? clocks.Deadline(inputs, today)
            : clocks.Deadline(logs.GetValueOrDefault(r.Id) ?? [], today))).ToList();
    }
}
