using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Gongkai.Reporting.Export;

/// <summary>
/// The report as a Word document laid out like the official format: A4, 仿宋/宋体 text, the tables
/// with merged header cells (grid spans and vertical merges). Narrative Markdown is written as plain paragraphs.
/// </summary>
public static class ReportDocx
{
    private const string BodyFont = "FangSong";
    private const string TableFont = "SimSun";

    public static byte[] Write(GeneratedReport report)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            var definition = ReportFormats.For(report.Figures.Format);

            body.Append(Paragraph($"{report.Agency.Name}{report.Figures.Year}年政府信息公开工作年度报告", 36, bold: true, center: true, font: "SimHei"));
            foreach (var section in definition.Sections)
            {
                body.Append(Paragraph($"{section.Number}、{section.Heading}", 32, bold: true, font: "SimHei"));
                var narrative = report.Figures.Format switch
                {
                    _ when section.Number == "一" => report.Narrative[NarrativeSection.overview],
                    ReportFormat.Legacy when section.Number == "七" => report.Narrative[NarrativeSection.problems],
                    not ReportFormat.Legacy when section.Number == "五" => report.Narrative[NarrativeSection.problems],
                    not ReportFormat.Legacy when section.Number == "六" => report.Narrative[NarrativeSection.other],
                    _ => null,
                };
                if (narrative is not null)
                    foreach (var line in narrative.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                        body.Append(Paragraph(line.Replace("**", "").TrimStart('#', ' '), 32, indent: true));
                var table = report.Figures.Format == ReportFormat.Legacy
                    ? (section.Number == "八" ? definition.FindTable("附") : null)
                    : definition.FindTable(section.Number);
                if (table is null) continue;
                foreach (var part in table.Parts)
                {
                    body.Append(Table(ReportGrid.For(table, part, key =>
                        report.Figures.Cells.TryGetValue(key, out var v) && v is { } x ? ConsistencyRules.Fmt(x) : "")));
                    body.Append(Paragraph("", 10));
                }
            }
            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1440, Bottom = 1440, Left = 1247, Right = 1247, Header = 851, Footer = 992, Gutter = 0 }));
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static Table Table(ReportGrid grid)
    {
        const int usable = 11906 - 2 * 1247;
        var table = new Table();
        table.Append(new TableProperties(
            new TableWidth { Width = usable.ToString(), Type = TableWidthUnitValues.Dxa },
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));

        var widths = ColumnWidths(grid, usable);
        var tableGrid = new TableGrid();
        foreach (var w in widths) tableGrid.Append(new GridColumn { Width = w.ToString() });
        table.Append(tableGrid);

        for (var r = 0; r < grid.RowCount; r++)
        {
            var row = new TableRow();
            for (var c = 0; c < grid.ColumnCount;)
            {
                if (grid.AnchorAt(r, c) is { } cell)
                {
                    row.Append(Cell(cell.Text, cell.Header, cell.ColSpan, widths.Skip(c).Take(cell.ColSpan).Sum(),
                        cell.RowSpan > 1 ? MergedCellValues.Restart : null));
                    c += cell.ColSpan;
                }
                else if (grid.CoveredBy(r, c) is { } at && at.Row < r && at.Col == c)
                {
                    var anchor = grid.AnchorAt(at.Row, at.Col)!;
                    row.Append(Cell("", anchor.Header, anchor.ColSpan, widths.Skip(c).Take(anchor.ColSpan).Sum(), MergedCellValues.Continue));
                    c += anchor.ColSpan;
                }
                else c++;
            }
            table.Append(row);
        }
        return table;
    }

    // Label columns share 40% of the width (the leaf column gets most), numbers share the rest.
    private static int[] ColumnWidths(ReportGrid grid, int usable)
    {
        var labelColumns = 0;
        for (var c = 0; c < grid.ColumnCount; c++)
        {
            var lastRow = grid.RowCount - 1;
            if (grid.AnchorAt(lastRow, c) is { Key: not null } || grid.CoveredBy(lastRow, c) is null && grid.AnchorAt(lastRow, c) is null) break;
            labelColumns++;
        }
        labelColumns = Math.Max(1, labelColumns);
        var numbers = grid.ColumnCount - labelColumns;
        var labelWidth = numbers == 0 ? usable / 2 : Math.Min(usable * 2 / 5, usable - numbers * 560);
        var widths = new int[grid.ColumnCount];
        for (var c = 0; c < labelColumns; c++)
            widths[c] = labelColumns == 1 ? labelWidth : c == labelColumns - 1 ? labelWidth - (labelColumns - 1) * 500 : 500;
        for (var c = labelColumns; c < grid.ColumnCount; c++) widths[c] = (usable - labelWidth) / Math.Max(1, numbers);
        return widths;
    }

    private static TableCell Cell(string text, bool header, int span, int width, MergedCellValues? merge)
    {
        var props = new TableCellProperties(new TableCellWidth { Width = width.ToString(), Type = TableWidthUnitValues.Dxa });
        if (span > 1) props.Append(new GridSpan { Val = span });
        if (merge is { } m) props.Append(new VerticalMerge { Val = m });
        props.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
        var paragraph = Paragraph(text, 20, center: header ? text.Length < 12 : false, right: !header, font: TableFont, spacing: false);
        return new TableCell(props, paragraph);
    }

    private static Paragraph Paragraph(string text, int halfPoints, bool bold = false, bool center = false, bool right = false,
        bool indent = false, string font = BodyFont, bool spacing = true)
    {
        var pp = new ParagraphProperties();
        if (spacing) pp.Append(new SpacingBetweenLines { Line = "560", LineRule = LineSpacingRuleValues.Exact, Before = "0", After = "0" });
        else pp.Append(new SpacingBetweenLines { Before = "0", After = "0" });
        if (indent) pp.Append(new Indentation { FirstLine = (halfPoints * 20).ToString() });
        if (center) pp.Append(new Justification { Val = JustificationValues.Center });
        else if (right) pp.Append(new Justification { Val = JustificationValues.Right });
        var rp = new RunProperties(
            new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font, ComplexScript = font },
            new FontSize { Val = halfPoints.ToString() });
        if (bold) rp.Append(new Bold());
        return new Paragraph(pp, new Run(rp, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }
}
