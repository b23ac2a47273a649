using System.Text.Json;
using Gongkai.Common;

namespace Gongkai.Reporting;

public enum AnnualReportState { draft, published }

/// <summary>Whose records a report counts: the agency's own, or its whole subtree (a government's aggregate).</summary>
public enum ReportScope { own, tree }

/// <summary>The staff-written narrative sections (Markdown).</summary>
public enum NarrativeSection { overview, problems, other }

/// <summary>
/// An agency's annual report for one year: the chosen format and scope, the recorded inputs, the
/// narrative, and — once published — a frozen copy of its cells and text. Computed cells are
/// never stored before publication: they are recomputed from the records each time.
/// </summary>
public sealed class AnnualReport
{
    private AnnualReport() { }

    public Guid Id { get; private set; }
    public Guid AgencyId { get; private set; }
    public int Year { get; private set; }
    public ReportFormat Format { get; private set; }
    public ReportScope Scope { get; private set; }
    public AnnualReportState State { get; private set; }
    public string? Overview { get; private set; }
    public string? Problems { get; private set; }
    public string? Other { get; private set; }
    public string? NarrativeEditedBy { get; private set; }
    public DateTimeOffset? NarrativeEditedAt { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public string? PublishedBy { get; private set; }
    /// <summary>JSON object key → number or null: the cells as published.</summary>
    public string? PublishedCells { get; private set; }
    public List<ReportInput> Inputs { get; private set; } = [];
    /// <summary>Increases with every staff write; two writes from the same state cannot both be applied.</summary>
    public long Version { get; private set; }

    internal static AnnualReport Start(Guid agencyId, int year, ReportFormat format, ReportScope scope) => new()
    {
        Id = Guid.NewGuid(), AgencyId = agencyId, Year = year, Format = format, Scope = scope, State = AnnualReportState.draft,
    };

    /// <summary>The latest recorded value of every input key (rows are only appended).</summary>
    public IReadOnlyDictionary<string, decimal?> CurrentInputs() =>
        Inputs.GroupBy(i => i.Key).ToDictionary(g => g.Key, g => g.MaxBy(i => i.Seq)!.Value, StringComparer.Ordinal);

    public string? Narrative(NarrativeSection section) => section switch
    {
        NarrativeSection.overview => Overview,
        NarrativeSection.problems => Problems,
        _ => Other,
    };

    internal Error? Configure(ReportFormat format, ReportScope scope)
    {
        if (State == AnnualReportState.published) return Published();
        Format = format;
        Scope = scope;
        Version++;
        return null;
    }

    internal Error? RecordInput(string key, decimal? value, string actor, DateTimeOffset now)
    {
        if (State == AnnualReportState.published) return Published();
        Inputs.Add(new ReportInput { ReportId = Id, Seq = Inputs.Count + 1, Key = key, Value = value, RecordedBy = actor, RecordedAt = now });
        Version++;
        return null;
    }

    internal Error? EditNarrative(NarrativeSection section, string? markdown, string actor, DateTimeOffset now)
    {
        if (State == AnnualReportState.published) return Published();
        var text = string.IsNullOrWhiteSpace(markdown) ? null : markdown.Replace("\r\n", "\n").Trim();
        switch (section)
        {
            case NarrativeSection.overview: Overview = text; break;
            case NarrativeSection.problems: Problems = text; break;
            default: Other = text; break;
        }
        NarrativeEditedBy = actor;
        NarrativeEditedAt = now;
        Version++;
        return null;
    }

    internal Error? Publish(ReportFigures figures, IReadOnlyList<ReportCheck> checks, IReadOnlyDictionary<NarrativeSection, string> narrative, string actor, DateTimeOffset now)
    {
        if (State == AnnualReportState.published) return Published();
        var failing = checks.Where(c => !c.Ok && c.Severity == RuleSeverity.Error).SelectMany(c => c.Failures).ToList();
        if (failing.Count > 0)
            return new Error("report.checks_fail", "报告未通过勾稽关系检查，不能发布：" + string.Join(" ", failing.Take(5).Select(f => f.Message)));
        Overview ??= narrative[NarrativeSection.overview];
        Problems ??= narrative[NarrativeSection.problems];
        Other ??= narrative[NarrativeSection.other];
        State = AnnualReportState.published;
        PublishedAt = now;
        PublishedBy = actor;
        Version++;
        PublishedCells = JsonSerializer.Serialize(figures.Cells.Concat(figures.Extras).ToDictionary(c => c.Key, c => c.Value));
        return null;
    }

    public IReadOnlyDictionary<string, decimal?> PublishedCellMap() =>
        PublishedCells is null ? new Dictionary<string, decimal?>() : JsonSerializer.Deserialize<Dictionary<string, decimal?>>(PublishedCells)!;

    private static Error Published() => new("report.published", "该年度报告已经发布，不能再修改。");
}

/// <summary>A figure the records cannot give (staff numbers, fees collected…), with who entered it and when. Rows are only appended.</summary>
public sealed class ReportInput
{
    public Guid ReportId { get; init; }
    public int Seq { get; init; }
    public string Key { get; init; } = "";
    public decimal? Value { get; init; }
    public string RecordedBy { get; init; } = "";
    public DateTimeOffset RecordedAt { get; init; }
}
