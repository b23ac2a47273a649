using Gongkai.Common;

namespace Gongkai.Appeals;

/// <summary>The three column groups of annual-report table 四.</summary>
public enum AppealKind { Reconsideration, LitigationDirect, LitigationAfterReview }

/// <summary>维持 / 纠正 / 其他 / 尚未审结.</summary>
public enum AppealOutcome { Pending, Upheld, Corrected, Other }

/// <summary>A reconsideration or lawsuit against one request's handling, as recorded by staff.</summary>
public sealed record AppealRecord(int No, AppealKind Kind, DateOnly FiledOn, string Body, AppealOutcome Outcome = AppealOutcome.Pending, DateOnly? DecidedOn = null);

/// <summary>
/// The rules for recording appeals against a request, and their table-四 keys. A 纠正 outcome sends
/// the request back for handling (the caller appends a Reopened event to the request's log).
/// </summary>
public static class AppealRules
{
    /// <summary>Administrative Reconsideration Law: 60 days from knowing of the act.</summary>
    public const int ReconsiderationDays = 60;

    /// <summary>Administrative Litigation Law Art. 46: six months from knowing of the act.</summary>
    public const int LitigationMonths = 6;

    public static Error? CheckFiling(AppealKind kind, DateOnly filedOn, string? body, DateOnly requestReceivedOn, IReadOnlyList<AppealRecord> existing)
    {
        if (string.IsNullOrWhiteSpace(body))
            return new("appeal.no_body", kind == AppealKind.Reconsideration ? "请填写行政复议机关名称。" : "请填写受理的人民法院名称。");
        if (filedOn < requestReceivedOn)
            return new("appeal.before_request", "复议或诉讼的日期不能早于收到申请的日期，请核对。");
        if (kind == AppealKind.LitigationAfterReview)
        {
            var review = existing.LastOrDefault(a => a.Kind == AppealKind.Reconsideration);
            if (review is null)
                return new("appeal.no_review", "“复议后起诉”须先登记该申请的行政复议；未经复议的，请选择“直接起诉”。");
            if (review.Outcome == AppealOutcome.Pending)
                return new("appeal.review_pending", "行政复议尚未审结，请先登记复议结果，再登记复议后起诉。");
            if (filedOn < review.DecidedOn)
                return new("appeal.before_review_decision", $"复议后起诉的日期不能早于复议决定日期（{review.DecidedOn:yyyy-MM-dd}）。");
        }
        if (existing.Any(a => a.Kind == kind && a.Outcome == AppealOutcome.Pending))
            return new("appeal.pending_same_kind", "该申请已有同类复议或诉讼尚未审结，请先登记其结果。");
        return null;
    }

    public static Error? CheckOutcome(AppealRecord appeal, AppealOutcome outcome, DateOnly decidedOn)
    {
        if (outcome == AppealOutcome.Pending) return new("appeal.outcome_pending", "请选择审结结果：维持、纠正或其他。");
        if (appeal.Outcome != AppealOutcome.Pending) return new("appeal.outcome_already", "该复议或诉讼的结果已经登记。");
        if (decidedOn < appeal.FiledOn) return new("appeal.outcome_before_filing", $"审结日期不能早于提出日期（{appeal.FiledOn:yyyy-MM-dd}）。");
        return null;
    }

    /// <summary>
    /// A reminder (not a refusal) when filing looks late: whether it is admissible is for the
    /// reconsideration body or the court, so the record is still kept.
    /// </summary>
    public static string? LateFilingNotice(AppealKind kind, DateOnly filedOn, DateOnly? answeredOn)
    {
        if (answeredOn is not { } a) return null;
        return kind switch
        {
            AppealKind.Reconsideration when filedOn > a.AddDays(ReconsiderationDays) => "提出复议的日期已超过收到答复后60日，请留意复议机关是否受理。",
            AppealKind.LitigationDirect when filedOn > a.AddMonths(LitigationMonths) => "起诉日期已超过收到答复后6个月，请留意法院是否受理。",
            _ => null,
        };
    }

    /// <summary>The table-四 cell this appeal counts in, e.g. "review.upheld" or "litigation.after_review.pending".</summary>
    public static string TableKey(AppealKind kind, AppealOutcome outcome)
    {
        var group = kind switch
        {
            AppealKind.Reconsideration => "review",
            AppealKind.LitigationDirect => "litigation.direct",
            _ => "litigation.after_review",
        };
        var column = outcome switch
        {
            AppealOutcome.Upheld => "upheld",
            AppealOutcome.Corrected => "corrected",
            AppealOutcome.Other => "other",
            _ => "pending",
        };
        return $"{group}.{column}";
    }

    public static string Label(this AppealKind k) => k switch
    {
        AppealKind.Reconsideration => "行政复议",
        AppealKind.LitigationDirect => "行政诉讼（未经复议直接起诉）",
        _ => "行政诉讼（复议后起诉）",
    };

    public static string Label(this AppealOutcome o) => o switch
    {
        AppealOutcome.Upheld => "结果维持",
        AppealOutcome.Corrected => "结果纠正",
        AppealOutcome.Other => "其他结果",
        _ => "尚未审结",
    };
}
