namespace Gongkai.ReportReading;

/// <summary>What the reading steps of one report accumulate; not shared between reports.</summary>
internal sealed class ReadingState(ReportText text)
{
    private readonly Dictionary<string, ReadCell> _cells = new(StringComparer.Ordinal);

    public ReportText Text { get; } = text;
    public string Norm => Text.Norm;
    public List<UnplacedNumber> Unplaced { get; } = [];

    /// <summary>Keys whose label a table shows with an empty cell: blank, not absent.</summary>
    public HashSet<string> BlankInTable { get; } = new(StringComparer.Ordinal);

    public List<NarrativeFigure> Narrative { get; } = [];
    public List<ReportFinding> Findings { get; } = [];

    public IEnumerable<ReadCell> Cells => _cells.Values;

    public bool HasCell(string key) => _cells.ContainsKey(key);

    public decimal? Cell(string key) => _cells.TryGetValue(key, out var c) ? c.Value : null;

    public void AddTableCell(string key, NumberToken token)
    {
        if (_cells.ContainsKey(key)) return;
        _cells[key] = new ReadCell(key, token.Value, CellOrigin.Table, Span(token.Start, token.End));
        BlankInTable.Remove(key);
    }

    public void AddNarrativeCell(string key, decimal value, int start, int end)
    {
        if (_cells.ContainsKey(key) || BlankInTable.Contains(key)) return;
        _cells[key] = new ReadCell(key, value, CellOrigin.Narrative, Span(start, end));
    }

    public void AddUnplaced(NumberToken token, string reason) =>
        Unplaced.Add(new UnplacedNumber(token.Value, Span(token.Start, token.End), reason));

    public SourceSpan Span(int start, int end)
    {
        var (line, column) = Text.Position(start);
        return new SourceSpan(line, column, end - start, start);
    }

    public int Line(int offset) => Text.Position(offset).Line;
}

/// <summary>A figure stated in a sentence ("共受理申请42件"), with the key it speaks about.</summary>
internal sealed record NarrativeFigure(string Key, decimal Value, int Start, int End, string Phrase, bool IsDerivedKey);
