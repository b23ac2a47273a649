using System.Text;
using Gongkai.Common;

namespace Gongkai.Calendar;

/// <param name="Events">The request's clock events in the order they were recorded.</param>
/// <param name="AsOf">The day the status and the remaining days are wanted for (usually today in China time). Events after it are ignored.</param>
public sealed record RequestClockInput(IReadOnlyList<ClockEvent> Events, DateOnly AsOf);

/// <summary>
/// The statutory clock of a disclosure request (条例 Arts. 30–34, fees.md §6), as a pure function
/// of its dated events and the working calendar. The Requests feature derives deadline and status
/// from it, and validates a new event by computing with it appended: an invalid log (a second 补正
/// notice, an extension beyond the limit, …) comes back as typed errors.
/// Counting convention: a stretch (a, b] counts the working days after a up to and including b.
/// A pause started on day P and ended on day R leaves out the working days of (P, R].
/// </summary>
public sealed class RequestClock(WorkingCalendar calendar, RequestClockOptions options)
{
    public const int ConsultedPartyWorkingDays = 15;      // Arts. 32, 34
    public const int CorrectionNoticeWorkingDays = 7;     // Art. 30
    public const int FeePaymentWorkingDays = 20;          // fees.md §6

    public RequestClock(WorkingCalendar calendar) : this(calendar, new RequestClockOptions()) { }

    public static int BaseWorkingDays(ClockRegime regime) => regime == ClockRegime.Regulation2008 ? 15 : 20;

    public static int MaxExtensionWorkingDays(ClockRegime regime) => regime == ClockRegime.Regulation2008 ? 15 : 20;

    public Result<RequestClockResult> Compute(RequestClockInput input)
    {
        var events = input.Events.Select((e, i) => (e, i)).Where(x => x.e.On <= input.AsOf)
            .OrderBy(x => x.e.On).ThenBy(x => x.i).Select(x => x.e).ToList();
        var receipts = events.OfType<RequestReceived>().ToList();
        if (input.Events.OfType<RequestReceived>().Count() > 1)
            return Fail("receipt_twice", "一件申请只能有一个收到申请记录，请删去重复的记录。");
        if (receipts.Count == 0)
        {
            if (input.Events.Count > 0 && !input.Events.OfType<RequestReceived>().Any())
                return Fail("receipt_missing", "缺少收到申请记录，请先登记申请的收到方式和日期。");
            return Result<RequestClockResult>.Ok(NotStarted(ClockRegime.Regulation2019, input.AsOf, "截至查询日尚未收到申请。", []));
        }

        var receipt = ReceiptDate.Determine(receipts[0]);
        if (!receipt.Succeeded) return Result<RequestClockResult>.Fail(receipt.Errors);
        var det = receipt.Value;
        if (det.ReceivedOn is not { } receivedOn)
            return Result<RequestClockResult>.Ok(NotStarted(det.Regime, input.AsOf, det.Explanation, det.Findings));
        if (input.AsOf < receivedOn)
            return Result<RequestClockResult>.Ok(NotStarted(det.Regime, input.AsOf, det.Explanation + "查询日早于收到申请之日。", det.Findings));

        var run = new Run(calendar, options, det.Regime, receivedOn, input.AsOf);
        run.Lines.Add(det.Explanation);
        run.Findings.AddRange(det.Findings);
        run.Lines.Add(RegimeLine(det.Regime));

        foreach (var e in events.Where(e => e is not RequestReceived))
        {
            var error = run.Apply(e);
            if (error is not null) return Result<RequestClockResult>.Fail(error);
        }
        return Result<RequestClockResult>.Ok(run.Finish());
    }

    private static Result<RequestClockResult> Fail(string code, string message) =>
        Result<RequestClockResult>.Fail(new Error(code, message));

    private static RequestClockResult NotStarted(ClockRegime regime, DateOnly asOf, string text, IReadOnlyList<string> findings) =>
        new(regime, ClockStatus.NotStarted, asOf, null, null, BaseWorkingDays(regime), 0, 0, null, null, null, null, null, null,
            [], findings, text, false, []);

