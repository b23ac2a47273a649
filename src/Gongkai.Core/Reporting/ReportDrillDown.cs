using Gongkai.Appeals;
using Gongkai.Catalog;

namespace Gongkai.Reporting;

/// <summary>What a cell's records are.</summary>
public enum DrillKind { None, Requests, Appeals, Items }

/// <summary>
/// The records behind one computed cell, selected with the same definitions the builder counts
/// with (tests hold the two equal for every cell).
/// </summary>
public static class ReportDrillDown
{
    public static (DrillKind Kind, IReadOnlyList<Guid> Ids) Select(
        ReportFormat format, int year, string key, ReportRecords records, ReportingOptions? options = null)
    {
        options ??= new ReportingOptions();
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        bool InYear(DateOnly? d) => d is { } x && x >= first && x <= last;

        if (key.StartsWith("applications.", StringComparison.Ordinal))
        {
            var (row, column) = SplitApplicationKey(key);
            if (row is null) return (DrillKind.None, []);
            var inColumn = records.Requests.Where(r => column == ApplicantColumn.Total || r.Column == column);
            var inYear = inColumn.Where(r => InYear(r.ReceivedOn) || r.OpenAt(first.AddDays(-1)));
            IEnumerable<RequestFact> selected = row switch
            {
                "new" => inColumn.Where(r => InYear(r.ReceivedOn)),
                "carried_over" => inColumn.Where(r => r.ReceivedOn < first && r.OpenAt(first.AddDays(-1))),
                "carry_forward" => inYear.Where(r => r.OpenAt(last)),
                "result.total" => inYear.Where(r => !r.OpenAt(last)),
                _ => inYear.Where(r => !r.OpenAt(last) && ReportBuilder.LeafRow(format, r.Leaf!.Value) == row),
            };
            return (DrillKind.Requests, [.. selected.Select(r => r.Id)]);
        }

        var appealGroup = key switch
        {
            _ when key.StartsWith("review.", StringComparison.Ordinal) => AppealKind.Reconsideration,
            _ when key.StartsWith("litigation.direct.", StringComparison.Ordinal) => AppealKind.LitigationDirect,
            _ when key.StartsWith("litigation.after_review.", StringComparison.Ordinal) => (AppealKind?)AppealKind.LitigationAfterReview,
            _ => null,
        };
        if (appealGroup is { } kind)
        {
            var column = key[(key.LastIndexOf('.') + 1)..];
            var appeals = records.Appeals.Where(a => a.Kind == kind && ReportBuilder.AppealCounts(a, first, last, options));
            if (column != "total")
                appeals = appeals.Where(a => AppealRules.TableKey(a.Kind, a.OutcomeAt(last)) == key);
            return (DrillKind.Appeals, [.. appeals.Select(a => a.Id)]);
        }

        var parts = key.Split('.');
        if (parts is ["proactive", var itemRow, var itemColumn])
        {
            ItemKind? itemKind = itemRow switch
            {
                "regulations" => ItemKind.regulation, "normative_docs" => ItemKind.normative,
                "licensing" => ItemKind.licensing_decision, "penalty" => ItemKind.penalty_decision, "coercion" => ItemKind.coercion_decision,
                _ => null,
            };
            if (itemKind is null) return (DrillKind.None, []);
            var ofKind = records.Items.Where(i => i.Kind == itemKind);
            IEnumerable<ItemFact>? items = itemColumn switch
            {
                "issued" or "new_made" or "decisions" => ofKind.Where(i => InYear(i.WrittenOn)),
                "repealed" => ofKind.Where(i => i.Repealed && InYear(i.RepealedOn)),
                "in_force" => ofKind.Where(i => i.InForceAt(last)),
                "new_published" => ofKind.Where(i => InYear(i.PublishedOn)),
                "total_published" => ofKind.Where(i => i.PublishedOn <= last),
                _ => null,
            };
            return items is null ? (DrillKind.None, []) : (DrillKind.Items, [.. items.Select(i => i.Id)]);
        }
        return (DrillKind.None, []);
    }

    internal static (string? Row, ApplicantColumn Column) SplitApplicationKey(string key)
    {
        var rest = key["applications.".Length..];
        foreach (var column in ReportKeys.Columns.OrderByDescending(c => c.Key().Length))
        {
            var suffix = "." + column.Key();
            if (rest.EndsWith(suffix, StringComparison.Ordinal)) return (rest[..^suffix.Length], column);
        }
        return (null, ApplicantColumn.Total);
    }
}
