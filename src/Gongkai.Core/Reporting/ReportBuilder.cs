using Gongkai.Appeals;
using Gongkai.Catalog;

namespace Gongkai.Reporting;

/// <summary>
/// Computes every cell of a format for one year from records (pure). Cells the records cannot give
/// are taken from the recorded inputs; a recorded input never replaces a computed cell.
/// </summary>
public static class ReportBuilder
{
    public static ReportFigures Build(
        ReportFormat format, int year, ReportRecords records, IReadOnlyDictionary<string, decimal?>? inputs = null,
        ReportingOptions? options = null)
    {
        options ??= new ReportingOptions();
        var computed = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        if (format == ReportFormat.Legacy) Legacy(computed, records, first, last);
        else
        {
            Proactive(format, computed, records.Items, first, last);
            Applications(format, computed, records, year);
            Appeals(computed, records.Appeals, first, last, options);
        }

        var definition = ReportFormats.For(format);
        var cells = new Dictionary<string, decimal?>(StringComparer.Ordinal);
        var sources = new Dictionary<string, CellSource>(StringComparer.Ordinal);
        foreach (var cell in definition.Cells)
        {
            if (computed.TryGetValue(cell.Key, out var value))
            {
                cells[cell.Key] = value;
                sources[cell.Key] = CellSource.Computed;
            }
            else
            {
                cells[cell.Key] = inputs is not null && inputs.TryGetValue(cell.Key, out var v) ? v : null;
                sources[cell.Key] = CellSource.Recorded;
            }
        }
        var extras = new Dictionary<string, decimal?>(StringComparer.Ordinal);
        foreach (var key in ExtraInputKeys)
            extras[key] = inputs is not null && inputs.TryGetValue(key, out var v) ? v : null;
        return new ReportFigures(format, year, cells, sources, extras);
    }

    /// <summary>Recorded figures outside the tables (section 六's fee collection, annual-report-format.md §2).</summary>
    public static IReadOnlyList<string> ExtraInputKeys { get; } = ["other.info_processing_fee_collected_cny"];

    /// <summary>The keys a format computes from records; every other cell of the format is a recorded input.</summary>
    public static IReadOnlySet<string> ComputedKeys(ReportFormat format) =>
        Build(format, 2000, ReportRecords.Empty).Sources.Where(s => s.Value == CellSource.Computed).Select(s => s.Key).ToHashSet();

    private static void Proactive(ReportFormat format, Dictionary<string, decimal> cells, IReadOnlyList<ItemFact> items, DateOnly first, DateOnly last)
    {
        bool InYear(DateOnly? d) => d is { } x && x >= first && x <= last;
        foreach (var (kind, row) in new[] { (ItemKind.regulation, "regulations"), (ItemKind.normative, "normative_docs") })
        {
            var ofKind = items.Where(i => i.Kind == kind).ToList();
            if (format == ReportFormat.V2021)
            {
                cells[$"proactive.{row}.issued"] = ofKind.Count(i => InYear(i.WrittenOn));
                cells[$"proactive.{row}.repealed"] = ofKind.Count(i => i.Repealed && InYear(i.RepealedOn));
                cells[$"proactive.{row}.in_force"] = ofKind.Count(i => i.InForceAt(last));
            }
            else
            {
                cells[$"proactive.{row}.new_made"] = ofKind.Count(i => InYear(i.WrittenOn));
                cells[$"proactive.{row}.new_published"] = ofKind.Count(i => InYear(i.PublishedOn));
                cells[$"proactive.{row}.total_published"] = ofKind.Count(i => i.PublishedOn <= last);
            }
        }
        foreach (var (kind, row) in new[] { (ItemKind.licensing_decision, "licensing"), (ItemKind.penalty_decision, "penalty"), (ItemKind.coercion_decision, "coercion") })
            cells[$"proactive.{row}.decisions"] = items.Count(i => i.Kind == kind && InYear(i.WrittenOn));
    }

