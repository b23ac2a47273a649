using Gongkai.Reporting;

namespace Gongkai.ReportReading;

public enum CellOrigin
{
    /// <summary>Read from a statistics table.</summary>
    Table,
    /// <summary>Read from a sentence of the report, where no table gave the figure.</summary>
    Narrative,
}

/// <summary>Where a figure was read: 1-based line and column in <see cref="ReportReadResult.Text"/>, and its length.</summary>
public sealed record SourceSpan(int Line, int Column, int Length, int Offset);

public sealed record ReadCell(string Key, decimal Value, CellOrigin Origin, SourceSpan Source);

/// <summary>A number seen in a table that could not be placed under a key, with why.</summary>
public sealed record UnplacedNumber(decimal Value, SourceSpan Source, string Reason);

public enum FindingSeverity
{
    Error,
    Warning,
}

/// <summary>
/// A contradiction: the rule, a Chinese sentence with the numbers, the cells involved (keys of the
/// spec, or <c>text:L&lt;line&gt;…</c> for figures in sentences; null = blank in the report), and
/// the lines to highlight.
/// </summary>
public sealed record ReportFinding(string Rule, FindingSeverity Severity, string Message, IReadOnlyDictionary<string, decimal?> Cells, IReadOnlyList<int> Lines);

/// <summary>What the reader got out of one report.</summary>
public sealed record ReportReadResult(
    string? Agency,
    int? Year,
    ReportFormat? Format,
    IReadOnlyList<ReadCell> Cells,
    IReadOnlyList<UnplacedNumber> Unplaced,
    IReadOnlyList<ReportFinding> Findings,
    string Text,
    string? Problem)
{
    /// <summary>False when the input is not an annual report at all (see <see cref="Problem"/>).</summary>
    public bool IsReport => Problem is null;

    public IReadOnlyDictionary<string, decimal> CellMap { get; } = Cells.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);

    public decimal? this[string key] => CellMap.TryGetValue(key, out var v) ? v : null;
}