    private static string RegimeLine(ClockRegime regime) => regime == ClockRegime.Regulation2019
        ? "适用2019年修订的《政府信息公开条例》（国务院令第711号）：自收到申请之日起20个工作日内答复；需要延长的，经政府信息公开工作机构负责人同意并告知申请人，延长不超过20个工作日；征求第三方和其他机关意见所需时间不计算在内（第三十三条）。"
        : "本申请于2019年5月15日前收到，适用2008年施行的《政府信息公开条例》（国务院令第492号）：自收到申请之日起15个工作日内答复；需要延长的，经政府信息公开工作机构负责人同意并告知申请人，延长不超过15个工作日；征求第三方意见所需时间不计算在内（第二十四条）。";

    /// <summary>The mutable walk over one request's events; lives only inside <see cref="Compute"/>.</summary>
    private sealed class Run
    {
        private readonly WorkingCalendar cal;
        private readonly RequestClockOptions options;
        private readonly ClockRegime regime;
        private readonly DateOnly receivedOn;
        private readonly DateOnly asOf;

        public Run(WorkingCalendar cal, RequestClockOptions options, ClockRegime regime, DateOnly receivedOn, DateOnly asOf)
        {
            (this.cal, this.options, this.regime, this.receivedOn, this.asOf) = (cal, options, regime, receivedOn, asOf);
            _cursor = _segmentStart = StartCursor(options, receivedOn);
            _countingFrom = receivedOn;
            _budget = BaseWorkingDays(regime);
            _correctionNoticeDue = regime == ClockRegime.Regulation2019 ? cal.AddWorkingDays(receivedOn, CorrectionNoticeWorkingDays) : null;
        }

        private enum Mode { Counting, Paused, AwaitingCorrection, Closed }

        private sealed record Pause(string Key, string What, string Who, DateOnly? ScheduledEnd);

        public readonly List<string> Lines = [];
        public readonly List<string> Findings = [];
        private readonly List<ClockSegment> _segments = [];
        private readonly Dictionary<string, Pause> _open = [];
        private readonly HashSet<string> _autoEnded = [];
        private readonly HashSet<string> _usedKeys = [];
        private readonly HashSet<string> _notPausing = [];

        private Mode _mode = Mode.Counting;
        private DateOnly _cursor;
        private DateOnly _countingFrom;
        private DateOnly _segmentStart;
        private int _segmentDays;
        private int _used;
        private int _extension;
        private int _budget;
        private DateOnly? _fixedDue;
        private bool _correctionRequested;
        private DateOnly? _correctionReplyBy;
        private DateOnly? _feePaymentDue;
        private bool _feeNoticeSent;
        private DateOnly? _feePaidOn;
        private DateOnly? _closedOn;
        private DateOnly? _dueAtClose;
        private ClockStatus? _closedAs;

        private readonly DateOnly? _correctionNoticeDue;

        private static DateOnly StartCursor(RequestClockOptions o, DateOnly d) => o.StartDayRule == StartDayRule.SameDay ? d.AddDays(-1) : d;

        public Error? Apply(ClockEvent e)
        {
            if (_mode == Mode.Closed)
                return new("event_after_close", $"{e.On:yyyy-MM-dd} 的记录晚于办结（{_closedOn:yyyy-MM-dd}），办结后不能再记录期限事项。");
            RunScheduledEndsBefore(e.On);
            Advance(e.On);
            return e switch
            {
                CorrectionRequested c => RequestCorrection(c),
                CorrectionReceived c => ReceiveCorrection(c),
                ConsultationStarted c => StartConsultation(c),
                ConsultationEnded c => EndConsultation(c),
                DeadlineExtended x => Extend(x),
                FeeNoticeSent f => SendFeeNotice(f),
                FeePaid p => PayFee(p),
                Answered a => Close(a.On, ClockStatus.AnsweredOnTime),
                Withdrawn w => Close(w.On, ClockStatus.Withdrawn),
                _ => new("unknown_event", $"无法识别的期限事项：{e.GetType().Name}。"),
            };
        }

