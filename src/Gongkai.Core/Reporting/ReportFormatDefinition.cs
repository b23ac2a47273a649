using System.Collections.Frozen;

namespace Gongkai.Reporting;

/// <summary>A numbered section of the report (一 … 六), with headings seen in practice.</summary>
public sealed record ReportSection(string Number, string Heading, IReadOnlyList<string> OtherHeadings);

/// <summary>A row of a table: its key fragment and its label path, outermost first, verbatim from the spec.</summary>
public sealed record ReportRow(string Key, IReadOnlyList<string> Labels, string? Unit = null, bool IsExtension = false)
{
    public string Label => Labels[^1];
}

/// <summary>A column of a table: its key fragment and its header path, outermost first.</summary>
public sealed record ReportColumn(string Key, IReadOnlyList<string> Labels, string? Unit = null)
{
    public string Label => Labels.Count == 0 ? "" : Labels[^1];
}

/// <summary>One numeric cell of a format, with the spec's machine key.</summary>
public sealed record ReportCell(string Key, string TableNumber, string? Caption, ReportRow Row, ReportColumn Column)
{
    public string? Unit => Row.Unit ?? Column.Unit;

    /// <summary>True for keys we added beyond the spec's list (documented where defined).</summary>
    public bool IsExtension => Row.IsExtension;

    /// <summary>"行政许可 / 处理决定数量"-style description for messages.</summary>
    public string Describe() =>
        Column.Labels.Count == 0 ? Row.Label : $"{Row.Label}／{string.Join("·", Column.Labels)}";
}

/// <summary>
/// A table or sub-table: rows × columns, each cell keyed <c>prefix.row.column</c> (empty parts
/// dropped). Table 二 has one part per Art. 20 item; table 三 and 四 have one part each.
/// </summary>
public sealed record ReportTablePart(string? Caption, string KeyPrefix, IReadOnlyList<ReportRow> Rows, IReadOnlyList<ReportColumn> Columns)
{
    public static string ComposeKey(string prefix, string row, string column) =>
        string.Join('.', new[] { prefix, row, column }.Where(p => p.Length > 0));
}

public sealed record ReportTable(string Number, string Title, string? Note, IReadOnlyList<ReportTablePart> Parts);

/// <summary>A report format as data: sections, tables, labels and every cell's machine key.</summary>
public sealed class ReportFormatDefinition
{
    private readonly FrozenDictionary<string, ReportCell> _byKey;

    public ReportFormatDefinition(ReportFormat format, string title, IReadOnlyList<ReportSection> sections, IReadOnlyList<ReportTable> tables)
    {
        Format = format;
        Title = title;
        Sections = sections;
        Tables = tables;
        Cells =
        [
            .. from table in tables
               from part in table.Parts
               from row in part.Rows
               from column in part.Columns
               select new ReportCell(ReportTablePart.ComposeKey(part.KeyPrefix, row.Key, column.Key), table.Number, part.Caption, row, column),
        ];
        _byKey = Cells.ToFrozenDictionary(c => c.Key, StringComparer.Ordinal);
    }

    public ReportFormat Format { get; }
    public string Title { get; }
    public IReadOnlyList<ReportSection> Sections { get; }
    public IReadOnlyList<ReportTable> Tables { get; }

    /// <summary>Every cell in table order (table, part, row, column).</summary>
    public IReadOnlyList<ReportCell> Cells { get; }

    public ReportCell? FindCell(string key) => _byKey.GetValueOrDefault(key);

    public bool HasCell(string key) => _byKey.ContainsKey(key);

    public ReportTable? FindTable(string number) => Tables.FirstOrDefault(t => t.Number == number);
}
