using Gongkai.Calendar;
using Gongkai.Common;

namespace Gongkai.Core.Tests.Calendar;

public class RequestClockTests
{
    private static readonly RequestClock Clock = new(WorkingCalendar.Embedded);

    private static DateOnly D(string s) => DateOnly.Parse(s);

    private static RequestClockResult Ok(string asOf, params ClockEvent[] events) => Ok(Clock, asOf, events);

    private static RequestClockResult Ok(RequestClock clock, string asOf, params ClockEvent[] events)
    {
        var r = clock.Compute(new RequestClockInput(events, D(asOf)));
        Assert.True(r.Succeeded, string.Join(" ", r.Errors.Select(e => e.Message)));
        return r.Value!;
    }

    private static Error Error(string asOf, params ClockEvent[] events)
    {
        var r = Clock.Compute(new RequestClockInput(events, D(asOf)));
        Assert.False(r.Succeeded);
        return Assert.Single(r.Errors);
    }

    private static RequestReceived InPerson(string on) => new(D(on), ReceiptChannel.InPerson);

    // --- Art. 31: receipt date by channel ---

    [Fact]
    public void In_person_request_is_received_on_the_day_of_submission_and_runs_twenty_working_days()
    {
        var r = Ok("2024-10-10", InPerson("2024-09-27"));
        Assert.Equal(ClockRegime.Regulation2019, r.Regime);
        Assert.Equal(D("2024-09-27"), r.ReceivedOn);
        Assert.Equal(D("2024-10-30"), r.DueOn);
        Assert.Equal(ClockStatus.Running, r.Status);
        Assert.Equal(5, r.WorkingDaysUsed);
        Assert.Equal(15, r.RemainingWorkingDays);
        Assert.Contains("当面提交", r.Explanation);
        Assert.Contains("国庆节", r.Explanation);
    }

    [Fact]
    public void Signed_post_is_received_on_the_day_the_organ_signs_for_it()
    {
        var r = Ok("2024-03-05", new RequestReceived(D("2024-03-04"), ReceiptChannel.SignedPost));
        Assert.Equal(D("2024-03-04"), r.ReceivedOn);
        Assert.Contains("签收之日", r.Explanation);
    }

    [Fact]
    public void Ordinary_post_is_received_on_the_confirmation_day_and_late_confirmation_is_reported()
    {
        var r = Ok("2024-03-08", new RequestReceived(D("2024-03-04"), ReceiptChannel.OrdinaryPost, D("2024-03-06")));
        Assert.Equal(D("2024-03-06"), r.ReceivedOn);
        Assert.Equal(WorkingCalendar.Embedded.AddWorkingDays(D("2024-03-06"), 20), r.DueOn);
        Assert.Contains(r.Findings, f => f.Contains("收到当日"));

        var sameDay = Ok("2024-03-08", new RequestReceived(D("2024-03-04"), ReceiptChannel.OrdinaryPost, D("2024-03-04")));
        Assert.Empty(sameDay.Findings);
    }

    [Theory]
    [InlineData(ReceiptChannel.OrdinaryPost)]
    [InlineData(ReceiptChannel.Fax)]
    [InlineData(ReceiptChannel.Email)]
    [InlineData(ReceiptChannel.Online)]
    public void Channels_needing_confirmation_do_not_start_the_clock_until_confirmed(ReceiptChannel channel)
    {
        var r = Ok("2024-03-20", new RequestReceived(D("2024-03-01"), channel));
        Assert.Equal(ClockStatus.NotStarted, r.Status);
        Assert.Null(r.ReceivedOn);
        Assert.Null(r.DueOn);
        Assert.Contains("尚未", r.Explanation);
    }

    [Theory]
    [InlineData(ReceiptChannel.Fax, "传真")]
    [InlineData(ReceiptChannel.Email, "电子邮件")]
    [InlineData(ReceiptChannel.Online, "互联网渠道")]
    public void Internet_and_fax_requests_are_received_on_the_day_both_parties_confirm(ReceiptChannel channel, string named)
    {
        var r = Ok("2024-03-05", new RequestReceived(D("2024-03-01"), channel, D("2024-03-04")));
        Assert.Equal(D("2024-03-04"), r.ReceivedOn);
        Assert.Equal(WorkingCalendar.Embedded.AddWorkingDays(D("2024-03-04"), 20), r.DueOn);
        Assert.Contains(named, r.Explanation);
        Assert.Contains("双方确认之日", r.Explanation);
    }

    // --- Art. 30: 补正 ---

