using System.Text.RegularExpressions;
using Gongkai.Reporting;

namespace Gongkai.ReportReading;

/// <summary>
/// Reads tables 二, 三 and 四 of the 2019 and 2021 formats. Rows are found by their spec labels,
/// in table order; the values of a row are the cells after its label — by position when the
/// layout keeps empty cells (tabs, '|', HTML), otherwise as the sequence of numbers up to the next
/// label. A row whose count of numbers does not fit its columns is not guessed: its numbers are
/// reported as unplaced.
/// </summary>
internal static partial class ModernTableReader
{
    private const int RowWindow = 3000;

    private static readonly Regex Pending = LabelPattern.Build("尚未审结");

    private sealed record RowPatterns(ReportRow Row, Regex Pattern);

    private static readonly Dictionary<ReportFormat, RowPatterns[]> ApplicationRows = new()
    {
        [ReportFormat.V2019] = Patterns(ReportFormats.V2019.FindTable("三")!.Parts[0].Rows),
        [ReportFormat.V2021] = Patterns(ReportFormats.V2021.FindTable("三")!.Parts[0].Rows),
    };

    private static readonly Dictionary<ReportFormat, (RowPatterns Row, int Columns, string Prefix, IReadOnlyList<ReportColumn> ColumnDefs)[]> ProactiveRows = new()
    {
        [ReportFormat.V2019] = ProactivePatterns(ReportFormats.V2019),
        [ReportFormat.V2021] = ProactivePatterns(ReportFormats.V2021),
    };

    /// <summary>Finds where the modern tables start; null when the report has none (legacy era).</summary>
    public static (int Table2, int Table3)? Locate(string norm)
    {
        var t3 = ApplicationRows[ReportFormat.V2021][0].Pattern.Match(norm);
        var t2 = Item1Caption().Match(norm);
        if (!t3.Success && !t2.Success) return null;
        return (t2.Success ? t2.Index : -1, t3.Success ? t3.Index : -1);
    }

    public static ReportFormat DetectFormat(string norm, (int Table2, int Table3) at, int? year)
    {
        var start = at.Table2 >= 0 ? at.Table2 : at.Table3;
        var window = norm.AsSpan(start, Math.Min(norm.Length - start, 12000)).ToString();
        var v2021 = Markers2021().Count(window);
        var v2019 = Markers2019().Count(window);
        if (v2021 != v2019) return v2021 > v2019 ? ReportFormat.V2021 : ReportFormat.V2019;
        return year is 2019 or 2020 ? ReportFormat.V2019 : ReportFormat.V2021;
    }

    public static void Read(ReadingState state, ReportFormat format, (int Table2, int Table3) at)
    {
        var table3End = at.Table3 >= 0 ? ReadApplications(state, format, at.Table3) : -1;
        if (at.Table2 >= 0) ReadProactive(state, format, at.Table2, at.Table3 > at.Table2 ? at.Table3 : at.Table2 + RowWindow * 2);
        if (table3End >= 0) ReadAppeals(state, table3End);
    }

    private static int ReadApplications(ReadingState state, ReportFormat format, int start)
    {
        var rows = ApplicationRows[format];
        var found = FindRowsInOrder(state.Norm, rows.Select(r => r.Pattern).ToArray(), start);
        var columns = ReportKeys.Columns;
        var end = start;
        for (var i = 0; i < found.Count; i++)
        {
            var (index, match) = found[i];
            var segmentEnd = i + 1 < found.Count ? found[i + 1].Match.Index : TextRunEnd(state.Norm, match.Index + match.Length);
            end = Math.Max(end, segmentEnd);
            var rowKey = rows[index].Row.Key;
            Place(state, match.Index + match.Length, segmentEnd, columns.Count,
                c => ReportKeys.ApplicationCell(rowKey, columns[c]), totalIsLast: true);
        }
        return end;
    }

    private static void ReadProactive(ReadingState state, ReportFormat format, int start, int limit)
    {
        var rows = ProactiveRows[format];
        var found = FindRowsInOrder(state.Norm, rows.Select(r => r.Row.Pattern).ToArray(), start, limit);
        for (var i = 0; i < found.Count; i++)
        {
            var (index, match) = found[i];
            var (row, count, prefix, columnDefs) = rows[index];
            var segmentEnd = i + 1 < found.Count ? found[i + 1].Match.Index : Math.Min(limit, TextRunEnd(state.Norm, match.Index + match.Length));
            Place(state, match.Index + match.Length, segmentEnd, count,
                c => ReportTablePart.ComposeKey(prefix, row.Row.Key, columnDefs[c].Key), totalIsLast: false);
        }
    }

