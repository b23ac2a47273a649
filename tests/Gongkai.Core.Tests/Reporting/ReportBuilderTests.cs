using Gongkai.Reporting;
using static Gongkai.Core.Tests.Reporting.RecordSets;

namespace Gongkai.Core.Tests.Reporting;

public class ReportBuilderTests
{
    private static void AssertCells(IReadOnlyDictionary<string, decimal> expected, ReportFigures figures)
    {
        foreach (var (key, value) in expected) Assert.True(figures.Cells[key] == value, $"{key}: expected {value}, got {figures.Cells[key]}");
    }

    [Fact]
    public void Table_three_2024_counts_every_leaf_every_column_and_both_carry_overs()
    {
        var figures = ReportBuilder.Build(ReportFormat.V2021, 2024, County());
        AssertCells(Table(County2024), figures);
        Assert.Equal(175, figures.Cells.Keys.Count(k => k.StartsWith("applications.", StringComparison.Ordinal)));
    }

    [Fact]
    public void Table_three_2025_carries_over_exactly_what_2024_carried_forward()
    {
        var figures = ReportBuilder.Build(ReportFormat.V2021, 2025, County());
        AssertCells(Table(County2025), figures);
        var previous = ReportBuilder.Build(ReportFormat.V2021, 2024, County());
        var checks = ReportChecks.Run(figures, previous.Present);
        Assert.All(checks, c => Assert.True(c.Ok, c.Rule));
        Assert.Contains(checks, c => c.Rule == ConsistencyRules.CarryOverContinuity);
    }

    [Fact]
    public void The_2019_format_folds_the_three_other_handling_leaves_into_one_row()
    {
        var figures = ReportBuilder.Build(ReportFormat.V2019, 2024, County());
        AssertCells(Table("result.other.total  1  1  1  0  0  0  3", "result.total  5  4  4  3  3  3  22"), figures);
        Assert.False(figures.Cells.ContainsKey(ReportKeys.ApplicationCell("result.other.other", ApplicantColumn.Total)));
        Assert.All(ReportChecks.Run(figures, null), c => Assert.True(c.Ok, c.Rule));
    }

    [Fact]
    public void Table_four_counts_appeals_filed_in_the_year_in_their_state_on_31_december()
    {
        var figures = ReportBuilder.Build(ReportFormat.V2021, 2024, County());
        var expected = new Dictionary<string, decimal>
        {
            ["review.upheld"] = 1, ["review.corrected"] = 1, ["review.other"] = 1, ["review.pending"] = 1, ["review.total"] = 4,
            ["litigation.direct.upheld"] = 1, ["litigation.direct.corrected"] = 0, ["litigation.direct.other"] = 0,
            ["litigation.direct.pending"] = 0, ["litigation.direct.total"] = 1,
            ["litigation.after_review.upheld"] = 0, ["litigation.after_review.pending"] = 1, ["litigation.after_review.total"] = 1,
        };
        AssertCells(expected, figures);
    }

    [Fact]
    public void Counting_active_appeals_adds_those_pending_on_1_january()
    {
        var figures = ReportBuilder.Build(ReportFormat.V2021, 2024, County(), options: new ReportingOptions { AppealCounting = AppealCounting.ActiveInYear });
        Assert.Equal(1, figures.Cells["litigation.direct.corrected"]);
        Assert.Equal(2, figures.Cells["litigation.direct.total"]);
        Assert.Equal(4, figures.Cells["review.total"]);
    }

    [Fact]
    public void Table_two_counts_issued_repealed_and_in_force_documents_and_decisions()
    {
        var figures = ReportBuilder.Build(ReportFormat.V2021, 2024, County());
        var expected = new Dictionary<string, decimal>
        {
            ["proactive.regulations.issued"] = 1, ["proactive.regulations.repealed"] = 1, ["proactive.regulations.in_force"] = 2,
            ["proactive.normative_docs.issued"] = 1, ["proactive.normative_docs.repealed"] = 1, ["proactive.normative_docs.in_force"] = 1,
            ["proactive.licensing.decisions"] = 2, ["proactive.penalty.decisions"] = 1, ["proactive.coercion.decisions"] = 0,
        };
        AssertCells(expected, figures);
        Assert.Null(figures.Cells["proactive.admin_fees.amount_10k_cny"]);
    }

    [Fact]
    public void Recorded_inputs_fill_only_cells_the_records_cannot_give()
    {
        var inputs = new Dictionary<string, decimal?>
        {
            ["proactive.admin_fees.amount_10k_cny"] = 1.25m,
            ["applications.new.total"] = 999,
            ["other.info_processing_fee_collected_cny"] = 400,
        };
        var figures = ReportBuilder.Build(ReportFormat.V2021, 2024, County(), inputs);
        Assert.Equal(1.25m, figures.Cells["proactive.admin_fees.amount_10k_cny"]);
        Assert.Equal(CellSource.Recorded, figures.Sources["proactive.admin_fees.amount_10k_cny"]);
        Assert.Equal(24, figures.Cells["applications.new.total"]);
        Assert.Equal(CellSource.Computed, figures.Sources["applications.new.total"]);
        Assert.Equal(400, figures.Extras["other.info_processing_fee_collected_cny"]);
        Assert.Equal(["proactive.admin_fees.amount_10k_cny"], figures.Sources.Where(s => s.Value == CellSource.Recorded).Select(s => s.Key));
    }