    [Fact]
    public void Correction_restarts_the_full_period_from_the_day_the_corrected_request_arrives()
    {
        var r = Ok("2024-03-18",
            InPerson("2024-03-01"),
            new CorrectionRequested(D("2024-03-05"), D("2024-03-20")),
            new CorrectionReceived(D("2024-03-15")));
        Assert.Equal(D("2024-03-15"), r.CountingFrom);
        Assert.Equal(D("2024-04-15"), r.DueOn);
        Assert.Equal(ClockStatus.Running, r.Status);
        Assert.Equal(D("2024-03-12"), r.CorrectionNoticeDueOn);
        Assert.Empty(r.Findings);
        Assert.Contains(r.Segments, s => s.Kind == SegmentKind.AwaitingCorrection);
        Assert.Contains("此段不再计入", r.Segments.First(s => s.Kind == SegmentKind.Counting).Description);
        Assert.DoesNotContain("此段不再计入", r.Segments.Last(s => s.Kind == SegmentKind.Counting).Description);
        Assert.Contains("重新计算", r.Explanation);
    }

    [Fact]
    public void While_awaiting_correction_there_is_no_due_date()
    {
        var r = Ok("2024-03-20", InPerson("2024-03-01"), new CorrectionRequested(D("2024-03-05"), D("2024-03-20")));
        Assert.Equal(ClockStatus.AwaitingCorrection, r.Status);
        Assert.Null(r.DueOn);
        Assert.Equal(D("2024-03-20"), r.CorrectionReplyBy);
    }

    [Fact]
    public void Correction_not_received_by_its_deadline_means_the_request_is_abandoned()
    {
        var r = Ok("2024-03-21", InPerson("2024-03-01"), new CorrectionRequested(D("2024-03-05"), D("2024-03-20")));
        Assert.Equal(ClockStatus.AbandonedNoCorrection, r.Status);
        Assert.Contains("视为放弃申请", r.Explanation);
    }

    [Fact]
    public void A_correction_notice_later_than_seven_working_days_is_reported()
    {
        var onTime = Ok("2024-03-13", InPerson("2024-03-01"), new CorrectionRequested(D("2024-03-12"), D("2024-03-29")));
        Assert.Empty(onTime.Findings);
        var late = Ok("2024-03-14", InPerson("2024-03-01"), new CorrectionRequested(D("2024-03-13"), D("2024-03-29")));
        Assert.Contains(late.Findings, f => f.Contains("7个工作日"));
    }

    [Fact]
    public void Only_one_correction_notice_is_allowed()
    {
        var e = Error("2024-04-01", InPerson("2024-03-01"),
            new CorrectionRequested(D("2024-03-05"), D("2024-03-20")),
            new CorrectionReceived(D("2024-03-15")),
            new CorrectionRequested(D("2024-03-18"), D("2024-03-29")));
        Assert.Equal("correction_twice", e.Code);
        Assert.Contains("一次性", e.Message);
    }

    [Fact]
    public void A_correction_cannot_be_received_without_a_notice()
    {
        Assert.Equal("correction_not_requested", Error("2024-03-20", InPerson("2024-03-01"), new CorrectionReceived(D("2024-03-15"))).Code);
    }

    // --- Arts. 32–34: consultation pauses ---

    [Fact]
    public void Third_party_consultation_pauses_the_clock_until_the_reply()
    {
        ClockEvent[] events = [InPerson("2024-03-01"),
            new ConsultationStarted(D("2024-03-11"), ConsultedParty.ThirdParty, "tp1"),
            new ConsultationEnded(D("2024-03-20"), "tp1")];
        var during = Ok("2024-03-15", events);
        Assert.Equal(ClockStatus.Paused, during.Status);
        Assert.True(during.IsPaused);
        Assert.Equal(6, during.WorkingDaysUsed);
        Assert.Equal(14, during.RemainingWorkingDays);
        Assert.Equal(D("2024-04-22"), during.DueOn); // latest: the third party uses its full 15 working days (to 04-01)

        var after = Ok("2024-03-25", events);
        Assert.Equal(ClockStatus.Running, after.Status);
        Assert.Equal(D("2024-04-10"), after.DueOn);
        Assert.Contains(after.Segments, s => s.Kind == SegmentKind.Paused && s.From == D("2024-03-12") && s.To == D("2024-03-20") && s.WorkingDays == 7);
        Assert.Contains("第三十二条", after.Explanation);
    }

    [Fact]
    public void A_silent_consulted_party_resumes_the_clock_after_its_fifteen_working_days()
    {
        var r = Ok("2024-04-08", InPerson("2024-03-01"), new ConsultationStarted(D("2024-03-11"), ConsultedParty.ThirdParty, "tp1"));
        Assert.Equal(ClockStatus.Running, r.Status);
        Assert.Equal(D("2024-04-22"), r.DueOn);
        Assert.Contains("未在2024年4月1日前答复", r.Explanation);
    }

