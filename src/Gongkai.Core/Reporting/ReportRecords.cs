using Gongkai.Appeals;
using Gongkai.Catalog;

namespace Gongkai.Reporting;

/// <summary>
/// One request as the report sees it. <see cref="DecidedOn"/> is the decision (or withdrawal) date;
/// null while the request is open. <see cref="Extended"/>: the answer period was extended.
/// </summary>
public sealed record RequestFact(
    Guid Id, ApplicantColumn Column, DateOnly ReceivedOn, DateOnly? DecidedOn, ResultLeaf? Leaf, string Channel, bool Extended)
{
    public bool IsDecided => DecidedOn is not null && Leaf is not null;

    /// <summary>Open at the end of <paramref name="day"/>: received by then, not decided by then.</summary>
    public bool OpenAt(DateOnly day) => ReceivedOn <= day && (!IsDecided || DecidedOn > day);
}

/// <summary>A reconsideration or lawsuit; its state at year end is its outcome if decided by then, else pending.</summary>
public sealed record AppealFact(Guid Id, Guid RequestId, AppealKind Kind, DateOnly FiledOn, AppealOutcome Outcome, DateOnly? DecidedOn)
{
    public AppealOutcome OutcomeAt(DateOnly day) => DecidedOn is { } d && d <= day ? Outcome : AppealOutcome.Pending;
}

/// <summary>A public catalogue item (withdrawn items are left out by the loader).</summary>
public sealed record ItemFact(Guid Id, ItemKind Kind, DateOnly WrittenOn, DateOnly? PublishedOn, bool Repealed, DateOnly? RepealedOn)
{
    public bool InForceAt(DateOnly day) => WrittenOn <= day && (!Repealed || RepealedOn is null || RepealedOn > day);
}

/// <summary>
/// Everything a report is computed from, for one agency or a set of agencies. Table 三 counts
/// <see cref="Tallies"/> when present (loaded by SQL grouping; <see cref="Requests"/> is then empty),
/// else groups <see cref="Requests"/> in memory.
/// </summary>
public sealed record ReportRecords(IReadOnlyList<RequestFact> Requests, IReadOnlyList<AppealFact> Appeals, IReadOnlyList<ItemFact> Items,
    RequestTallies? Tallies = null)
{
    /// <summary>Requests received in <paramref name="year"/> by month (index 0 = January).</summary>
    public int[] ReceivedByMonth(int year) => (Tallies is { } t && t.Year == year ? t : RequestTallies.From(Requests, year)).ReceivedByMonth();

    public static ReportRecords Empty { get; } = new([], [], []);
}

/// <summary>How table 四 picks the appeals of a year (the format does not say; annual-report-format.md §5).</summary>
public enum AppealCounting
{
    /// <summary>Appeals filed in the year, in their state on 31 December (default).</summary>
    FiledInYear,
    /// <summary>Also appeals filed earlier that were still pending on 1 January.</summary>
    ActiveInYear,
}

/// <summary>
/// The points the spec leaves open, as named settings (section "Reporting" of the configuration).
/// </summary>
public sealed class ReportingOptions
{
    public const string Section = "Reporting";

    public AppealCounting AppealCounting { get; set; } = AppealCounting.FiledInYear;

    /// <summary>
    /// 本年废止件数 counts 废止 and also 失效 (expired by its own terms): both leave 现行有效. Set false
    /// to count only 废止.
    /// </summary>
    public bool CountExpiredAsRepealed { get; set; } = true;

    /// <summary>
    /// Deadline (month, day of the following year) for townships: the regulation sets none (regulation.md
    /// §8, Art. 49); local rules decide. Default: the departments' 31 January.
    /// </summary>
    public int TownshipDeadlineMonth { get; set; } = 1;
    public int TownshipDeadlineDay { get; set; } = 31;
}
