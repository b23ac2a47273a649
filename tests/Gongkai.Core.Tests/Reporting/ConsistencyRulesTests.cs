using Gongkai.Reporting;

namespace Gongkai.Core.Tests.Reporting;

public class ConsistencyRulesTests
{
    private static string A(string row, ApplicantColumn column) => ReportKeys.ApplicationCell(row, column);

    /// <summary>A small consistent 2021 table 三: 5 natural-person and 2 commercial requests.</summary>
    private static Dictionary<string, decimal> Consistent2021()
    {
        var cells = new Dictionary<string, decimal>();
        void Row(string row, decimal np, decimal com)
        {
            cells[A(row, ApplicantColumn.NaturalPerson)] = np;
            cells[A(row, ApplicantColumn.LegalPersonCommercial)] = com;
            foreach (var c in new[] { ApplicantColumn.LegalPersonResearch, ApplicantColumn.LegalPersonPublicWelfare, ApplicantColumn.LegalPersonLegalService, ApplicantColumn.LegalPersonOther })
            {
                cells[A(row, c)] = 0;
            }
            cells[A(row, ApplicantColumn.Total)] = np + com;
        }
        Row("new", 5, 2);
        Row("carried_over", 1, 0);
        Row("result.granted", 3, 1);
        Row("result.unable.not_held", 1, 0);
        Row("result.other.fee_unpaid", 0, 1);
        Row("result.total", 4, 2);
        Row("carry_forward", 2, 0);
        foreach (var group in new[] { "review", "litigation.direct", "litigation.after_review" })
        {
            cells[$"{group}.upheld"] = 1;
            cells[$"{group}.corrected"] = 1;
            cells[$"{group}.other"] = 0;
            cells[$"{group}.pending"] = 1;
            cells[$"{group}.total"] = 3;
        }
        return cells;
    }

    [Fact]
    public void A_consistent_report_passes_every_rule()
    {
        Assert.Empty(ConsistencyRules.Check(ReportFormat.V2021, Consistent2021()));
    }

    [Fact]
    public void An_empty_report_passes_because_blank_cells_are_not_checked()
    {
        Assert.Empty(ConsistencyRules.Check(ReportFormat.V2021, new Dictionary<string, decimal>()));
        Assert.Empty(ConsistencyRules.Check(ReportFormat.Legacy, new Dictionary<string, decimal>()));
    }

    [Theory]
    [InlineData(ApplicantColumn.NaturalPerson, "自然人")]
    [InlineData(ApplicantColumn.LegalPersonCommercial, "商业企业")]
    public void New_plus_carried_over_must_equal_results_plus_carried_forward_in_the_column_and_the_total(ApplicantColumn column, string label)
    {
        var cells = Consistent2021();
        cells[A("carry_forward", column)] += 1;
        cells[A("carry_forward", ApplicantColumn.Total)] += 1;

        var failures = ConsistencyRules.Check(ReportFormat.V2021, cells);

        Assert.Equal(2, failures.Count);
        Assert.All(failures, f => Assert.Equal(ConsistencyRules.ApplicationsBalance, f.Rule));
        var own = Assert.Single(failures, f => f.Message.Contains(label));
        Assert.Equal(4, own.Cells.Count);
        Assert.Equal(cells[A("carry_forward", column)], own.Cells[A("carry_forward", column)]);
        Assert.Single(failures, f => f.Message.StartsWith("“总计”列"));
    }

    [Fact]
    public void The_balance_names_every_term_with_its_value()
    {
        var cells = Consistent2021();
        cells[A("new", ApplicantColumn.Total)] = 8;

        var balance = ConsistencyRules.Check(ReportFormat.V2021, cells).Single(f => f.Rule == ConsistencyRules.ApplicationsBalance);

        Assert.Equal(8m, balance.Cells[A("new", ApplicantColumn.Total)]);
        Assert.Equal(1m, balance.Cells[A("carried_over", ApplicantColumn.Total)]);
        Assert.Equal(6m, balance.Cells[A("result.total", ApplicantColumn.Total)]);
        Assert.Equal(2m, balance.Cells[A("carry_forward", ApplicantColumn.Total)]);
        Assert.Contains("9", balance.Message);
        Assert.Contains("8", balance.Message);
    }