    [Fact]
    public void Other_organ_consultation_pauses_under_2019_but_not_under_2008()
    {
        var now = Ok("2024-03-25", InPerson("2024-03-01"),
            new ConsultationStarted(D("2024-03-11"), ConsultedParty.OtherOrgan, "o1"),
            new ConsultationEnded(D("2024-03-20"), "o1"));
        Assert.Equal(D("2024-04-10"), now.DueOn);

        var old = Ok("2019-05-20", InPerson("2019-04-01"),
            new ConsultationStarted(D("2019-04-08"), ConsultedParty.OtherOrgan, "o1"),
            new ConsultationEnded(D("2019-04-15"), "o1"));
        Assert.Equal(WorkingCalendar.Embedded.AddWorkingDays(D("2019-04-01"), 15), old.DueOn);
        Assert.Contains("征求其他机关意见期间期限照常计算", old.Explanation);
    }

    [Fact]
    public void Overlapping_consultations_pause_until_the_last_reply()
    {
        var r = Ok("2024-03-25", InPerson("2024-03-01"),
            new ConsultationStarted(D("2024-03-11"), ConsultedParty.ThirdParty, "tp1"),
            new ConsultationStarted(D("2024-03-12"), ConsultedParty.OtherOrgan, "o1"),
            new ConsultationEnded(D("2024-03-14"), "tp1"),
            new ConsultationEnded(D("2024-03-20"), "o1"));
        Assert.Equal(D("2024-04-10"), r.DueOn);
    }

    [Fact]
    public void Ending_an_unknown_consultation_is_an_error()
    {
        Assert.Equal("consultation_not_started", Error("2024-03-25", InPerson("2024-03-01"), new ConsultationEnded(D("2024-03-20"), "x")).Code);
    }

    // --- Art. 33: extension ---

    [Fact]
    public void Extension_up_to_twenty_working_days_is_accepted()
    {
        var r = Ok("2024-03-20", InPerson("2024-03-01"), new DeadlineExtended(D("2024-03-15"), 20));
        Assert.Equal(D("2024-04-28"), r.DueOn);
        Assert.Equal(40, r.AllowedWorkingDays);
        Assert.Equal(20, r.ExtensionWorkingDays);
        Assert.Contains("延长答复期限20个工作日", r.Explanation);
    }

    [Fact]
    public void Extension_beyond_twenty_working_days_is_refused()
    {
        var single = Error("2024-03-20", InPerson("2024-03-01"), new DeadlineExtended(D("2024-03-15"), 21));
        Assert.Equal("extension_beyond_limit", single.Code);
        var twice = Error("2024-03-25", InPerson("2024-03-01"), new DeadlineExtended(D("2024-03-15"), 10), new DeadlineExtended(D("2024-03-20"), 11));
        Assert.Equal("extension_beyond_limit", twice.Code);
        Assert.Contains("最多还能延长10个工作日", twice.Message);
    }

    [Fact]
    public void Extension_after_the_deadline_has_passed_is_refused_but_on_the_due_day_is_allowed()
    {
        Assert.Equal("extension_after_due", Error("2024-04-02", InPerson("2024-03-01"), new DeadlineExtended(D("2024-04-01"), 5)).Code);
        var onDueDay = Ok("2024-04-02", InPerson("2024-03-01"), new DeadlineExtended(D("2024-03-29"), 5));
        Assert.Equal(WorkingCalendar.Embedded.AddWorkingDays(D("2024-03-01"), 25), onDueDay.DueOn);
    }

    // --- fees.md §6: the fee payment window ---

    [Fact]
    public void Fee_notice_pauses_the_clock_until_payment_by_default()
    {
        var r = Ok("2024-03-20", InPerson("2024-03-01"), new FeeNoticeSent(D("2024-03-11")), new FeePaid(D("2024-03-15")));
        Assert.Equal(D("2024-04-07"), r.DueOn);
        Assert.Equal(D("2024-04-09"), r.FeePaymentDueOn);
        Assert.Contains("fee_payment_pauses_clock", r.Explanation);
    }

    [Fact]
    public void With_the_fee_pause_switched_off_the_clock_keeps_running()
    {
        var clock = new RequestClock(WorkingCalendar.Embedded, new RequestClockOptions { FeePaymentPausesClock = false });
        var r = Ok(clock, "2024-03-20", InPerson("2024-03-01"), new FeeNoticeSent(D("2024-03-11")), new FeePaid(D("2024-03-15")));
        Assert.Equal(D("2024-03-29"), r.DueOn);
    }

