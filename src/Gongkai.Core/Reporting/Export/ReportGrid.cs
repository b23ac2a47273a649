namespace Gongkai.Reporting.Export;

/// <summary>A cell of a laid-out table; <see cref="Key"/> is set on value cells.</summary>
public sealed record GridCell(string Text, int RowSpan, int ColSpan, bool Header, string? Key = null);

/// <summary>
/// A table part laid out as the official format prints it, with merged header cells: a 2-D array
/// of slots where each merged cell is anchored at its top-left slot. Shared by HTML and DOCX.
/// </summary>
public sealed class ReportGrid
{
    private readonly GridCell?[,] _anchors;
    private readonly (int Row, int Col)?[,] _coveredBy;

    private ReportGrid(int rows, int columns)
    {
        _anchors = new GridCell?[rows, columns];
        _coveredBy = new (int, int)?[rows, columns];
    }

    public int RowCount => _anchors.GetLength(0);
    public int ColumnCount => _anchors.GetLength(1);

    public GridCell? AnchorAt(int row, int col) => _anchors[row, col];

    /// <summary>The anchor a covered slot belongs to (null for anchors and empty slots).</summary>
    public (int Row, int Col)? CoveredBy(int row, int col) => _coveredBy[row, col];

    private void Place(int row, int col, GridCell cell)
    {
        _anchors[row, col] = cell;
        for (var r = row; r < row + cell.RowSpan; r++)
            for (var c = col; c < col + cell.ColSpan; c++)
                if (r != row || c != col) _coveredBy[r, c] = (row, col);
    }

    public static ReportGrid For(ReportTable table, ReportTablePart part, Func<string, string> value)
    {
        var rowDepth = Math.Max(1, part.Rows.Max(r => r.Labels.Count));
        var colPaths = part.Columns.Select(c => c.Labels.Count == 0 ? (IReadOnlyList<string>)["数量"] : c.Labels).ToList();
        var colDepth = colPaths.Max(p => p.Count);
        var fullWidthCaption = part.Caption is not null && table.Number != "三";
        var captionOverData = part.Caption is not null && table.Number == "三";
        var top = (fullWidthCaption ? 1 : 0) + (captionOverData ? 1 : 0);
        var headerRows = top + colDepth;
        var grid = new ReportGrid(headerRows + part.Rows.Count, rowDepth + part.Columns.Count);

        var row0 = 0;
        if (fullWidthCaption) grid.Place(row0++, 0, new GridCell(part.Caption!, 1, rowDepth + part.Columns.Count, true));
        var corner = table.Note ?? (table.Number == "二" ? "信息内容" : table.Number == "四" ? "" : "项目");
        grid.Place(row0, 0, new GridCell(corner, headerRows - row0, rowDepth, true));
        if (captionOverData) grid.Place(row0++, rowDepth, new GridCell(part.Caption!, 1, part.Columns.Count, true));

        // Column headers: equal label prefixes of neighbouring columns merge across; a short path's
        // last group label reaches down so that every leaf sits on the bottom header row.
        for (var level = 0; level < colDepth; level++)
        {
            for (var c = 0; c < colPaths.Count;)
            {
                var path = colPaths[c];
                var index = LabelIndexAtLevel(path, level, colDepth);
                if (index is null || (level > 0 && LabelIndexAtLevel(path, level - 1, colDepth) == index)) { c++; continue; }
                var span = 1;
                while (c + span < colPaths.Count && index < path.Count - 1 && SamePrefix(colPaths[c + span], path, index.Value)
                       && LabelIndexAtLevel(colPaths[c + span], level, colDepth) == index) span++;
                var down = 1;
                while (level + down < colDepth && LabelIndexAtLevel(path, level + down, colDepth) == index) down++;
                grid.Place(row0 + level, rowDepth + c, new GridCell(path[index.Value], down, span, true));
                c += span;
            }
        }

        // Row labels: equal prefixes of neighbouring rows merge down; the leaf label fills the remaining columns.
        for (var r = 0; r < part.Rows.Count; r++)
        {
            var labels = part.Rows[r].Labels;
            var unit = part.Rows[r].Unit is { } u && part.Columns.All(c => c.Labels.Count == 0) ? $"（{u}）" : "";
            for (var i = 0; i < labels.Count; i++)
            {
                if (i < labels.Count - 1 && r > 0 && SamePrefix(part.Rows[r - 1].Labels, labels, i) && part.Rows[r - 1].Labels.Count > i + 1) continue;
                var down = 1;
                if (i < labels.Count - 1)
                    while (r + down < part.Rows.Count && part.Rows[r + down].Labels.Count > i + 1 && SamePrefix(part.Rows[r + down].Labels, labels, i)) down++;
                var across = i == labels.Count - 1 ? rowDepth - i : 1;
                grid.Place(headerRows + r, i, new GridCell(labels[i] + (i == labels.Count - 1 ? unit : ""), down, across, true));
            }
            for (var c = 0; c < part.Columns.Count; c++)
            {
                var key = ReportTablePart.ComposeKey(part.KeyPrefix, part.Rows[r].Key, part.Columns[c].Key);
                grid.Place(headerRows + r, rowDepth + c, new GridCell(value(key), 1, 1, false, key));
            }
        }
        return grid;
    }

    // Which label of a column path is shown on header row `level`: leaves on the bottom row, the
    // group labels from the top, the last group label stretched over the gap.
    private static int? LabelIndexAtLevel(IReadOnlyList<string> path, int level, int depth)
    {
        if (level == depth - 1) return path.Count - 1;
        if (path.Count == 1) return 0;
        return Math.Min(level, path.Count - 2);
    }

    private static bool SamePrefix(IReadOnlyList<string> a, IReadOnlyList<string> b, int throughIndex)
    {
        if (a.Count <= throughIndex || b.Count <= throughIndex) return false;
        for (var i = 0; i <= throughIndex; i++) if (a[i] != b[i]) return false;
        return true;
    }
}