        private Error? RequestCorrection(CorrectionRequested c)
        {
            if (_correctionRequested)
                return new("correction_twice", "补正告知只能一次性发出（《条例》第三十条），本申请已发出过补正告知。");
            if (_open.Count > 0)
                return new("correction_during_consultation", "征求意见尚未结束，不能同时发出补正告知；请先记录征求意见的答复。");
            if (c.ReplyBy < c.On)
                return new("correction_reply_before_notice", "补正期限早于补正告知日期，请填写合理的补正期限。");
            _correctionRequested = true;
            CloseSegment(c.On);
            _mode = Mode.AwaitingCorrection;
            if (regime == ClockRegime.Regulation2019)
            {
                _correctionReplyBy = c.ReplyBy;
                if (c.On > _correctionNoticeDue)
                    Findings.Add($"补正告知应于收到申请之日起7个工作日内（{ChineseDate.Long(_correctionNoticeDue!.Value)}前）发出，实际于{ChineseDate.Long(c.On)}发出，已超过期限。");
                Lines.Add($"{ChineseDate.Long(c.On)}一次性告知申请人补正（第三十条，补正告知期限为{ChineseDate.Long(_correctionNoticeDue!.Value)}），补正期限至{ChineseDate.Long(c.ReplyBy)}；补正期间答复期限不再计算，收到补正后的申请之日起重新计算，逾期不补正的视为放弃申请。");
            }
            else
            {
                Lines.Add($"{ChineseDate.Long(c.On)}告知申请人更改、补充申请（2008年条例第二十一条第（四）项）。该告知即为对原申请的答复，2008年条例未规定补正期限；申请人更改、补充后的申请按新申请重新计算15个工作日。");
            }
            return null;
        }

        private Error? ReceiveCorrection(CorrectionReceived c)
        {
            if (_mode != Mode.AwaitingCorrection)
                return new("correction_not_requested", "尚未发出补正告知，不能记录收到补正材料；请先记录补正告知。");
            if (_correctionReplyBy is { } by && c.On > by)
                Findings.Add($"补正材料于{ChineseDate.Long(c.On)}收到，晚于补正期限（{ChineseDate.Long(by)}）；已按有正当理由逾期补正受理。");
            CloseSegment(c.On);
            // The stretches before the restart no longer count; say so where they are listed.
            for (var i = 0; i < _segments.Count; i++)
            {
                if (_segments[i].Kind == SegmentKind.Counting && !_segments[i].Description.EndsWith(Superseded, StringComparison.Ordinal))
                    _segments[i] = _segments[i] with { Description = _segments[i].Description + Superseded };
            }
            _mode = Mode.Counting;
            _countingFrom = c.On;
            _cursor = _segmentStart = StartCursor(options, c.On);
            _used = 0;
            _extension = 0;
            _budget = BaseWorkingDays(regime);
            _fixedDue = null;
            Lines.Add($"{ChineseDate.Long(c.On)}收到补正后的申请，答复期限自该日起重新计算{_budget}个工作日（{(regime == ClockRegime.Regulation2019 ? "第三十条" : "按新申请处理")}）。");
            return null;
        }

        private Error? StartConsultation(ConsultationStarted c)
        {
            if (!_usedKeys.Add(c.Key))
                return new("consultation_key_reused", $"征求意见记录“{c.Key}”重复，请为每次征求意见使用不同的编号。");
            if (_mode == Mode.AwaitingCorrection)
                return new("consultation_during_correction", "等待申请人补正期间不能开始征求意见；请在收到补正后再征求意见。");
            var who = c.Party == ConsultedParty.ThirdParty ? "第三方" : "其他机关";
            if (regime == ClockRegime.Regulation2008 && c.Party == ConsultedParty.OtherOrgan)
            {
                Lines.Add($"{ChineseDate.Long(c.On)}征求其他机关意见。2008年条例只规定征求第三方意见的时间不计算在期限内，征求其他机关意见期间期限照常计算。");
                _notPausing.Add(c.Key);
                return null;
            }
            DateOnly? end = null;
            if (regime == ClockRegime.Regulation2019)
            {
                end = cal.AddWorkingDays(c.LetterReceivedOn ?? c.On, ConsultedPartyWorkingDays);
                Lines.Add($"{ChineseDate.Long(c.On)}书面征求{who}意见（第{(c.Party == ConsultedParty.ThirdParty ? "三十二" : "三十四")}条），{who}应自收到征求意见书之日起15个工作日内答复，即{ChineseDate.Long(end.Value)}前；征求意见所需时间不计算在答复期限内，期限暂停计算。");
            }
            else
            {
                Lines.Add($"{ChineseDate.Long(c.On)}书面征求第三方意见（2008年条例第二十三条，未规定第三方答复期限）；征求意见所需时间不计算在答复期限内，期限暂停计算至收到答复。");
            }
            if (_fixedDue is { } due && due < c.On)
                Findings.Add($"征求{who}意见时答复期限（{ChineseDate.Long(due)}）已届满，已届满的期限不因征求意见而恢复。");
            if (_mode == Mode.Counting)
            {
                CloseSegment(c.On);
                _mode = Mode.Paused;
            }
            _open[c.Key] = new Pause(c.Key, $"征求{who}意见", who, end);
            return null;
        }

