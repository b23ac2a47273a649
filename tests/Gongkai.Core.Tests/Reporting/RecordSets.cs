using Gongkai.Appeals;
using Gongkai.Catalog;
using Gongkai.Reporting;

namespace Gongkai.Core.Tests.Reporting;

/// <summary>
/// A hand-made county office's records over 2023–2025, small enough that its tables are written
/// out by hand in the tests. Requests L00–L20 are received and decided in 2024, one per outcome
/// leaf, leaf i in applicant column i mod 6.
/// </summary>
public static class RecordSets
{
    public static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    private static int _next;
    private static Guid Id() => new(Interlocked.Increment(ref _next), 0, 0, [0, 0, 0, 0, 0, 0, 0, 0]);

    public static RequestFact Req(ApplicantColumn column, string received, string? decided = null, ResultLeaf? leaf = null,
        string channel = "online", bool extended = false) =>
        new(Id(), column, D(received), decided is null ? null : D(decided), leaf, channel, extended);

    public static ReportRecords County()
    {
        var requests = new List<RequestFact>();
        foreach (var leaf in ReportKeys.Leaves)
        {
            var i = (int)leaf;
            var received = new DateOnly(2024, 1 + i % 12, 3);
            requests.Add(new RequestFact(Id(), ReportKeys.ApplicantParts[i % 6], received, received.AddDays(15), leaf, "online", Extended: i == 0));
        }
        requests.AddRange(
        [
            // X1: received in 2023, decided in January 2024.
            Req(ApplicantColumn.NaturalPerson, "2023-12-20", "2024-01-10", ResultLeaf.Granted, "letter"),
            // X2: received in 2023, still open at the end of 2025 (carried across two year ends).
            Req(ApplicantColumn.LegalPersonCommercial, "2023-11-01"),
            // X3: received and decided in 2023: not in 2024's report.
            Req(ApplicantColumn.LegalPersonResearch, "2023-05-01", "2023-06-01", ResultLeaf.Granted),
            // X4: received late in 2024, still open.
            Req(ApplicantColumn.LegalPersonResearch, "2024-12-25", channel: "in_person"),
            // X5: received in 2024, decided in 2025.
            Req(ApplicantColumn.LegalPersonLegalService, "2024-12-01", "2025-01-05", ResultLeaf.Granted),
            // X6: extended across the year end, decided in 2025.
            Req(ApplicantColumn.NaturalPerson, "2024-12-10", "2025-01-15", ResultLeaf.Partial, "letter_ordinary", extended: true),
            // X7: received and dropped for non-payment in 2025.
            Req(ApplicantColumn.LegalPersonPublicWelfare, "2025-02-01", "2025-02-20", ResultLeaf.OtherFeeUnpaid),
        ]);

        var r = Guid.NewGuid();
        AppealFact Appeal(AppealKind kind, string filed, AppealOutcome outcome = AppealOutcome.Pending, string? decided = null) =>
            new(Id(), r, kind, D(filed), outcome, decided is null ? null : D(decided));
        List<AppealFact> appeals =
        [
            Appeal(AppealKind.Reconsideration, "2024-02-01", AppealOutcome.Upheld, "2024-03-20"),
            Appeal(AppealKind.Reconsideration, "2024-04-01", AppealOutcome.Corrected, "2024-05-20"),
            Appeal(AppealKind.Reconsideration, "2024-06-01", AppealOutcome.Other, "2024-07-01"),
            // decided after the year end: pending in 2024's table
            Appeal(AppealKind.Reconsideration, "2024-11-01", AppealOutcome.Upheld, "2025-01-10"),
            Appeal(AppealKind.LitigationDirect, "2024-03-01", AppealOutcome.Upheld, "2024-09-01"),
            Appeal(AppealKind.LitigationAfterReview, "2024-06-10"),
            // filed in 2023, pending on 1 January 2024, corrected in 2024
            Appeal(AppealKind.LitigationDirect, "2023-10-01", AppealOutcome.Corrected, "2024-03-01"),
            Appeal(AppealKind.Reconsideration, "2025-03-01"),
        ];

        ItemFact Item(ItemKind kind, string written, string? repealed = null) =>
            new(Id(), kind, D(written), D(written).AddDays(5), repealed is not null, repealed is null ? null : D(repealed));
        List<ItemFact> items =
        [
            Item(ItemKind.regulation, "2024-02-01"),
            Item(ItemKind.regulation, "2020-05-01"),
            Item(ItemKind.regulation, "2019-03-01", "2024-06-30"),
            Item(ItemKind.normative, "2024-03-01", "2024-11-30"),
            Item(ItemKind.normative, "2023-08-01", "2025-03-01"),
            Item(ItemKind.licensing_decision, "2024-01-15"),
            Item(ItemKind.licensing_decision, "2024-07-15"),
            Item(ItemKind.licensing_decision, "2023-07-15"),
            Item(ItemKind.penalty_decision, "2024-09-09"),
            Item(ItemKind.other, "2024-09-10"),
        ];
        return new ReportRecords(requests, appeals, items);
    }