    [Fact]
    public void Legacy_statistics_count_channels_responses_extensions_and_appeals()
    {
        var figures = ReportBuilder.Build(ReportFormat.Legacy, 2024, County());
        var expected = new Dictionary<string, decimal>
        {
            ["legacy.proactive.total"] = 6, ["legacy.proactive.normative_docs"] = 1,
            ["legacy.applications.total"] = 24, ["legacy.applications.by_channel.online"] = 22,
            ["legacy.applications.by_channel.in_person"] = 1, ["legacy.applications.by_channel.letter"] = 1,
            ["legacy.applications.closed_extended"] = 1, ["legacy.applications.closed_on_time"] = 21,
            ["legacy.responses.total"] = 22, ["legacy.responses.granted"] = 2, ["legacy.responses.partial"] = 1,
            ["legacy.responses.denied.total"] = 19, ["legacy.responses.denied.not_held"] = 1,
            ["legacy.review.total"] = 4, ["legacy.review.other"] = 2, ["legacy.litigation.total"] = 2,
        };
        AssertCells(expected, figures);
        Assert.All(ReportChecks.Run(figures, null), c => Assert.True(c.Ok, c.Rule));
    }

    [Fact]
    public void Every_rule_is_listed_and_a_tampered_cell_fails_naming_its_cells()
    {
        var figures = ReportBuilder.Build(ReportFormat.V2021, 2024, County());
        var checks = ReportChecks.Run(figures, null);
        Assert.Equal(4, checks.Count);
        Assert.False(ReportChecks.BlocksPublication(checks));

        var cells = figures.Cells.ToDictionary();
        cells["applications.carry_forward.natural_person"] = 2;
        var tampered = ReportChecks.Run(figures with { Cells = cells }, null);
        Assert.True(ReportChecks.BlocksPublication(tampered));
        var balance = Assert.Single(tampered.Single(c => c.Rule == ConsistencyRules.ApplicationsBalance).Failures);
        Assert.Contains("自然人", balance.Message);
        Assert.Equal(2, balance.Cells["applications.carry_forward.natural_person"]);
        Assert.False(tampered.Single(c => c.Rule == ConsistencyRules.ApplicationsTotalColumn).Ok);
    }

    [Fact]
    public void A_carry_over_mismatch_with_last_year_is_a_warning_that_does_not_block()
    {
        var figures = ReportBuilder.Build(ReportFormat.V2021, 2025, County());
        var lastYear = ReportBuilder.Build(ReportFormat.V2021, 2024, County()).Present.ToDictionary();
        lastYear["applications.carry_forward.total"] = 7;
        var checks = ReportChecks.Run(figures, lastYear);
        var continuity = checks.Single(c => c.Rule == ConsistencyRules.CarryOverContinuity);
        Assert.False(continuity.Ok);
        Assert.Equal(RuleSeverity.Warning, continuity.Severity);
        Assert.False(ReportChecks.BlocksPublication(checks));
    }

    [Theory]
    [InlineData(ReportFormat.V2021, 2024, AppealCounting.FiledInYear)]
    [InlineData(ReportFormat.V2021, 2025, AppealCounting.ActiveInYear)]
    [InlineData(ReportFormat.V2019, 2024, AppealCounting.FiledInYear)]
    public void Drill_down_lists_exactly_as_many_records_as_each_computed_cell_counts(ReportFormat format, int year, AppealCounting counting)
    {
        var options = new ReportingOptions { AppealCounting = counting };
        var records = County();
        var figures = ReportBuilder.Build(format, year, records, options: options);
        foreach (var (key, source) in figures.Sources.Where(s => s.Value == CellSource.Computed))
        {
            var (kind, ids) = ReportDrillDown.Select(format, year, key, records, options);
            Assert.NotEqual(DrillKind.None, kind);
            Assert.True(figures.Cells[key] == ids.Count, $"{key}: cell {figures.Cells[key]}, drill-down {ids.Count}");
            Assert.Equal(ids.Count, ids.Distinct().Count());
        }
    }

    [Fact]
    public void The_draft_narrative_states_totals_shares_and_the_change_against_last_year()
    {
        var agency = new ReportAgency(Guid.NewGuid(), "test", "云溪县测试局", Gongkai.Agencies.AgencyKind.department);
        var figures = ReportBuilder.Build(ReportFormat.V2021, 2025, County());
        var previous = ReportBuilder.Build(ReportFormat.V2021, 2024, County());
        var draft = NarrativeDraft.Write(agency, figures, previous);
        Assert.Contains("新收政府信息公开申请1件，比上年减少23件（-95.8%）", draft[NarrativeSection.overview]);
        Assert.Contains("上年结转4件；办结3件，其中予以公开和部分公开2件（占66.7%）", draft[NarrativeSection.overview]);
        Assert.Contains("未收取信息处理费", draft[NarrativeSection.other]);
    }
}