        private Error? EndConsultation(ConsultationEnded c)
        {
            if (_notPausing.Remove(c.Key))
            {
                Lines.Add($"{ChineseDate.Long(c.On)}收到其他机关的答复。");
                return null;
            }
            if (_autoEnded.Contains(c.Key))
            {
                Lines.Add($"{ChineseDate.Long(c.On)}收到答复，晚于15个工作日的答复期限；期限已于答复期限届满后恢复计算。");
                return null;
            }
            if (!_open.TryGetValue(c.Key, out var pause) || c.Key == FeeKey)
                return new("consultation_not_started", $"没有找到编号为“{c.Key}”的征求意见记录，不能记录其答复。");
            Lines.Add($"{ChineseDate.Long(c.On)}收到{pause.Who}的答复，自次日起恢复计算。");
            EndPause(c.Key, c.On);
            return null;
        }

        private Error? Extend(DeadlineExtended x)
        {
            var max = MaxExtensionWorkingDays(regime);
            if (x.WorkingDays <= 0)
                return new("extension_not_positive", "延长的工作日数须为正整数。");
            if (_mode == Mode.AwaitingCorrection)
                return new("extension_during_correction", "等待申请人补正期间答复期限不计算，不能延长；收到补正后期限重新计算。");
            if (_fixedDue is { } due && due < x.On)
                return new("extension_after_due", $"答复期限已于{ChineseDate.Long(due)}届满，不能在届满后决定延长。");
            if (_extension + x.WorkingDays > max)
                return new("extension_beyond_limit",
                    $"延长答复期限最长不得超过{max}个工作日；本申请已延长{_extension}个工作日，最多还能延长{max - _extension}个工作日。");
            _extension += x.WorkingDays;
            _budget += x.WorkingDays;
            _fixedDue = null;
            Lines.Add($"{ChineseDate.Long(x.On)}经政府信息公开工作机构负责人同意延长答复期限{x.WorkingDays}个工作日（第{(regime == ClockRegime.Regulation2019 ? "三十三" : "二十四")}条），答复期限合计{_budget}个工作日。");
            return null;
        }

        private const string FeeKey = "\u0001fee";
        private const string Superseded = "（收到补正后期限重新计算，此段不再计入。）";

        private Error? SendFeeNotice(FeeNoticeSent f)
        {
            if (_feeNoticeSent)
                return new("fee_notice_twice", "本申请已发出过收费通知，不能重复发出。");
            if (_mode == Mode.AwaitingCorrection)
                return new("fee_during_correction", "等待申请人补正期间不能发出收费通知。");
            _feeNoticeSent = true;
            _feePaymentDue = cal.AddWorkingDays(f.NoticeReceivedOn ?? f.On, FeePaymentWorkingDays);
            if (_fixedDue is { } due && due < f.On)
                Findings.Add($"收费通知应在答复期限内发出，本件答复期限于{ChineseDate.Long(due)}届满，收费通知于{ChineseDate.Long(f.On)}发出。");
            var pauses = options.FeePaymentPausesClock && regime == ClockRegime.Regulation2019;
            Lines.Add($"{ChineseDate.Long(f.On)}发出信息处理费收费通知，申请人应自收到通知次日起20个工作日内（{ChineseDate.Long(_feePaymentDue.Value)}前）缴费，逾期未缴视为放弃申请。" +
                (pauses ? "按本系统设置（fee_payment_pauses_clock），自发出收费通知至收到缴费期间答复期限暂停计算（该规则有待对照官方文本确认）。"
                        : "按本系统设置，缴费期间答复期限照常计算。"));
            if (pauses)
            {
                if (_mode == Mode.Counting)
                {
                    CloseSegment(f.On);
                    _mode = Mode.Paused;
                }
                _open[FeeKey] = new Pause(FeeKey, "等待缴纳信息处理费", "申请人", null);
            }
            return null;
        }