    [Fact]
    public void Result_total_must_be_the_sum_of_the_21_leaves()
    {
        var cells = Consistent2021();
        cells[A("result.withheld.state_secret", ApplicantColumn.NaturalPerson)] = 1;
        cells[A("result.withheld.state_secret", ApplicantColumn.Total)] = 1;

        var failures = ConsistencyRules.Check(ReportFormat.V2021, cells);

        var sums = failures.Where(f => f.Rule == ConsistencyRules.ApplicationsResultTotal).ToList();
        Assert.Equal(2, sums.Count);
        Assert.Contains(sums, f => f.Message.Contains("“自然人”列：办理结果总计为4，但各项办理结果之和为5"));
        Assert.Contains(sums, f => f.Message.Contains("“总计”列：办理结果总计为6，但各项办理结果之和为7"));
        Assert.All(sums, f => Assert.True(f.Cells.ContainsKey(A("result.withheld.state_secret", ApplicantColumn.Total)) || f.Cells.ContainsKey(A("result.withheld.state_secret", ApplicantColumn.NaturalPerson))));
    }

    [Fact]
    public void In_2019_the_single_other_handling_row_is_the_leaf()
    {
        var cells = Consistent2021();
        foreach (var column in ReportKeys.Columns)
        {
            cells[A("result.other.total", column)] = cells[A("result.other.fee_unpaid", column)];
            cells.Remove(A("result.other.fee_unpaid", column));
        }
        Assert.Empty(ConsistencyRules.Check(ReportFormat.V2019, cells));
        // The same figures under the 2021 rules lack the 其他处理 leaf.
        Assert.Contains(ConsistencyRules.Check(ReportFormat.V2021, cells), f => f.Rule == ConsistencyRules.ApplicationsResultTotal);
    }

    [Fact]
    public void Every_row_total_must_equal_its_applicant_columns()
    {
        var cells = Consistent2021();
        cells[A("result.granted", ApplicantColumn.LegalPersonResearch)] = 1;

        var failures = ConsistencyRules.Check(ReportFormat.V2021, cells);

        var row = Assert.Single(failures, f => f.Rule == ConsistencyRules.ApplicationsTotalColumn);
        Assert.Contains("予以公开", row.Message);
        Assert.Equal(1m, row.Cells[A("result.granted", ApplicantColumn.LegalPersonResearch)]);
    }

    [Fact]
    public void A_row_with_only_its_total_filled_is_not_a_row_sum_failure()
    {
        var cells = new Dictionary<string, decimal> { [A("new", ApplicantColumn.Total)] = 4, [A("result.granted", ApplicantColumn.Total)] = 4, [A("result.total", ApplicantColumn.Total)] = 4 };
        Assert.Empty(ConsistencyRules.Check(ReportFormat.V2021, cells));
    }

    [Fact]
    public void A_blank_result_total_with_filled_leaves_fails()
    {
        var cells = new Dictionary<string, decimal> { [A("new", ApplicantColumn.Total)] = 2, [A("result.granted", ApplicantColumn.Total)] = 2 };

        var failures = ConsistencyRules.Check(ReportFormat.V2021, cells);

        Assert.Contains(failures, f => f.Rule == ConsistencyRules.ApplicationsResultTotal && f.Cells[A("result.total", ApplicantColumn.Total)] is null);
        Assert.Contains(failures, f => f.Rule == ConsistencyRules.ApplicationsBalance);
    }

    [Theory]
    [InlineData("review", "行政复议")]
    [InlineData("litigation.direct", "未经复议直接起诉")]
    [InlineData("litigation.after_review", "复议后起诉")]
    public void Each_appeal_total_must_be_the_sum_of_its_four_outcomes(string group, string label)
    {
        var cells = Consistent2021();
        cells[$"{group}.pending"] = 2;

        var failure = Assert.Single(ConsistencyRules.Check(ReportFormat.V2021, cells));

        Assert.Equal(ConsistencyRules.AppealsTotal, failure.Rule);
        Assert.Contains(label, failure.Message);
        Assert.Equal(3m, failure.Cells[$"{group}.total"]);
    }

    [Fact]
    public void Carry_over_continuity_is_a_warning_per_column()
    {
        var lastYear = Consistent2021();
        var thisYear = new Dictionary<string, decimal>();
        foreach (var column in ReportKeys.Columns) thisYear[A("carried_over", column)] = lastYear[A("carry_forward", column)];
        Assert.Empty(ConsistencyRules.CheckCarryOver(lastYear, thisYear));

        thisYear[A("carried_over", ApplicantColumn.NaturalPerson)] += 1;
        thisYear[A("carried_over", ApplicantColumn.Total)] += 1;
        var failures = ConsistencyRules.CheckCarryOver(lastYear, thisYear);

        Assert.Equal(2, failures.Count);
        Assert.All(failures, f => Assert.Equal(RuleSeverity.Warning, f.Severity));
        Assert.All(failures, f => Assert.Equal(ConsistencyRules.CarryOverContinuity, f.Rule));
        Assert.Contains(failures, f => f.Message.Contains("自然人") && f.Cells[A("carried_over", ApplicantColumn.NaturalPerson)] == 3);
    }

