using Gongkai.Appeals;

namespace Gongkai.Core.Tests.Appeals;

public class AppealRulesTests
{
    private static readonly DateOnly Received = new(2024, 3, 4);

    [Fact]
    public void Litigation_after_review_needs_a_decided_review()
    {
        Assert.Equal("appeal.no_review", AppealRules.CheckFiling(AppealKind.LitigationAfterReview, Received.AddDays(90), "县法院", Received, [])?.Code);
        var pending = new AppealRecord(1, AppealKind.Reconsideration, Received.AddDays(30), "县政府");
        Assert.Equal("appeal.review_pending", AppealRules.CheckFiling(AppealKind.LitigationAfterReview, Received.AddDays(90), "县法院", Received, [pending])?.Code);
        var decided = pending with { Outcome = AppealOutcome.Upheld, DecidedOn = Received.AddDays(80) };
        Assert.Equal("appeal.before_review_decision", AppealRules.CheckFiling(AppealKind.LitigationAfterReview, Received.AddDays(79), "县法院", Received, [decided])?.Code);
        Assert.Null(AppealRules.CheckFiling(AppealKind.LitigationAfterReview, Received.AddDays(90), "县法院", Received, [decided]));
    }

    [Fact]
    public void An_appeal_names_its_body_and_is_not_dated_before_the_request()
    {
        Assert.Equal("appeal.no_body", AppealRules.CheckFiling(AppealKind.Reconsideration, Received, " ", Received, [])?.Code);
        Assert.Equal("appeal.before_request", AppealRules.CheckFiling(AppealKind.LitigationDirect, Received.AddDays(-1), "法院", Received, [])?.Code);
    }

    [Fact]
    public void A_second_appeal_of_the_same_kind_waits_for_the_first_outcome()
    {
        var pending = new AppealRecord(1, AppealKind.Reconsideration, Received.AddDays(30), "县政府");
        Assert.Equal("appeal.pending_same_kind", AppealRules.CheckFiling(AppealKind.Reconsideration, Received.AddDays(40), "县政府", Received, [pending])?.Code);
        Assert.Null(AppealRules.CheckFiling(AppealKind.LitigationDirect, Received.AddDays(40), "县法院", Received, [pending]));
    }

    [Fact]
    public void An_outcome_is_recorded_once_and_not_before_filing()
    {
        var a = new AppealRecord(1, AppealKind.Reconsideration, Received.AddDays(30), "县政府");
        Assert.Equal("appeal.outcome_pending", AppealRules.CheckOutcome(a, AppealOutcome.Pending, Received.AddDays(60))?.Code);
        Assert.Equal("appeal.outcome_before_filing", AppealRules.CheckOutcome(a, AppealOutcome.Upheld, Received.AddDays(29))?.Code);
        Assert.Null(AppealRules.CheckOutcome(a, AppealOutcome.Corrected, Received.AddDays(60)));
        var done = a with { Outcome = AppealOutcome.Corrected, DecidedOn = Received.AddDays(60) };
        Assert.Equal("appeal.outcome_already", AppealRules.CheckOutcome(done, AppealOutcome.Upheld, Received.AddDays(61))?.Code);
    }

    [Theory]
    [InlineData(AppealKind.Reconsideration, AppealOutcome.Upheld, "review.upheld")]
    [InlineData(AppealKind.Reconsideration, AppealOutcome.Pending, "review.pending")]
    [InlineData(AppealKind.LitigationDirect, AppealOutcome.Corrected, "litigation.direct.corrected")]
    [InlineData(AppealKind.LitigationAfterReview, AppealOutcome.Other, "litigation.after_review.other")]
    public void Appeals_count_in_their_table_four_cell(AppealKind kind, AppealOutcome outcome, string key) =>
        Assert.Equal(key, AppealRules.TableKey(kind, outcome));

    [Fact]
    public void Late_filings_are_flagged_but_not_refused()
    {
        var answered = new DateOnly(2024, 1, 10);
        Assert.Null(AppealRules.LateFilingNotice(AppealKind.Reconsideration, answered.AddDays(60), answered));
        Assert.NotNull(AppealRules.LateFilingNotice(AppealKind.Reconsideration, answered.AddDays(61), answered));
        Assert.Null(AppealRules.LateFilingNotice(AppealKind.LitigationDirect, answered.AddMonths(6), answered));
        Assert.NotNull(AppealRules.LateFilingNotice(AppealKind.LitigationDirect, answered.AddMonths(6).AddDays(1), answered));
    }
}