        private Error? PayFee(FeePaid p)
        {
            if (!_feeNoticeSent)
                return new("fee_paid_without_notice", "尚未发出收费通知，不能记录缴费。");
            if (p.On > _feePaymentDue)
                Findings.Add($"缴费日期（{ChineseDate.Long(p.On)}）晚于缴费期限（{ChineseDate.Long(_feePaymentDue!.Value)}）。");
            _feePaidOn = p.On;
            Lines.Add($"{ChineseDate.Long(p.On)}申请人缴纳信息处理费。");
            if (_open.ContainsKey(FeeKey)) EndPause(FeeKey, p.On);
            return null;
        }

        private Error? Close(DateOnly on, ClockStatus status)
        {
            _dueAtClose = _fixedDue ?? (_mode == Mode.Counting ? cal.AddWorkingDays(_cursor, _budget - _used) : ProjectDue());
            CloseSegment(on);
            _mode = Mode.Closed;
            _closedOn = on;
            if (status == ClockStatus.AnsweredOnTime && _fixedDue is { } due && on > due)
                status = ClockStatus.AnsweredLate;
            _closedAs = status;
            Lines.Add(status switch
            {
                ClockStatus.AnsweredOnTime => $"{ChineseDate.Long(on)}作出答复，在答复期限内。",
                ClockStatus.AnsweredLate => $"{ChineseDate.Long(on)}作出答复，超过答复期限（{ChineseDate.Long(_fixedDue!.Value)}）{cal.WorkingDaysBetween(_fixedDue.Value, on)}个工作日。",
                _ => $"{ChineseDate.Long(on)}申请人撤回申请，期限终止。",
            });
            return null;
        }

        private void EndPause(string key, DateOnly on)
        {
            if (_open.Count == 1 && _mode == Mode.Paused)
            {
                CloseSegment(on);
                _mode = Mode.Counting;
            }
            _open.Remove(key);
        }

        /// <summary>Consulted parties that stay silent: the pause ends with their 15 working days (silence = the organ decides).</summary>
        private void RunScheduledEndsBefore(DateOnly day)
        {
            while (_open.Values.Where(p => p.ScheduledEnd < day).OrderBy(p => p.ScheduledEnd).FirstOrDefault() is { } p)
            {
                var end = p.ScheduledEnd!.Value;
                Advance(end);
                _autoEnded.Add(p.Key);
                Lines.Add($"{p.Who}未在{ChineseDate.Long(end)}前答复，自次日起恢复计算（第三十二条、第三十四条）。");
                EndPause(p.Key, end);
            }
        }

        private void Advance(DateOnly to)
        {
            if (to <= _cursor) return;
            var w = cal.WorkingDaysBetween(_cursor, to);
            if (_mode == Mode.Counting)
            {
                if (_fixedDue is null && _used + w >= _budget)
                    _fixedDue = cal.AddWorkingDays(_cursor, _budget - _used);
                _used += w;
            }
            _segmentDays += w;
            _cursor = to;
        }

        private void CloseSegment(DateOnly through)
        {
            var from = _segmentStart.AddDays(1);
            if (through >= from)
            {
                var kind = _mode switch
                {
                    Mode.Paused => SegmentKind.Paused,
                    Mode.AwaitingCorrection => SegmentKind.AwaitingCorrection,
                    _ => SegmentKind.Counting,
                };
                _segments.Add(new ClockSegment(kind, from, through, _segmentDays, Describe(kind, _segmentStart, through, _segmentDays)));
            }
            _segmentStart = through;
            _segmentDays = 0;
        }

        private string Describe(SegmentKind kind, DateOnly after, DateOnly through, int days)
        {
            var period = ChineseDate.Period(after.AddDays(1), through);
            if (kind != SegmentKind.Counting)
            {
                var why = kind == SegmentKind.AwaitingCorrection ? "等待申请人补正" : string.Join("、", _open.Values.Select(p => p.What).DefaultIfEmpty("暂停"));
                return $"{period}：{why}，其间{days}个工作日不计入答复期限。";
            }
            var text = new StringBuilder($"{period}：计入{days}个工作日。");
            DeadlineExplainer.AppendHolidayNotes(text, DeadlineExplainer.RangeNotes(cal, after, through));
            return text.ToString();
        }