    private static void ReadAppeals(ReadingState state, int from)
    {
        var norm = state.Norm;
        var heading = Review().Match(norm, from, Math.Min(RowWindow, norm.Length - from));
        if (!heading.Success) return;
        var next = SectionFive().Match(norm, heading.Index);
        var limit = next.Success ? next.Index : Math.Min(norm.Length, heading.Index + RowWindow);
        var pending = Pending.Match(norm, heading.Index, limit - heading.Index);
        if (!pending.Success) return;
        var dataStart = -1;
        for (var m = Total().Match(norm, pending.Index, limit - pending.Index); m.Success; m = m.NextMatch())
        {
            dataStart = m.Index + m.Length;
        }
        if (dataStart < 0) return;
        var columns = ReportFormats.V2021.FindTable("四")!.Parts[0].Columns;
        Place(state, dataStart, limit, columns.Count, c => columns[c].Key, totalIsLast: false);
    }

    /// <summary>Places the values of one row: by position, or as a sequence that must fill every column.</summary>
    private static void Place(ReadingState state, int start, int end, int columns, Func<int, string> key, bool totalIsLast)
    {
        var positional = PositionalCells(state.Norm, start, end, columns);
        if (positional is not null)
        {
            for (var c = 0; c < columns; c++)
            {
                if (positional[c] is { } token) state.AddTableCell(key(c), token);
                else state.BlankInTable.Add(key(c));
            }
            return;
        }
        var values = NumberToken.Scan(state.Norm, start, end).Where(t => t.Kind == NumberKind.Value).ToList();
        if (values.Count == 0) return;
        if (values.Count == columns)
        {
            for (var c = 0; c < columns; c++) state.AddTableCell(key(c), values[c]);
            return;
        }
        if (totalIsLast && values.Count >= 2 && values.Count < columns && values[^1].Value == values.Take(values.Count - 1).Sum(v => v.Value))
        {
            // Flattened layouts drop empty cells: the last number is the 总计, the others lost their column.
            state.AddTableCell(key(columns - 1), values[^1]);
            foreach (var v in values.Take(values.Count - 1))
            {
                state.AddUnplaced(v, "该行空单元格在网页中被省略，无法确定此数所属的申请人列（总计列已读取）");
            }
            return;
        }
        foreach (var v in values)
        {
            state.AddUnplaced(v, $"该行有{values.Count}个数字，与{columns}列不符，无法确定各数所属的列");
        }
    }

    /// <summary>Cells split by tabs or '|' on the row's line (or the next non-empty one), or null.</summary>
    private static NumberToken?[]? PositionalCells(string norm, int start, int end, int columns)
    {
        var lineStart = start;
        for (var attempt = 0; attempt < 2 && lineStart < end; attempt++)
        {
            var lineEnd = Math.Min(end, LineEnd(norm, lineStart));
            var line = norm.AsSpan(lineStart, lineEnd - lineStart);
            if (!line.ContainsAnyInRange('0', '9'))
            {
                // The label cell ended its own line (a <p> inside the cell, a closing quote, the
                // rest of a header row): the values follow on the next line.
                lineStart = lineEnd + 1;
                continue;
            }
            if (line.IndexOfAny('\t', '|') < 0) return null;
            var cells = new List<(int Start, int End)>();
            var cellStart = lineStart;
            for (var i = lineStart; i <= lineEnd; i++)
            {
                if (i == lineEnd || norm[i] is '\t' or '|')
                {
                    cells.Add((cellStart, i));
                    cellStart = i + 1;
                }
            }
            bool IsEmpty((int Start, int End) c) => norm.AsSpan(c.Start, c.End - c.Start).Trim().Length == 0;
            if (cells.Count > 0 && (IsEmpty(cells[0]) || !HasDigit(norm, cells[0]))) cells.RemoveAt(0);
            while (cells.Count > columns && IsEmpty(cells[^1])) cells.RemoveAt(cells.Count - 1);
            if (cells.Count != columns) return null;
            var result = new NumberToken?[columns];
            for (var c = 0; c < columns; c++)
            {
                var text = norm.AsSpan(cells[c].Start, cells[c].End - cells[c].Start).Trim();
                if (text.Length == 0 || text is "-" or "—" or "/" or "无" or "——") continue;
                var tokens = NumberToken.Scan(norm, cells[c].Start, cells[c].End);
                if (tokens.Count != 1 || tokens[0].Kind != NumberKind.Value) return null;
                result[c] = tokens[0];
            }
            return result;
        }
        return null;
    }