    private static void Applications(ReportFormat format, Dictionary<string, decimal> cells, ReportRecords records, int year)
    {
        var leafRows = ReportFormats.ResultLeafRows(format).Select(r => r.Key).ToList();
        var tallies = records.Tallies ?? RequestTallies.From(records.Requests, year);
        // Ranks relative to the tally's year: the report year is ThisYear, or LastYear for last year's continuity.
        var target = year - tallies.Year + (int)TallyPeriod.ThisYear;
        if (target is not ((int)TallyPeriod.ThisYear or (int)TallyPeriod.LastYear))
            throw new InvalidOperationException($"tallies made for {tallies.Year} cannot give {year}'s table");
        var counts = new Dictionary<string, decimal>(StringComparer.Ordinal);
        void Add(string row, ApplicantColumn column, int n)
        {
            var key = ReportKeys.ApplicationCell(row, column);
            counts[key] = counts.GetValueOrDefault(key) + n;
        }
        foreach (var t in tallies.Rows)
        {
            int received = (int)t.Received, decided = (int)t.Decided;
            if (received == target) Add("new", t.Column, t.Count);
            else if (received < target && decided >= target) Add("carried_over", t.Column, t.Count); // open at the end of last year
            else continue;
            if (decided > target) Add("carry_forward", t.Column, t.Count);
            else Add(LeafRow(format, t.Leaf!.Value), t.Column, t.Count);
        }
        string[] rows = ["new", "carried_over", .. leafRows, "carry_forward"];
        foreach (var row in rows)
        {
            decimal total = 0;
            foreach (var column in ReportKeys.ApplicantParts)
            {
                var value = counts.GetValueOrDefault(ReportKeys.ApplicationCell(row, column));
                cells[ReportKeys.ApplicationCell(row, column)] = value;
                total += value;
            }
            cells[ReportKeys.ApplicationCell(row, ApplicantColumn.Total)] = total;
        }
        foreach (var column in ReportKeys.Columns)
            cells[ReportKeys.ApplicationCell("result.total", column)] = leafRows.Sum(row => cells[ReportKeys.ApplicationCell(row, column)]);
    }

    /// <summary>The table-三 row a leaf counts in: the 2019 format folds （六）into one row.</summary>
    public static string LeafRow(ReportFormat format, ResultLeaf leaf) =>
        format == ReportFormat.V2019 && leaf is ResultLeaf.OtherNoCorrection or ResultLeaf.OtherFeeUnpaid or ResultLeaf.OtherOther
            ? "result.other.total"
            : leaf.Key();

    /// <summary>The appeals table 四 counts in a year (see <see cref="AppealCounting"/>).</summary>
    public static bool AppealCounts(AppealFact a, DateOnly first, DateOnly last, ReportingOptions options) =>
        a.FiledOn >= first && a.FiledOn <= last
        || options.AppealCounting == AppealCounting.ActiveInYear && a.FiledOn < first && a.OutcomeAt(first.AddDays(-1)) == AppealOutcome.Pending;

    private static void Appeals(Dictionary<string, decimal> cells, IReadOnlyList<AppealFact> appeals, DateOnly first, DateOnly last, ReportingOptions options)
    {
        foreach (var kind in Enum.GetValues<AppealKind>())
            foreach (var outcome in Enum.GetValues<AppealOutcome>())
                cells[AppealRules.TableKey(kind, outcome)] = 0;
        foreach (var a in appeals.Where(a => AppealCounts(a, first, last, options)))
            cells[AppealRules.TableKey(a.Kind, a.OutcomeAt(last))]++;
        foreach (var group in new[] { "review", "litigation.direct", "litigation.after_review" })
            cells[$"{group}.total"] = cells[$"{group}.upheld"] + cells[$"{group}.corrected"] + cells[$"{group}.other"] + cells[$"{group}.pending"];
    }