        /// <summary>The due date if every open pause runs to its scheduled end; null when some pause has no known end.</summary>
        private DateOnly? ProjectDue()
        {
            if (_fixedDue is { } fixedDue) return fixedDue;
            if (_mode == Mode.AwaitingCorrection) return null;
            if (_open.Values.Any(p => p.ScheduledEnd is null)) return null;
            var latest = _open.Values.Select(p => p.ScheduledEnd!.Value).DefaultIfEmpty(_cursor).Max();
            var resumeAfter = latest > _cursor ? latest : _cursor;
            return cal.AddWorkingDays(resumeAfter, _budget - _used);
        }

        public RequestClockResult Finish()
        {
            DateOnly? due;
            ClockStatus status;
            int? remaining = null;
            if (_mode == Mode.Closed)
            {
                status = _closedAs!.Value;
                due = _dueAtClose;
            }
            else
            {
                RunScheduledEndsBefore(asOf);
                Advance(asOf);
                CloseSegment(asOf);
                due = ProjectDue();
                switch (_mode)
                {
                    case Mode.AwaitingCorrection:
                        status = regime == ClockRegime.Regulation2019 && asOf > _correctionReplyBy
                            ? ClockStatus.AbandonedNoCorrection : ClockStatus.AwaitingCorrection;
                        break;
                    case Mode.Paused:
                        status = ClockStatus.Paused;
                        remaining = Math.Max(0, _budget - _used);
                        break;
                    default:
                        status = asOf > due ? ClockStatus.Overdue : ClockStatus.Running;
                        remaining = cal.WorkingDaysBetween(asOf, due!.Value);
                        break;
                }
                if (_feeNoticeSent && _feePaidOn is null && asOf > _feePaymentDue)
                    status = ClockStatus.AbandonedFeeUnpaid;
            }
            var horizon = new[] { due ?? asOf, asOf }.Max();
            var unpublished = cal.UnpublishedYears(receivedOn.AddDays(-1), horizon);
            var text = new StringBuilder();
            foreach (var line in Lines) text.Append(line);
            if (_segments.Count > 0) text.Append("分段计算：").Append(string.Concat(_segments.Select(s => s.Description)));
            text.Append(FinalLine(status, due, remaining));
            DeadlineExplainer.AppendUnpublishedWarning(text, unpublished);
            return new RequestClockResult(regime, status, asOf, receivedOn, _countingFrom, _budget, _extension, _used, due,
                status is ClockStatus.Running or ClockStatus.Overdue or ClockStatus.Paused ? remaining : null,
                _correctionNoticeDue, _correctionReplyBy, _feePaymentDue, _closedOn, _segments, Findings, text.ToString(),
                unpublished.Count > 0, unpublished);
        }

        private string FinalLine(ClockStatus status, DateOnly? due, int? remaining)
        {
            var dueText = due is { } d ? ChineseDate.WithWeekday(d) : "";
            return status switch
            {
                ClockStatus.Running => $"答复期限为{dueText}；截至{ChineseDate.Long(asOf)}已计{_used}个工作日，{(remaining == 0 ? "今日到期" : $"还剩{remaining}个工作日")}。",
                ClockStatus.Overdue => $"答复期限为{dueText}，截至{ChineseDate.Long(asOf)}已逾期{-remaining}个工作日。",
                ClockStatus.Paused => $"截至{ChineseDate.Long(asOf)}期限暂停计算，已计{_used}个工作日，恢复后还剩{remaining}个工作日" +
                    (due is null ? "。" : $"；如被征求意见方在答复期限届满时才答复，答复期限为{dueText}。"),
                ClockStatus.AwaitingCorrection => $"截至{ChineseDate.Long(asOf)}正在等待申请人补正，答复期限待收到补正后的申请之日起重新计算。",
                ClockStatus.AbandonedNoCorrection => $"申请人无正当理由逾期（{ChineseDate.Long(_correctionReplyBy!.Value)}前）未补正，视为放弃申请（第三十条）。",
                ClockStatus.AbandonedFeeUnpaid => $"申请人未在缴费期限（{ChineseDate.Long(_feePaymentDue!.Value)}）内缴纳信息处理费，视为放弃申请。",
                _ => due is null ? "" : $"办结时适用的答复期限为{dueText}。",
            };
        }
    }
}
