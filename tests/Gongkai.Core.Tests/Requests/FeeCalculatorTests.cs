using Gongkai.Requests;

namespace Gongkai.Core.Tests.Requests;

public class FeeCalculatorTests
{
    private static readonly FeeOptions Defaults = new();

    [Theory]
    [InlineData(1, 0)]
    [InlineData(10, 0)]
    [InlineData(11, 100)]
    [InlineData(30, 100)]
    [InlineData(31, 200)]
    [InlineData(40, 200)]
    [InlineData(41, 300)]
    [InlineData(50, 300)]
    [InlineData(51, 400)]
    [InlineData(60, 400)]
    [InlineData(61, 500)]
    public void Per_request_rate_follows_the_tiers(int k, int expected) =>
        Assert.Equal(expected, FeeCalculator.PerRequestRate(k, Defaults));

    [Theory]
    [InlineData(10, 0)]
    [InlineData(11, 100)]
    [InlineData(30, 2000)]
    [InlineData(45, 5500)] // fees.md §2 worked example
    [InlineData(60, 2000 + 2000 + 3000 + 4000)]
    public void Per_request_month_total_is_progressive_by_excess(int count, int expected) =>
        Assert.Equal(expected, FeeCalculator.PerRequestMonthTotal(count, Defaults));

    [Fact]
    public void The_uncertain_third_tier_start_is_configuration()
    {
        var alternative = new FeeOptions { ThirdTierFirstBlockRate = 100m };
        Assert.Equal(100m, FeeCalculator.PerRequestRate(31, alternative));
        Assert.Equal(200m, FeeCalculator.PerRequestRate(41, alternative));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(30, 0)]
    [InlineData(31, 10)]
    [InlineData(100, 700)]
    [InlineData(101, 720)]
    [InlineData(150, 1700)] // fees.md §3 example
    [InlineData(200, 2700)]
    [InlineData(201, 2740)]
    [InlineData(2219, 83460)] // the real Xi'an bill
    public void Per_volume_fee_follows_the_page_bands(int pages, int expected) =>
        Assert.Equal(expected, FeeCalculator.PerVolumeFee(pages));

    [Fact]
    public void Monthly_ordinal_counts_only_the_same_calendar_month_and_earlier_requests()
    {
        var earlier = new (DateOnly, long, Guid)[]
        {
            (new DateOnly(2024, 2, 29), 1, Guid.NewGuid()), // previous month
            (new DateOnly(2024, 3, 1), 2, Guid.NewGuid()),
            (new DateOnly(2024, 3, 10), 3, Guid.NewGuid()),
            (new DateOnly(2024, 3, 10), 9, Guid.NewGuid()), // same day, registered later
            (new DateOnly(2024, 4, 1), 10, Guid.NewGuid()), // next month
        };
        Assert.Equal(3, FeeCalculator.MonthlyOrdinal(new DateOnly(2024, 3, 10), 5, Guid.NewGuid(), earlier));
        Assert.Equal(1, FeeCalculator.MonthlyOrdinal(new DateOnly(2024, 5, 1), 11, Guid.NewGuid(), earlier));
    }

    [Fact]
    public void Requests_registered_at_the_same_instant_still_get_distinct_ordinals()
    {
        var ids = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToArray();
        var all = ids.Select(id => (new DateOnly(2024, 3, 10), 7L, id)).ToArray();
        var ordinals = ids.Select(id => FeeCalculator.MonthlyOrdinal(new DateOnly(2024, 3, 10), 7, id, all.Where(x => x.id != id))).Order();
        Assert.Equal(new[] { 1, 2, 3 }, ordinals);
    }

    [Fact]
    public void The_count_restarts_in_a_new_year_with_the_same_month_number()
    {
        var lastYear = new (DateOnly, long, Guid)[] { (new DateOnly(2023, 3, 5), 1, Guid.NewGuid()) };
        Assert.Equal(1, FeeCalculator.MonthlyOrdinal(new DateOnly(2024, 3, 5), 2, Guid.NewGuid(), lastYear));
    }

    [Theory]
    [InlineData("2008-05-01", FeeRegime.CostFee2008)]
    [InlineData("2019-05-14", FeeRegime.CostFee2008)]
    [InlineData("2019-05-15", FeeRegime.Free2019)]
    [InlineData("2020-12-31", FeeRegime.Free2019)]
    [InlineData("2021-01-01", FeeRegime.ProcessingFee2021)]
    public void The_fee_regime_follows_the_receipt_date(string received, FeeRegime expected) =>
        Assert.Equal(expected, FeeCalculator.RegimeFor(DateOnly.Parse(received)));

    [Fact]
    public void No_processing_fee_can_be_quoted_before_2021()
    {
        var (_, error) = FeeCalculator.Quote(FeeRegime.Free2019, FeeMethod.PerVolume, 500, Defaults);
        Assert.Contains("2021年1月1日", error);
    }

    [Fact]
    public void Free_quantities_cannot_be_charged()
    {
        Assert.NotNull(FeeCalculator.Quote(FeeRegime.ProcessingFee2021, FeeMethod.PerRequest, 10, Defaults).Error);
        Assert.NotNull(FeeCalculator.Quote(FeeRegime.ProcessingFee2021, FeeMethod.PerVolume, 30, Defaults).Error);
    }

    [Fact]
    public void A_quote_uses_only_the_chosen_method()
    {
        Assert.Equal(200m, FeeCalculator.Quote(FeeRegime.ProcessingFee2021, FeeMethod.PerRequest, 35, Defaults).Amount);
        Assert.Equal(50m, FeeCalculator.Quote(FeeRegime.ProcessingFee2021, FeeMethod.PerVolume, 35, Defaults).Amount);
    }

    [Fact]
    public void Cost_fees_of_2008_add_retrieval_copy_and_postage()
    {
        var bill = CostFee2008.Compute(new CostFeeItems(Retrieval: true, A4BlackWhitePages: 10, A3ColourPages: 1, Disks: 1, Postage: 12m),
            new CostFee2008Tariff(), CostFeeWaiver.None);
        Assert.Equal(5m, bill.Retrieval);
        Assert.Equal(2m + 2m + 3m, bill.Copy);
        Assert.Equal(24m, bill.Total);
        Assert.Equal(24m, bill.Payable);
    }

    [Fact]
    public void Cost_fees_of_2008_are_waived_for_the_exempt_groups()
    {
        var bill = CostFee2008.Compute(new CostFeeItems(Retrieval: true, A4BlackWhitePages: 50), new CostFee2008Tariff(), CostFeeWaiver.MinimumLivingAllowance);
        Assert.Equal(15m, bill.Total);
        Assert.Equal(15m, bill.Waived);
        Assert.Equal(0m, bill.Payable);
    }
}