    private static bool HasDigit(string norm, (int Start, int End) cell)
    {
        for (var i = cell.Start; i < cell.End; i++)
        {
            if (char.IsAsciiDigit(norm[i])) return true;
        }
        return false;
    }

    /// <summary>Label matches in table order; a label not found near the previous one is skipped.</summary>
    private static List<(int Index, Match Match)> FindRowsInOrder(string norm, Regex[] patterns, int start, int limit = int.MaxValue)
    {
        var found = new List<(int, Match)>();
        var pos = start;
        for (var i = 0; i < patterns.Length; i++)
        {
            var windowEnd = Math.Min(Math.Min(norm.Length, limit), pos + RowWindow);
            if (windowEnd <= pos) break;
            var m = patterns[i].Match(norm, pos, windowEnd - pos);
            if (!m.Success) continue;
            found.Add((i, m));
            pos = m.Index + m.Length;
        }
        return found;
    }

    /// <summary>End of the numbers after a label: the next letter of text, or a bounded distance.</summary>
    private static int TextRunEnd(string norm, int from)
    {
        var limit = Math.Min(norm.Length, from + 400);
        for (var i = from; i < limit; i++)
        {
            if (char.IsLetter(norm[i])) return i;
        }
        return limit;
    }

    private static int LineEnd(string norm, int from)
    {
        var i = norm.IndexOf('\n', from);
        return i < 0 ? norm.Length : i;
    }

    private static RowPatterns[] Patterns(IEnumerable<ReportRow> rows) =>
        [.. rows.Select(r => new RowPatterns(r, r.Key == "result.other.total" ? LabelPattern.Build("其他处理") : LabelPattern.Build(r.Label)))];

    private static (RowPatterns, int, string, IReadOnlyList<ReportColumn>)[] ProactivePatterns(ReportFormatDefinition format) =>
    [
        .. from part in format.FindTable("二")!.Parts
           from row in part.Rows
           select (new RowPatterns(row, row.Key switch
           {
               // 规章 must not match 规章制度; the 2021 行政规范性文件 row is written 规范性文件 by some.
               "regulations" => RegulationsLabel(),
               "normative_docs" => NormativeDocsLabel(),
               _ => LabelPattern.Build(row.Label),
           }), part.Columns.Count, part.KeyPrefix, part.Columns),
    ];

    [GeneratedRegex(@"第\s*二\s*十\s*条\s*第\s*\(\s*一\s*\)\s*项")]
    private static partial Regex Item1Caption();

    [GeneratedRegex(@"逾\s*期\s*不\s*补\s*正|逾\s*期\s*未\s*按\s*收\s*费|本\s*年\s*制\s*发\s*件\s*数|现\s*行\s*有\s*效\s*件\s*数|本\s*年\s*收\s*费\s*金\s*额")]
    private static partial Regex Markers2021();

    [GeneratedRegex(@"本\s*年\s*新\s*制\s*作\s*数\s*量|对\s*外\s*公\s*开\s*总\s*数\s*量|上\s*一\s*年\s*项\s*目\s*数\s*量|政\s*府\s*集\s*中\s*采\s*购|第\s*二\s*十\s*条\s*第\s*\(\s*九\s*\)\s*项")]
    private static partial Regex Markers2019();

    [GeneratedRegex(@"规\s*章(?!\s*制)")]
    private static partial Regex RegulationsLabel();

    [GeneratedRegex(@"(?:行\s*政\s*)?规\s*范\s*性\s*文\s*件")]
    private static partial Regex NormativeDocsLabel();

    [GeneratedRegex(@"行\s*政\s*复\s*议")]
    private static partial Regex Review();

    [GeneratedRegex(@"总\s*计")]
    private static partial Regex Total();

    [GeneratedRegex(@"五\s*[、.]\s*\S{0,6}存\s*在|存\s*在\s*的\s*主\s*要\s*问\s*题|五\s*、\s*政\s*府\s*信\s*息\s*公\s*开\s*工\s*作\s*存\s*在")]
    private static partial Regex SectionFive();
}