    // The pre-2019 tables have no carry-over rows and another outcome taxonomy (§7): only what maps
    // without guessing is computed; appeals still pending at year end count under 其他情形.
    private static void Legacy(Dictionary<string, decimal> cells, ReportRecords records, DateOnly first, DateOnly last)
    {
        bool InYear(DateOnly? d) => d is { } x && x >= first && x <= last;
        cells["legacy.proactive.total"] = records.Items.Count(i => InYear(i.PublishedOn));
        cells["legacy.proactive.normative_docs"] = records.Items.Count(i => i.Kind == ItemKind.normative && InYear(i.PublishedOn));

        var received = records.Requests.Where(r => InYear(r.ReceivedOn)).ToList();
        cells["legacy.applications.total"] = received.Count;
        foreach (var channel in new[] { "in_person", "fax", "email", "online", "letter", "other" })
            cells[$"legacy.applications.by_channel.{channel}"] = received.Count(r => LegacyChannel(r.Channel) == channel);

        var decided = records.Requests.Where(r => r.IsDecided && InYear(r.DecidedOn)).ToList();
        cells["legacy.applications.closed_on_time"] = decided.Count(r => !r.Extended);
        cells["legacy.applications.closed_extended"] = decided.Count(r => r.Extended);
        cells["legacy.responses.total"] = decided.Count;
        cells["legacy.responses.granted"] = decided.Count(r => r.Leaf == ResultLeaf.Granted);
        cells["legacy.responses.partial"] = decided.Count(r => r.Leaf == ResultLeaf.Partial);
        cells["legacy.responses.denied.not_held"] = decided.Count(r => r.Leaf == ResultLeaf.UnableNotHeld);
        cells["legacy.responses.denied.unclear"] = decided.Count(r => r.Leaf == ResultLeaf.UnableStillUnclear);
        cells["legacy.responses.denied.repeat"] = decided.Count(r => r.Leaf == ResultLeaf.NotProcessedRepeat);
        cells["legacy.responses.denied.other"] = decided.Count(r => r.Leaf is not (ResultLeaf.Granted or ResultLeaf.Partial
            or ResultLeaf.UnableNotHeld or ResultLeaf.UnableStillUnclear or ResultLeaf.NotProcessedRepeat));
        cells["legacy.responses.denied.total"] = decided.Count - cells["legacy.responses.granted"] - cells["legacy.responses.partial"];

        var appeals = records.Appeals.Where(a => InYear(a.FiledOn)).ToList();
        foreach (var (group, kinds) in new[] { ("review", new[] { AppealKind.Reconsideration }), ("litigation", new[] { AppealKind.LitigationDirect, AppealKind.LitigationAfterReview }) })
        {
            var ofGroup = appeals.Where(a => kinds.Contains(a.Kind)).ToList();
            cells[$"legacy.{group}.total"] = ofGroup.Count;
            cells[$"legacy.{group}.upheld"] = ofGroup.Count(a => a.OutcomeAt(last) == AppealOutcome.Upheld);
            cells[$"legacy.{group}.corrected"] = ofGroup.Count(a => a.OutcomeAt(last) == AppealOutcome.Corrected);
            cells[$"legacy.{group}.other"] = ofGroup.Count(a => a.OutcomeAt(last) is AppealOutcome.Other or AppealOutcome.Pending);
        }
    }

    public static string LegacyChannel(string channel) => channel switch
    {
        "in_person" or "fax" or "email" or "online" => channel,
        "letter" or "letter_ordinary" => "letter",
        _ => "other",
    };
}

/// <summary>Where a cell's value comes from.</summary>
public enum CellSource { Computed, Recorded }

/// <summary>
/// The figures of one report: every cell of its format (null = blank: a recorded input not yet
/// entered), where each comes from, and the recorded figures outside the tables.
/// </summary>
public sealed record ReportFigures(
    ReportFormat Format, int Year, IReadOnlyDictionary<string, decimal?> Cells, IReadOnlyDictionary<string, CellSource> Sources,
    IReadOnlyDictionary<string, decimal?> Extras)
{
    /// <summary>The non-blank cells, as the consistency rules take them.</summary>
    public IReadOnlyDictionary<string, decimal> Present =>
        Cells.Where(c => c.Value is not null).ToDictionary(c => c.Key, c => c.Value!.Value, StringComparer.Ordinal);

    public decimal Get(string key) => Cells.TryGetValue(key, out var v) && v is { } x ? x : 0;
}
