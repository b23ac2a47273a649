namespace Gongkai.Reporting;

/// <summary>
/// Where a date falls relative to the year a tally was made for (year Y): before Y−1, in Y−1, in Y,
/// after Y; <see cref="Never"/> for a request not decided. Ordered, so a tally made for Y also
/// gives Y−1's table (last year's continuity) by comparing ranks.
/// </summary>
public enum TallyPeriod { BeforeLastYear = 0, LastYear = 1, ThisYear = 2, Later = 3, Never = 4 }

/// <summary>
/// A number of requests sharing applicant column, result leaf, receipt and decision periods (and
/// receipt month, for those received in year Y, when grouped in memory; 0 otherwise). <see cref="AgencyId"/> is
/// <see cref="Guid.Empty"/> unless the tally was made per agency.
/// </summary>
public sealed record RequestTally(Guid AgencyId, ApplicantColumn Column, ResultLeaf? Leaf, TallyPeriod Received, TallyPeriod Decided, int Month, int Count);

/// <summary>
/// Table 三's requests counted by group rather than one fact per request: what a SQL
/// <c>GROUP BY</c> gives (<see cref="ReportRecordQueries.TallyAsync"/>) or, for records held in
/// memory, <see cref="From"/>. Serves year <see cref="Year"/> and the year before it.
/// </summary>
public sealed record RequestTallies(int Year, IReadOnlyList<RequestTally> Rows)
{
    /// <summary>The period of <paramref name="day"/> relative to <paramref name="year"/>.</summary>
    public static TallyPeriod PeriodOf(DateOnly day, int year) =>
        day.Year < year - 1 ? TallyPeriod.BeforeLastYear : day.Year == year - 1 ? TallyPeriod.LastYear : day.Year == year ? TallyPeriod.ThisYear : TallyPeriod.Later;

    /// <summary>The same grouping over facts held in memory (tests, legacy loads).</summary>
    public static RequestTallies From(IEnumerable<RequestFact> requests, int year) =>
        new(year, [.. requests
            .GroupBy(r => (r.Column, Leaf: r.IsDecided ? r.Leaf : null, Received: PeriodOf(r.ReceivedOn, year),
                Decided: r.IsDecided ? PeriodOf(r.DecidedOn!.Value, year) : TallyPeriod.Never,
                Month: r.ReceivedOn.Year == year ? r.ReceivedOn.Month : 0))
            .Select(g => new RequestTally(Guid.Empty, g.Key.Column, g.Key.Leaf, g.Key.Received, g.Key.Decided, g.Key.Month, g.Count()))]);

    /// <summary>
    /// Requests received in <see cref="Year"/> by month (index 0 = January) when counted by a
    /// separate query (<see cref="ReportRecordQueries.TallyAsync"/>): its <see cref="Rows"/> then
    /// carry month 0. Null when the rows carry the months themselves.
    /// </summary>
    public IReadOnlyList<int>? ReceivedMonths { get; init; }

    /// <summary>Only the rows of the given agencies (for tallies made per agency).</summary>
    public RequestTallies Of(IReadOnlySet<Guid> agencyIds) => this with { Rows = [.. Rows.Where(r => agencyIds.Contains(r.AgencyId))], ReceivedMonths = null };

    /// <summary>Requests received in <paramref name="year"/> by month (index 0 = January).</summary>
    public int[] ReceivedByMonth()
    {
        if (ReceivedMonths is { } counted) return [.. counted];
        var months = new int[12];
        foreach (var r in Rows)
            if (r.Received == TallyPeriod.ThisYear && r.Month is >= 1 and <= 12) months[r.Month - 1] += r.Count;
        return months;
    }
}
