using Gongkai.Reporting;
using Gongkai.Requests;
using static Gongkai.Requests.RequestEventType;
using ConsultedParty = Gongkai.Calendar.ConsultedParty;

namespace Gongkai.Core.Tests.Requests;

public class RequestHistoryTests
{
    // A weekdays-only stand-in for the calendar: these tests are about order of actions, not holidays.
    private static DateOnly Weekdays(DateOnly from, int days)
    {
        var d = from;
        while (days > 0)
        {
            d = d.AddDays(1);
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) days--;
        }
        return d;
    }

    private static readonly DateOnly Mon = new(2024, 3, 4);

    private static RequestHistory NewRequest(DateOnly? on = null)
    {
        var h = new RequestHistory(Weekdays);
        Assert.Null(h.Append(new RequestEvent(Registered, on ?? Mon) { Channel = Channel.Online }));
        return h;
    }

    private static RequestHistory AssignedRequest(DateOnly? on = null)
    {
        var h = NewRequest(on);
        Assert.Null(h.Append(new RequestEvent(Assigned, h.ReceivedOn) { Handler = "staff-1" }));
        return h;
    }

    private static RequestEvent Decide(DateOnly on, DecisionSituation s, string? text = "理由") =>
        new(Decided, on) { Situation = s, PublicText = text };

    private static void Refused(RequestHistory h, RequestEvent e, string code)
    {
        var count = h.Events.Count;
        var error = h.Append(e);
        Assert.NotNull(error);
        Assert.Equal(code, error.Code);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        Assert.Equal(count, h.Events.Count);
    }

    [Fact]
    public void The_first_event_must_be_the_registration()
    {
        var h = new RequestHistory(Weekdays);
        Refused(h, new RequestEvent(Assigned, Mon) { Handler = "x" }, "not_registered");
    }

    [Fact]
    public void A_request_cannot_be_registered_twice() =>
        Refused(NewRequest(), new RequestEvent(Registered, Mon), "already_registered");

    [Fact]
    public void Steps_cannot_be_dated_before_the_previous_step() =>
        Refused(NewRequest(), new RequestEvent(Assigned, Mon.AddDays(-1)) { Handler = "x" }, "date_before_previous");

    [Fact]
    public void Status_moves_from_registered_to_in_progress_on_assignment()
    {
        var h = NewRequest();
        Assert.Equal(RequestStatus.Registered, h.Status);
        h.Append(new RequestEvent(Assigned, Mon) { Handler = "staff-1" });
        Assert.Equal(RequestStatus.InProgress, h.Status);
        Assert.Equal("staff-1", h.Handler);
    }

    [Fact]
    public void The_full_happy_path_ends_closed_with_the_chosen_leaf()
    {
        var h = AssignedRequest();
        Assert.Null(h.Append(Decide(Mon.AddDays(5), DecisionSituation.Disclosed)));
        Assert.Equal(RequestStatus.Decided, h.Status);
        Assert.Null(h.Append(new RequestEvent(ReplyReviewed, Mon.AddDays(5))));
        Assert.Equal(RequestStatus.Reviewed, h.Status);
        Assert.Null(h.Append(new RequestEvent(Delivered, Mon.AddDays(6))));
        Assert.Null(h.Append(new RequestEvent(Closed, Mon.AddDays(6))));
        Assert.Equal(RequestStatus.Closed, h.Status);
        Assert.Equal(ResultLeaf.Granted, h.Leaf(new DecisionOptions()));
    }

    [Fact]
    public void A_request_without_handler_cannot_be_decided() =>
        Refused(NewRequest(), Decide(Mon, DecisionSituation.Disclosed), "decide.unassigned");

    [Fact]
    public void A_request_is_decided_only_once()
    {
        var h = AssignedRequest();
        h.Append(Decide(Mon, DecisionSituation.Disclosed));
        Refused(h, Decide(Mon, DecisionSituation.NotExist), "decide.already");
    }

    [Fact]
    public void A_reply_cannot_be_delivered_before_its_confidentiality_review()
    {
        var h = AssignedRequest();
        h.Append(Decide(Mon, DecisionSituation.Disclosed));
        Refused(h, new RequestEvent(Delivered, Mon), "deliver.not_reviewed");
    }

    [Fact]
    public void Nothing_can_be_reviewed_before_a_decision() =>
        Refused(AssignedRequest(), new RequestEvent(ReplyReviewed, Mon), "review.no_decision");

    [Fact]
    public void A_request_closes_only_after_delivery()
    {
        var h = AssignedRequest();
        h.Append(Decide(Mon, DecisionSituation.Disclosed));
        h.Append(new RequestEvent(ReplyReviewed, Mon));
        Refused(h, new RequestEvent(Closed, Mon), "close.not_delivered");
    }

    [Fact]
    public void The_correction_notice_is_sent_only_once()
    {
        var h = AssignedRequest();
        Assert.Null(h.Append(new RequestEvent(CorrectionRequested, Mon.AddDays(1)) { DueOn = Mon.AddDays(15), PublicText = "请写明文号" }));
        Assert.Equal(RequestStatus.AwaitingCorrection, h.Status);
        Assert.Null(h.Append(new RequestEvent(CorrectionReceived, Mon.AddDays(3))));
        Assert.Equal(RequestStatus.InProgress, h.Status);
        Refused(h, new RequestEvent(CorrectionRequested, Mon.AddDays(4)) { DueOn = Mon.AddDays(15), PublicText = "再补充" }, "correction.already_requested");
    }

    [Fact]
    public void The_correction_notice_must_go_out_within_seven_working_days_of_receipt()
    {
        // Received Monday 4 March; the 7th working day after is Wednesday 13 March.
        var h = AssignedRequest();
        Assert.Equal(new DateOnly(2024, 3, 13), h.CorrectionNoticeDeadline);
        Refused(h, new RequestEvent(CorrectionRequested, new DateOnly(2024, 3, 14)) { DueOn = new DateOnly(2024, 3, 30), PublicText = "x" }, "correction.too_late");
        Assert.Null(h.Append(new RequestEvent(CorrectionRequested, new DateOnly(2024, 3, 13)) { DueOn = new DateOnly(2024, 3, 30), PublicText = "x" }));
    }

    [Fact]
    public void A_correction_notice_needs_a_deadline_and_says_what_to_correct()
    {
        var h = AssignedRequest();
        Refused(h, new RequestEvent(CorrectionRequested, Mon) { DueOn = Mon, PublicText = "x" }, "correction.no_deadline");
        Refused(h, new RequestEvent(CorrectionRequested, Mon) { DueOn = Mon.AddDays(10) }, "correction.no_text");
    }

    [Fact]
    public void No_correction_can_be_received_without_a_notice() =>
        Refused(AssignedRequest(), new RequestEvent(CorrectionReceived, Mon), "correction.not_awaiting");

    [Fact]
    public void Requests_under_the_2008_regulation_have_no_correction_procedure()
    {
        var h = AssignedRequest(new DateOnly(2019, 5, 14));
        Assert.Equal(Regime.Regulation2008, h.Regime);
        Refused(h, new RequestEvent(CorrectionRequested, h.ReceivedOn) { DueOn = h.ReceivedOn.AddDays(10), PublicText = "x" }, "correction.regime_2008");
    }

    [Fact]
    public void A_request_awaiting_correction_cannot_be_decided_on_the_merits()
    {
        var h = AssignedRequest();
        h.Append(new RequestEvent(CorrectionRequested, Mon) { DueOn = Mon.AddDays(10), PublicText = "x" });
        Refused(h, Decide(Mon.AddDays(2), DecisionSituation.Disclosed), "decide.awaiting_correction");
    }

    [Fact]
    public void No_correction_ends_the_request_only_after_the_correction_deadline()
    {
        var h = AssignedRequest();
        h.Append(new RequestEvent(CorrectionRequested, Mon) { DueOn = Mon.AddDays(10), PublicText = "x" });
        Refused(h, Decide(Mon.AddDays(10), DecisionSituation.NoCorrection), "decide.correction_not_due");
        Assert.Null(h.Append(Decide(Mon.AddDays(11), DecisionSituation.NoCorrection)));
        Assert.Equal(ResultLeaf.OtherNoCorrection, h.Leaf(new DecisionOptions()));
    }

    [Fact]
    public void No_correction_cannot_be_chosen_when_none_was_asked_for() =>
        Refused(AssignedRequest(), Decide(Mon, DecisionSituation.NoCorrection), "decide.no_correction_not_awaiting");

    [Fact]
    public void Still_unclear_requires_a_received_correction()
    {
        Refused(AssignedRequest(), Decide(Mon, DecisionSituation.StillUnclear), "decide.still_unclear_without_correction");
        var h = AssignedRequest();
        h.Append(new RequestEvent(CorrectionRequested, Mon) { DueOn = Mon.AddDays(10), PublicText = "x" });
        h.Append(new RequestEvent(CorrectionReceived, Mon.AddDays(2)));
        Assert.Null(h.Append(Decide(Mon.AddDays(4), DecisionSituation.StillUnclear)));
        Assert.Equal(ResultLeaf.UnableStillUnclear, h.Leaf(new DecisionOptions()));
    }

    [Fact]
    public void The_extension_needs_the_office_heads_approval()
    {
        Refused(AssignedRequest(), new RequestEvent(Extended, Mon) { Days = 10 }, "extend.not_approved");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(21)]
    [InlineData(-1)]
    public void The_extension_is_at_most_twenty_working_days(int days) =>
        Refused(AssignedRequest(), new RequestEvent(Extended, Mon) { Days = days, ApprovedByOfficeHead = true }, "extend.days");

    [Fact]
    public void The_extension_is_allowed_only_once()
    {
        var h = AssignedRequest();
        Assert.Null(h.Append(new RequestEvent(Extended, Mon) { Days = 20, ApprovedByOfficeHead = true }));
        Assert.Equal(20, h.ExtensionDays);
        Refused(h, new RequestEvent(Extended, Mon) { Days = 1, ApprovedByOfficeHead = true }, "extend.already");
    }

    [Fact]
    public void Under_the_2008_regulation_the_extension_is_at_most_fifteen_days()
    {
        var h = AssignedRequest(new DateOnly(2015, 6, 1));
        Refused(h, new RequestEvent(Extended, h.ReceivedOn) { Days = 16, ApprovedByOfficeHead = true }, "extend.days");
        Assert.Null(h.Append(new RequestEvent(Extended, h.ReceivedOn) { Days = 15, ApprovedByOfficeHead = true }));
    }

    [Fact]
    public void An_open_consultation_blocks_the_decision_until_answered_or_lapsed()
    {
        var h = AssignedRequest();
        Assert.Null(h.Append(new RequestEvent(ConsultationStarted, Mon) { Party = ConsultedParty.ThirdParty, DueOn = Weekdays(Mon, 15) }));
        Assert.Equal(RequestStatus.InConsultation, h.Status);
        Refused(h, Decide(Mon.AddDays(1), DecisionSituation.Disclosed), "decide.consultation_open");
        Refused(h, new RequestEvent(ConsultationReplied, Weekdays(Mon, 15)) { ConsultationNo = 1, Silent = true }, "consult.not_yet_silent");
        Assert.Null(h.Append(new RequestEvent(ConsultationReplied, Weekdays(Mon, 16)) { ConsultationNo = 1, Silent = true }));
        Assert.Null(h.Append(Decide(Weekdays(Mon, 16), DecisionSituation.Disclosed)));
    }

    [Fact]
    public void A_consultation_is_answered_once()
    {
        var h = AssignedRequest();
        h.Append(new RequestEvent(ConsultationStarted, Mon) { Party = ConsultedParty.OtherOrgan, DueOn = Weekdays(Mon, 15) });
        Assert.Null(h.Append(new RequestEvent(ConsultationReplied, Mon.AddDays(2)) { ConsultationNo = 1 }));
        Refused(h, new RequestEvent(ConsultationReplied, Mon.AddDays(3)) { ConsultationNo = 1 }, "consult.already_replied");
        Refused(h, new RequestEvent(ConsultationReplied, Mon.AddDays(3)) { ConsultationNo = 2 }, "consult.unknown");
    }

    [Fact]
    public void Fee_notices_exist_only_from_2021()
    {
        var h = AssignedRequest(new DateOnly(2020, 12, 31));
        Refused(h, new RequestEvent(FeeNotified, h.ReceivedOn) { FeeMethod = FeeMethod.PerVolume, FeeAmount = 100m, DueOn = h.ReceivedOn.AddDays(30) }, "fee.regime");
    }

    [Fact]
    public void Fee_unpaid_ends_the_request_only_after_the_payment_deadline()
    {
        var h = AssignedRequest();
        Assert.Null(h.Append(new RequestEvent(FeeNotified, Mon) { FeeMethod = FeeMethod.PerVolume, FeeAmount = 700m, FeeQuantity = 100, DueOn = Weekdays(Mon.AddDays(1), 19) }));
        Assert.Equal(RequestStatus.AwaitingFee, h.Status);
        Refused(h, Decide(Mon.AddDays(3), DecisionSituation.Disclosed), "decide.awaiting_fee");
        Refused(h, Decide(Mon.AddDays(3), DecisionSituation.FeeUnpaid), "decide.fee_not_due");
        Assert.Null(h.Append(Decide(Mon.AddDays(40), DecisionSituation.FeeUnpaid)));
        Assert.Equal(ResultLeaf.OtherFeeUnpaid, h.Leaf(new DecisionOptions()));
    }

    [Fact]
    public void A_paid_fee_lets_handling_continue()
    {
        var h = AssignedRequest();
        h.Append(new RequestEvent(FeeNotified, Mon) { FeeMethod = FeeMethod.PerRequest, FeeAmount = 100m, FeeQuantity = 11, DueOn = Mon.AddDays(28) });
        Assert.Null(h.Append(new RequestEvent(FeePaid, Mon.AddDays(5))));
        Refused(h, new RequestEvent(FeePaid, Mon.AddDays(6)), "fee.not_awaiting");
        Refused(h, Decide(Mon.AddDays(40), DecisionSituation.FeeUnpaid), "decide.fee_not_awaiting");
        Assert.Null(h.Append(Decide(Mon.AddDays(6), DecisionSituation.Disclosed)));
    }

    [Fact]
    public void Only_one_fee_notice_per_request()
    {
        var h = AssignedRequest();
        h.Append(new RequestEvent(FeeNotified, Mon) { FeeMethod = FeeMethod.PerRequest, FeeAmount = 100m, DueOn = Mon.AddDays(28) });
        Refused(h, new RequestEvent(FeeNotified, Mon) { FeeMethod = FeeMethod.PerVolume, FeeAmount = 10m, DueOn = Mon.AddDays(28) }, "fee.already");
    }

    [Fact]
    public void Nothing_happens_after_withdrawal()
    {
        var h = AssignedRequest();
        Assert.Null(h.Append(new RequestEvent(Withdrawn, Mon.AddDays(1))));
        Assert.Equal(RequestStatus.Withdrawn, h.Status);
        Assert.Equal(ResultLeaf.OtherOther, h.Leaf(new DecisionOptions()));
        Refused(h, Decide(Mon.AddDays(2), DecisionSituation.Disclosed), "withdrawn");
        Refused(h, new RequestEvent(Withdrawn, Mon.AddDays(2)), "withdrawn");
    }

    [Fact]
    public void A_decided_request_cannot_be_withdrawn()
    {
        var h = AssignedRequest();
        h.Append(Decide(Mon, DecisionSituation.NotExist));
        Refused(h, new RequestEvent(Withdrawn, Mon), "withdraw.decided");
    }

    [Fact]
    public void Withdrawal_is_not_a_decision_staff_can_choose() =>
        Refused(AssignedRequest(), Decide(Mon, DecisionSituation.Withdrawn), "decide.withdrawn_is_not_a_decision");

    [Fact]
    public void Answers_that_must_explain_themselves_need_text() =>
        Refused(AssignedRequest(), Decide(Mon, DecisionSituation.Partial, text: " "), "decide.no_text");

    [Fact]
    public void Reopening_clears_the_answer_but_keeps_it_in_the_log()
    {
        var h = AssignedRequest();
        h.Append(Decide(Mon, DecisionSituation.WithheldProcessInfo));
        h.Append(new RequestEvent(ReplyReviewed, Mon));
        h.Append(new RequestEvent(Delivered, Mon));
        Refused(h, new RequestEvent(Reopened, Mon.AddDays(30)), "reopen.no_reason");
        Assert.Null(h.Append(new RequestEvent(Reopened, Mon.AddDays(30)) { Note = "复议决定书责令重新答复" }));
        Assert.Equal(RequestStatus.InProgress, h.Status);
        Assert.Null(h.Leaf(new DecisionOptions()));
        Assert.Contains(h.Events, e => e.Type == Decided);
        Assert.Null(h.Append(Decide(Mon.AddDays(35), DecisionSituation.Partial, "部分内容涉及个人隐私")));
        Assert.Equal(ResultLeaf.Partial, h.Leaf(new DecisionOptions()));
    }

    [Fact]
    public void An_undecided_request_cannot_be_reopened() =>
        Refused(AssignedRequest(), new RequestEvent(Reopened, Mon) { Note = "x" }, "reopen.not_decided");

    [Fact]
    public void Supervision_applies_only_to_open_requests()
    {
        var h = AssignedRequest();
        Assert.Null(h.Append(new RequestEvent(Supervised, Mon) { Note = "请抓紧办理" }));
        Assert.Equal(RequestStatus.InProgress, h.Status);
        h.Append(new RequestEvent(Withdrawn, Mon));
        Refused(h, new RequestEvent(Supervised, Mon) { Note = "x" }, "withdrawn");
    }

    [Fact]
    public void Replaying_a_stored_log_rebuilds_the_same_state()
    {
        var h = AssignedRequest();
        h.Append(new RequestEvent(CorrectionRequested, Mon) { DueOn = Mon.AddDays(10), PublicText = "x" });
        h.Append(new RequestEvent(CorrectionReceived, Mon.AddDays(2)));
        h.Append(new RequestEvent(Extended, Mon.AddDays(20)) { Days = 10, ApprovedByOfficeHead = true });
        var replay = new RequestHistory(Weekdays, h.Events);
        Assert.Equal(h.Status, replay.Status);
        Assert.Equal(h.CorrectionReceivedOn, replay.CorrectionReceivedOn);
        Assert.Equal(10, replay.ExtensionDays);
    }

    [Fact]
    public void A_stored_log_that_breaks_a_rule_is_not_trusted()
    {
        var bad = new[] { new RequestEvent(Registered, Mon), new RequestEvent(Delivered, Mon) };
        Assert.Throws<InvalidOperationException>(() => new RequestHistory(Weekdays, bad));
    }

    [Fact]
    public void A_stored_correction_notice_stays_readable_after_a_calendar_edit_shortens_its_window()
    {
        var h = AssignedRequest();
        var sentOn = h.CorrectionNoticeDeadline;
        Assert.Null(h.Append(new RequestEvent(CorrectionRequested, sentOn) { DueOn = sentOn.AddDays(10), PublicText = "x" }));

        // The same log under a calendar whose 7th working day falls earlier (every day a working day).
        var replay = new RequestHistory((from, days) => from.AddDays(days), h.Events);
        Assert.True(sentOn > replay.CorrectionNoticeDeadline);
        Assert.Equal(RequestStatus.AwaitingCorrection, replay.Status);
    }
}