    /// <summary>The county's table 三 for 2024, written out by hand.</summary>
    public static readonly string[] County2024 =
    [
        //                                         np com res pw ls oth total
        "new                                        5  4   5  3  4  3  24",
        "carried_over                               1  1   0  0  0  0   2",
        "result.granted                             2  0   0  0  0  0   2",
        "result.partial                             0  1   0  0  0  0   1",
        "result.withheld.state_secret               0  0   1  0  0  0   1",
        "result.withheld.law_prohibited             0  0   0  1  0  0   1",
        "result.withheld.security_stability         0  0   0  0  1  0   1",
        "result.withheld.third_party                0  0   0  0  0  1   1",
        "result.withheld.internal_affairs           1  0   0  0  0  0   1",
        "result.withheld.process_info               0  1   0  0  0  0   1",
        "result.withheld.enforcement_file           0  0   1  0  0  0   1",
        "result.withheld.admin_query                0  0   0  1  0  0   1",
        "result.unable.not_held                     0  0   0  0  1  0   1",
        "result.unable.needs_creation               0  0   0  0  0  1   1",
        "result.unable.still_unclear                1  0   0  0  0  0   1",
        "result.not_processed.petition              0  1   0  0  0  0   1",
        "result.not_processed.repeat                0  0   1  0  0  0   1",
        "result.not_processed.publication           0  0   0  1  0  0   1",
        "result.not_processed.excessive             0  0   0  0  1  0   1",
        "result.not_processed.confirm_or_reissue    0  0   0  0  0  1   1",
        "result.other.no_correction                 1  0   0  0  0  0   1",
        "result.other.fee_unpaid                    0  1   0  0  0  0   1",
        "result.other.other                         0  0   1  0  0  0   1",
        "result.total                               5  4   4  3  3  3  22",
        "carry_forward                              1  1   1  0  1  0   4",
    ];

    /// <summary>The county's table 三 for 2025: carries over exactly what 2024 carried forward.</summary>
    public static readonly string[] County2025 =
    [
        "new                        0  0   0  1  0  0   1",
        "carried_over               1  1   1  0  1  0   4",
        "result.granted             0  0   0  0  1  0   1",
        "result.partial             1  0   0  0  0  0   1",
        "result.other.fee_unpaid    0  0   0  1  0  0   1",
        "result.other.other         0  0   0  0  0  0   0",
        "result.total               1  0   0  1  1  0   3",
        "carry_forward              0  1   1  0  0  0   2",
    ];

    /// <summary>Parses a hand-written table 三: a row key then the seven column values.</summary>
    public static Dictionary<string, decimal> Table(params string[] lines)
    {
        var cells = new Dictionary<string, decimal>();
        foreach (var line in lines)
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(8, parts.Length);
            for (var c = 0; c < 7; c++)
                cells[ReportKeys.ApplicationCell(parts[0], ReportKeys.Columns[c])] = decimal.Parse(parts[c + 1], System.Globalization.CultureInfo.InvariantCulture);
        }
        return cells;
    }
}
