using Gongkai.Catalog;

namespace Gongkai.Core.Tests.Catalog;

public class IndexNumbersTests
{
    private const string CreditCode = "11441700007280420Y";
    private static readonly DateOnly PublishedOn = new(2021, 3, 9);

    [Theory]
    [InlineData(IndexNumberPattern.credit_code_year_serial, 50, "11441700007280420Y/2021-00050")]
    [InlineData(IndexNumberPattern.org_code_year_serial, 200, "007280420/2021-00200")]
    [InlineData(IndexNumberPattern.org_code_dash_year_serial, 153077, "007280420-2021-153077")]
    [InlineData(IndexNumberPattern.org_code_category_year_serial, 1194403, "007280420-03-2021-1194403")]
    [InlineData(IndexNumberPattern.date_serial, 189769, "20210309-189769")]
    public void Each_pattern_has_the_shape_of_its_real_example(IndexNumberPattern pattern, long serial, string expected) =>
        Assert.Equal(expected, IndexNumbers.Format(pattern, CreditCode, PublishedOn, serial, DisclosureCategory.art20_3));

    [Fact]
    public void The_organisation_code_is_the_ninth_to_seventeenth_character_of_the_credit_code() =>
        Assert.Equal("000014349", IndexNumbers.OrgCode("11100000000014349H"));

    [Fact]
    public void A_serial_beyond_the_padding_grows_instead_of_wrapping() =>
        Assert.Equal("11441700007280420Y/2021-100000",
            IndexNumbers.Format(IndexNumberPattern.credit_code_year_serial, CreditCode, PublishedOn, 100000, DisclosureCategory.art20_1));

    [Fact]
    public void Yearly_patterns_restart_each_year_and_the_date_pattern_runs_on()
    {
        Assert.Equal(2021, IndexNumbers.CounterYear(IndexNumberPattern.credit_code_year_serial, PublishedOn));
        Assert.Equal(0, IndexNumbers.CounterYear(IndexNumberPattern.date_serial, PublishedOn));
    }

    [Fact]
    public void Art21_items_get_category_codes_after_the_fifteen_of_art20()
    {
        Assert.Equal("15", IndexNumbers.CategoryCode(DisclosureCategory.art20_15));
        Assert.Equal("16", IndexNumbers.CategoryCode(DisclosureCategory.art21_municipal_construction));
        Assert.Equal("27", IndexNumbers.CategoryCode(DisclosureCategory.art21_fundraising_labour));
    }

    [Fact]
    public void Every_pattern_fits_the_stored_length()
    {
        foreach (var p in Enum.GetValues<IndexNumberPattern>())
        {
            Assert.True(IndexNumbers.Format(p, CreditCode, PublishedOn, 9_999_999, DisclosureCategory.art21_fundraising_labour).Length <= IndexNumbers.MaxLength);
        }
    }

    [Fact]
    public void A_malformed_credit_code_is_refused() =>
        Assert.Throws<ArgumentException>(() => IndexNumbers.Format(IndexNumberPattern.credit_code_year_serial, "123", PublishedOn, 1, DisclosureCategory.art20_1));
}
