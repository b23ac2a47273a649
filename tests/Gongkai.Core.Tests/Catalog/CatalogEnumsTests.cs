using Gongkai.Catalog;

namespace Gongkai.Core.Tests.Catalog;

public class CatalogEnumsTests
{
    [Fact]
    public void Art20_has_fifteen_numbered_categories_with_their_statutory_text()
    {
        Assert.Equal(15, DisclosureCategories.Art20.Count);
        Assert.Equal(DisclosureCategory.art20_7, DisclosureCategories.FromArt20Number(7));
        Assert.Null(DisclosureCategories.FromArt20Number(16));
        Assert.Equal("第二十条（十一）", DisclosureCategory.art20_11.Number());
        Assert.Equal("财政预算、决算信息", DisclosureCategory.art20_7.StatutoryText());
    }

    [Fact]
    public void Art21_items_depend_on_the_agency_level()
    {
        Assert.Contains(DisclosureCategory.art21_public_order, DisclosureCategories.For(Art21Level.city_county));
        Assert.DoesNotContain(DisclosureCategory.art21_public_order, DisclosureCategories.For(Art21Level.township));
        Assert.Contains(DisclosureCategory.art21_homestead_review, DisclosureCategories.For(Art21Level.township));
        Assert.Contains(DisclosureCategory.art21_social_assistance, DisclosureCategories.For(Art21Level.township));
        Assert.Equal(15, DisclosureCategories.For(Art21Level.none).Count);
    }

    [Fact]
    public void Every_enum_value_has_a_chinese_label()
    {
        foreach (var c in Enum.GetValues<DisclosureCategory>()) Assert.NotEqual(c.ToString(), c.ShortLabel());
        foreach (var t in Enum.GetValues<Topic>()) Assert.NotEqual(t.ToString(), t.Label());
        foreach (var g in Enum.GetValues<Genre>()) Assert.NotEqual(g.ToString(), g.Label());
        foreach (var k in Enum.GetValues<ItemKind>()) Assert.NotEqual(k.ToString(), k.Label());
        foreach (var r in Enum.GetValues<WithholdingReason>()) Assert.NotEqual(r.ToString(), r.Label());
        foreach (var v in Enum.GetValues<Validity>()) Assert.NotEqual(v.ToString(), v.Label());
    }

    [Theory]
    [InlineData("财政、金融、审计", Topic.finance_audit)]
    [InlineData("财政，金融，审计", Topic.finance_audit)]
    [InlineData("finance_audit", Topic.finance_audit)]
    public void Topics_parse_from_their_label_or_key(string text, Topic expected) =>
        Assert.Equal(expected, TopicAndGenreLabels.ParseTopic(text));

    [Theory]
    [InlineData("通知", Genre.notice)]
    [InlineData("令", Genre.order)]
    [InlineData("命令", Genre.order)]
    [InlineData("public_notice", Genre.public_notice)]
    public void Genres_parse_from_their_label_or_key(string text, Genre expected) =>
        Assert.Equal(expected, TopicAndGenreLabels.ParseGenre(text));

    [Theory]
    [InlineData("1")]
    [InlineData("Finance_Audit")]
    [InlineData("不存在")]
    [InlineData("")]
    public void Unknown_or_numeric_keys_do_not_parse(string text) => Assert.Null(TopicAndGenreLabels.ParseTopic(text));

    [Theory]
    [InlineData("有效", Validity.valid)]
    [InlineData("失效", Validity.expired)]
    [InlineData(" 废止 ", Validity.abolished)]
    public void Validity_parses_from_chinese(string text, Validity expected) => Assert.Equal(expected, CatalogLabels.ParseValidity(text));
}
