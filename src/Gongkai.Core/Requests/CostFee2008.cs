namespace Gongkai.Requests;

/// <summary>
/// The 2008 regime's cost fees (条例492号 Art. 27–28, 财综〔2008〕44号): retrieval, copying, postage only,
/// at rates set locally. Kept so that legacy requests and their annual statistics can be recorded.
/// </summary>
public sealed class CostFee2008Tariff
{
    // Defaults are 福建 闽价费〔2008〕472号 (fees.md §8); rates differ by province, so they are configuration.
    public decimal RetrievalPerRequest { get; init; } = 5m;
    public decimal CopyA4BlackWhite { get; init; } = 0.2m;
    public decimal CopyA3BlackWhite { get; init; } = 0.4m;
    public decimal CopyA4Colour { get; init; } = 1m;
    public decimal CopyA3Colour { get; init; } = 2m;
    public decimal Disk { get; init; } = 3m;
}

/// <summary>Who was exempt under 财综〔2008〕44号 (with proof), plus Art. 28 hardship on application.</summary>
public enum CostFeeWaiver
{
    None,
    RuralFiveGuarantees,
    MinimumLivingAllowance,
    EntitledGroupsPension,
    EconomicHardship,
}

public sealed record CostFeeItems(
    bool Retrieval = false,
    int A4BlackWhitePages = 0,
    int A3BlackWhitePages = 0,
    int A4ColourPages = 0,
    int A3ColourPages = 0,
    int Disks = 0,
    decimal Postage = 0m);

public sealed record CostFeeBill(decimal Retrieval, decimal Copy, decimal Postage, decimal Total, decimal Waived, decimal Payable);

public static class CostFee2008
{
    public static CostFeeBill Compute(CostFeeItems items, CostFee2008Tariff tariff, CostFeeWaiver waiver)
    {
        if (items.A4BlackWhitePages < 0 || items.A3BlackWhitePages < 0 || items.A4ColourPages < 0
            || items.A3ColourPages < 0 || items.Disks < 0 || items.Postage < 0)
            throw new ArgumentOutOfRangeException(nameof(items), "quantities cannot be negative");
        var retrieval = items.Retrieval ? tariff.RetrievalPerRequest : 0m;
        var copy = items.A4BlackWhitePages * tariff.CopyA4BlackWhite + items.A3BlackWhitePages * tariff.CopyA3BlackWhite
                   + items.A4ColourPages * tariff.CopyA4Colour + items.A3ColourPages * tariff.CopyA3Colour
                   + items.Disks * tariff.Disk;
        var total = retrieval + copy + items.Postage;
        var waived = waiver == CostFeeWaiver.None ? 0m : total;
        return new CostFeeBill(retrieval, copy, items.Postage, total, waived, total - waived);
    }

    public static string Label(this CostFeeWaiver w) => w switch
    {
        CostFeeWaiver.RuralFiveGuarantees => "农村五保供养对象",
        CostFeeWaiver.MinimumLivingAllowance => "城乡居民最低生活保障对象",
        CostFeeWaiver.EntitledGroupsPension => "领取国家抚恤补助的优抚对象",
        CostFeeWaiver.EconomicHardship => "确有经济困难，经申请减免",
        _ => "不减免",
    };
}