    [Fact]
    public void Fee_unpaid_within_twenty_working_days_means_the_request_is_abandoned()
    {
        var waiting = Ok("2024-04-09", InPerson("2024-03-01"), new FeeNoticeSent(D("2024-03-11")));
        Assert.Equal(ClockStatus.Paused, waiting.Status);
        Assert.Null(waiting.DueOn);
        var expired = Ok("2024-04-10", InPerson("2024-03-01"), new FeeNoticeSent(D("2024-03-11")));
        Assert.Equal(ClockStatus.AbandonedFeeUnpaid, expired.Status);
        Assert.Contains("视为放弃申请", expired.Explanation);
    }

    // --- the 2008 regime and the 2019-05-15 boundary ---

    [Fact]
    public void Requests_received_before_2019_05_15_follow_the_2008_fifteen_day_clock()
    {
        var r = Ok("2019-05-20", InPerson("2019-05-14"));
        Assert.Equal(ClockRegime.Regulation2008, r.Regime);
        Assert.Equal(D("2019-06-04"), r.DueOn);
        Assert.Null(r.CorrectionNoticeDueOn);
        Assert.Contains("国务院令第492号", r.Explanation);

        var next = Ok("2019-05-20", InPerson("2019-05-15"));
        Assert.Equal(ClockRegime.Regulation2019, next.Regime);
        Assert.Equal(D("2019-06-13"), next.DueOn);
    }

    [Fact]
    public void The_2008_extension_limit_is_fifteen_working_days()
    {
        var ok = Ok("2019-05-20", InPerson("2019-05-14"), new DeadlineExtended(D("2019-05-20"), 15));
        Assert.Equal(D("2019-06-26"), ok.DueOn);
        Assert.Equal("extension_beyond_limit", Error("2019-05-20", InPerson("2019-05-14"), new DeadlineExtended(D("2019-05-20"), 16)).Code);
    }

    [Fact]
    public void Under_2008_an_amendment_request_has_no_seven_day_rule_and_no_abandonment()
    {
        var r = Ok("2019-05-10", InPerson("2019-03-01"), new CorrectionRequested(D("2019-03-29"), D("2019-04-10")));
        Assert.Equal(ClockStatus.AwaitingCorrection, r.Status);
        Assert.Empty(r.Findings);
        var restarted = Ok("2019-05-10", InPerson("2019-03-01"), new CorrectionRequested(D("2019-03-29"), D("2019-04-10")), new CorrectionReceived(D("2019-04-15")));
        Assert.Equal(WorkingCalendar.Embedded.AddWorkingDays(D("2019-04-15"), 15), restarted.DueOn);
    }

    // --- answering, overdue, bad logs ---

    [Fact]
    public void Overdue_requests_show_negative_remaining_days_and_late_answers_are_marked()
    {
        var overdue = Ok("2024-04-02", InPerson("2024-03-01"));
        Assert.Equal(ClockStatus.Overdue, overdue.Status);
        Assert.Equal(-2, overdue.RemainingWorkingDays);
        Assert.Contains("已逾期2个工作日", overdue.Explanation);

        var late = Ok("2024-04-10", InPerson("2024-03-01"), new Answered(D("2024-04-03")));
        Assert.Equal(ClockStatus.AnsweredLate, late.Status);
        Assert.True(late.IsOverdue);
        Assert.Contains("超过答复期限（2024年3月29日）3个工作日", late.Explanation);

        var onTime = Ok("2024-04-10", InPerson("2024-03-01"), new Answered(D("2024-03-29")));
        Assert.Equal(ClockStatus.AnsweredOnTime, onTime.Status);
    }

    [Fact]
    public void Events_after_the_reply_are_refused()
    {
        Assert.Equal("event_after_close", Error("2024-04-10", InPerson("2024-03-01"), new Answered(D("2024-03-20")), new DeadlineExtended(D("2024-03-25"), 5)).Code);
    }

    [Fact]
    public void Status_as_of_an_earlier_date_ignores_later_events()
    {
        ClockEvent[] events = [InPerson("2024-03-01"), new Answered(D("2024-03-20"))];
        Assert.Equal(ClockStatus.Running, Ok("2024-03-19", events).Status);
        Assert.Equal(ClockStatus.AnsweredOnTime, Ok("2024-03-21", events).Status);
    }

    [Fact]
    public void A_clock_reaching_into_an_unpublished_year_is_flagged()
    {
        var r = Ok("2026-12-20", InPerson("2026-12-10"));
        Assert.True(r.Flagged);
        Assert.Contains("2027年节假日安排尚未发布", r.Explanation);
        Assert.False(Ok("2026-11-05", InPerson("2026-11-02")).Flagged);
    }
}