    [Fact]
    public void A_parent_must_equal_the_sum_of_its_children()
    {
        var parent = new Dictionary<string, decimal> { ["applications.new.total"] = 10, ["review.total"] = 1 };
        var a = new Dictionary<string, decimal> { ["applications.new.total"] = 6, ["review.total"] = 1 };
        var b = new Dictionary<string, decimal> { ["applications.new.total"] = 3 };

        var failure = Assert.Single(ConsistencyRules.CheckAggregation(parent, [a, b]));

        Assert.Equal(ConsistencyRules.ParentEqualsChildren, failure.Rule);
        Assert.Equal(10m, failure.Cells["applications.new.total"]);
        Assert.Equal(6m, failure.Cells["child1:applications.new.total"]);
        Assert.Equal(3m, failure.Cells["child2:applications.new.total"]);
        Assert.Contains("9", failure.Message);
        Assert.Empty(ConsistencyRules.CheckAggregation(parent, [a, b, new Dictionary<string, decimal> { ["applications.new.total"] = 1 }]));
    }

    [Fact]
    public void Legacy_channels_must_add_up_to_the_requests_received()
    {
        var cells = new Dictionary<string, decimal>
        {
            ["legacy.applications.total"] = 42,
            ["legacy.applications.by_channel.in_person"] = 5,
            ["legacy.applications.by_channel.online"] = 35,
        };
        Assert.Equal(ConsistencyRules.LegacyChannels, Assert.Single(ConsistencyRules.Check(ReportFormat.Legacy, cells)).Rule);
        cells["legacy.applications.by_channel.fax"] = 2;
        Assert.Empty(ConsistencyRules.Check(ReportFormat.Legacy, cells));
    }

    [Fact]
    public void A_single_legacy_channel_in_prose_is_not_a_contradiction()
    {
        var cells = new Dictionary<string, decimal> { ["legacy.applications.total"] = 42, ["legacy.applications.by_channel.in_person"] = 5 };
        Assert.Empty(ConsistencyRules.Check(ReportFormat.Legacy, cells));
    }

    [Fact]
    public void Legacy_replies_must_add_up_to_the_reply_total()
    {
        var cells = new Dictionary<string, decimal>
        {
            ["legacy.responses.total"] = 42,
            ["legacy.responses.granted"] = 39,
            ["legacy.responses.denied.unclear"] = 2,
        };
        Assert.Equal(ConsistencyRules.LegacyResponses, Assert.Single(ConsistencyRules.Check(ReportFormat.Legacy, cells)).Rule);
        cells["legacy.responses.denied.exempt_5"] = 1;
        Assert.Empty(ConsistencyRules.Check(ReportFormat.Legacy, cells));
    }

    [Theory]
    [InlineData("legacy.staff.total", 78, "legacy.staff.full_time", 8, "legacy.staff.part_time", 69, ConsistencyRules.LegacyStaff)]
    [InlineData("legacy.review.total", 3, "legacy.review.upheld", 1, "legacy.review.corrected", 1, ConsistencyRules.LegacyAppeals)]
    [InlineData("legacy.fees.total", 100, "legacy.fees.copy", 40, "legacy.fees.postage", 50, ConsistencyRules.LegacyFees)]
    public void Legacy_totals_must_equal_their_parts(string total, int t, string part1, int p1, string part2, int p2, string rule)
    {
        var cells = new Dictionary<string, decimal> { [total] = t, [part1] = p1, [part2] = p2 };
        var failure = Assert.Single(ConsistencyRules.Check(ReportFormat.Legacy, cells));
        Assert.Equal(rule, failure.Rule);
        cells[total] = p1 + p2;
        Assert.Empty(ConsistencyRules.Check(ReportFormat.Legacy, cells));
    }

    [Fact]
    public void Legacy_denied_total_cannot_be_less_than_its_exemptions_and_full_text_cannot_exceed_the_total()
    {
        var cells = new Dictionary<string, decimal>
        {
            ["legacy.responses.denied.total"] = 1,
            ["legacy.responses.denied.exempt_1"] = 1,
            ["legacy.responses.denied.exempt_3"] = 1,
            ["legacy.proactive.total"] = 100,
            ["legacy.proactive.full_text_electronic"] = 120,
        };
        var rules = ConsistencyRules.Check(ReportFormat.Legacy, cells).Select(f => f.Rule).Order().ToList();
        Assert.Equal([ConsistencyRules.LegacyFullText, ConsistencyRules.LegacyDeniedExempt], rules);
    }
}
