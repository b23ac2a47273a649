namespace Gongkai.Requests;

/// <summary>Where a request stands, derived from its log (never stored).</summary>
public enum RequestStatus
{
    Registered,
    InProgress,
    AwaitingCorrection,
    InConsultation,
    AwaitingFee,
    Decided,
    Reviewed,
    Delivered,
    Closed,
    Withdrawn,
}

/// <summary>Which regulation governs a request, fixed by its receipt date (regulation.md §9).</summary>
public enum Regime { Regulation2008, Regulation2019 }

public static class RequestStatuses
{
    public static string Key(this RequestStatus s) => s switch
    {
        RequestStatus.Registered => "registered",
        RequestStatus.InProgress => "in_progress",
        RequestStatus.AwaitingCorrection => "awaiting_correction",
        RequestStatus.InConsultation => "in_consultation",
        RequestStatus.AwaitingFee => "awaiting_fee",
        RequestStatus.Decided => "decided",
        RequestStatus.Reviewed => "reviewed",
        RequestStatus.Delivered => "delivered",
        RequestStatus.Closed => "closed",
        _ => "withdrawn",
    };

    /// <summary>Staff-facing label.</summary>
    public static string Label(this RequestStatus s) => s switch
    {
        RequestStatus.Registered => "待分办",
        RequestStatus.InProgress => "办理中",
        RequestStatus.AwaitingCorrection => "待申请人补正",
        RequestStatus.InConsultation => "征求意见中",
        RequestStatus.AwaitingFee => "待缴纳信息处理费",
        RequestStatus.Decided => "已决定，待保密审查",
        RequestStatus.Reviewed => "已审查，待送达",
        RequestStatus.Delivered => "已答复",
        RequestStatus.Closed => "已办结",
        _ => "已撤回",
    };

    /// <summary>What the applicant sees: internal steps (review, assignment) are not told apart.</summary>
    public static string PublicLabel(this RequestStatus s) => s switch
    {
        RequestStatus.Registered or RequestStatus.InProgress or RequestStatus.Decided or RequestStatus.Reviewed => "办理中",
        RequestStatus.AwaitingCorrection => "待补正",
        RequestStatus.InConsultation => "征求意见中（期间不计入答复期限）",
        RequestStatus.AwaitingFee => "待缴费",
        RequestStatus.Delivered or RequestStatus.Closed => "已答复",
        _ => "已撤回",
    };

    public static bool IsOpen(this RequestStatus s) =>
        s is not (RequestStatus.Delivered or RequestStatus.Closed or RequestStatus.Withdrawn);

    public static Regime RegimeFor(DateOnly receivedOn) =>
        receivedOn < FeeCalculator.Regulation2019InForce ? Regime.Regulation2008 : Regime.Regulation2019;

    /// <summary>Art. 33 (2019): at most 20 working days; Art. 24 (2008): at most 15.</summary>
    public static int MaxExtensionDays(this Regime r) => r == Regime.Regulation2019 ? 20 : 15;
}
