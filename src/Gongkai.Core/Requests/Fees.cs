namespace Gongkai.Requests;

/// <summary>Which fee law governs a request, fixed by its receipt date (fees.md §1, §8).</summary>
public enum FeeRegime
{
    /// <summary>2008 regulation Art. 27: cost fees for retrieval, copying and postage only.</summary>
    CostFee2008,
    /// <summary>2019 regulation in force (2019-05-15) but the processing-fee measures not yet (2021-01-01): free.</summary>
    Free2019,
    /// <summary>国办函〔2020〕109号 信息处理费 for excessive requests, from 2021-01-01.</summary>
    ProcessingFee2021,
}

/// <summary>The two methods of 109号; one per request, never both (fees.md §4).</summary>
public enum FeeMethod { PerRequest, PerVolume }

/// <summary>Whose requests the 按件 monthly count adds up. The measures do not say; see fees.md §2 open points.</summary>
public enum MonthlyCountScope
{
    /// <summary>The same applicant's requests to the charging agency only (each agency charges its own fee).</summary>
    PerAgency,
    /// <summary>The same applicant's requests to every agency on the platform.</summary>
    AcrossAgencies,
}

/// <summary>The fee rules the spec leaves open, as named configuration (section "Fees").</summary>
public sealed class FeeOptions
{
    /// <summary>
    /// "ThirdTierFirstBlockRate": the 按件 rate for requests 31–40 of a month. The measures say only that
    /// above 30 "every further 10 requests raise the rate by 100 元"; local tariff tables read the first
    /// block as 200 元 (fees.md §2). Each following block adds 100 元.
    /// </summary>
    public decimal ThirdTierFirstBlockRate { get; init; } = 200m;

    public MonthlyCountScope MonthlyCountScope { get; init; } = MonthlyCountScope.PerAgency;

    /// <summary>
    /// "FeePaymentPausesClock": whether the Art. 33 period stops between the fee notice and payment.
    /// Not found in the retrieved text of the measures; pausing is the default assumption (fees.md §6).
    /// </summary>
    public bool FeePaymentPausesClock { get; init; } = true;

    /// <summary>Working days the applicant has to pay, counted from the day after receiving the notice.</summary>
    public int PaymentWorkingDays { get; init; } = 20;
}

public static class FeeCalculator
{
    public static readonly DateOnly Regulation2019InForce = new(2019, 5, 15);
    public static readonly DateOnly ProcessingFeeInForce = new(2021, 1, 1);

    public static FeeRegime RegimeFor(DateOnly receivedOn) =>
        receivedOn < Regulation2019InForce ? FeeRegime.CostFee2008
        : receivedOn < ProcessingFeeInForce ? FeeRegime.Free2019
        : FeeRegime.ProcessingFee2021;

    /// <summary>
    /// 按件: the fee for the applicant's k-th request of the calendar month. 1–10 free, 11–30 100 元,
    /// then blocks of ten, the first at <see cref="FeeOptions.ThirdTierFirstBlockRate"/>, each next +100 元.
    /// </summary>
    public static decimal PerRequestRate(int ordinalInMonth, FeeOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ordinalInMonth, 1);
        if (ordinalInMonth <= 10) return 0m;
        if (ordinalInMonth <= 30) return 100m;
        var block = (ordinalInMonth - 31) / 10; // 0 for 31–40
        return options.ThirdTierFirstBlockRate + 100m * block;
    }

    /// <summary>The month's total for <paramref name="count"/> requests (progressive by excess).</summary>
    public static decimal PerRequestMonthTotal(int count, FeeOptions options)
    {
        var total = 0m;
        for (var k = 1; k <= count; k++) total += PerRequestRate(k, options);
        return total;
    }

    /// <summary>按量: 1–30 pages free, 31–100 at 10 元, 101–200 at 20 元, beyond 200 at 40 元 per page.</summary>
    public static decimal PerVolumeFee(int pages)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pages);
        return 10m * Math.Clamp(pages - 30, 0, 70) + 20m * Math.Clamp(pages - 100, 0, 100) + 40m * Math.Max(pages - 200, 0);
    }

    /// <summary>
    /// The ordinal of a request in its applicant's calendar month (month fixed by the Art. 31 receipt
    /// date): 1 + the earlier requests of the same applicant received in the same month. Requests of
    /// the same day are ordered by registration time, then by id, so no two get the same number.
    /// </summary>
    public static int MonthlyOrdinal(DateOnly receivedOn, long sequence, Guid id, IEnumerable<(DateOnly ReceivedOn, long Sequence, Guid Id)> sameApplicant) =>
        1 + sameApplicant.Count(r =>
            r.ReceivedOn.Year == receivedOn.Year && r.ReceivedOn.Month == receivedOn.Month
            && (r.ReceivedOn, r.Sequence, r.Id).CompareTo((receivedOn, sequence, id)) < 0);

    /// <summary>
    /// The fee quoted in a notice, or a Chinese error. The quantity is the monthly ordinal for 按件
    /// and the page count for 按量.
    /// </summary>
    public static (decimal Amount, string? Error) Quote(FeeRegime regime, FeeMethod method, int quantity, FeeOptions options)
    {
        if (regime != FeeRegime.ProcessingFee2021)
            return (0m, "信息处理费自2021年1月1日起施行，此前收到的申请不能发出信息处理费收费通知。");
        if (quantity < 1)
            return (0m, method == FeeMethod.PerRequest ? "按件计收须填写本月累计申请的序数（从1开始）。" : "按量计收须填写页数（至少1页）。");
        var amount = method == FeeMethod.PerRequest ? PerRequestRate(quantity, options) : PerVolumeFee(quantity);
        if (amount == 0m)
            return (0m, method == FeeMethod.PerRequest
                ? "申请人本月累计申请未超过10件，属于免费范围，不能收费。"
                : "页数未超过30页，属于免费范围，不能收费。");
        return (amount, null);
    }
}
