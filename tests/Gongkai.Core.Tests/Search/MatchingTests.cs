using Gongkai.Search;

namespace Gongkai.Core.Tests.Search;

/// <summary>What a user expects a query to find, checked with the in-memory matcher that mirrors the index.</summary>
public class MatchingTests
{
    private static bool Finds(string query, string text) => Highlighter.Matches(SearchQuery.Parse(query), text);

    [Theory]
    [InlineData("低保", "提高城乡低保标准的通知", true)]
    [InlineData("低保", "低保", true)]
    [InlineData("低保", "保低", false)]
    [InlineData("低保", "低，保", false)]
    [InlineData("医保", "城乡居民医保缴费", true)]
    [InlineData("征地", "集体土地征地补偿", true)]
    [InlineData("征地", "征收土地", false)]
    public void Two_character_words_match_exactly_where_they_occur(string query, string text, bool expected) =>
        Assert.Equal(expected, Finds(query, text));

    [Theory]
    [InlineData("税", "税务局", true)]
    [InlineData("税", "依法纳税", true)]
    [InlineData("税", "（税）", true)]
    [InlineData("税", "财政局", false)]
    public void A_single_character_matches_wherever_it_occurs(string query, string text, bool expected) =>
        Assert.Equal(expected, Finds(query, text));

    [Theory]
    [InlineData("征地补偿", "关于征地补偿标准的公告", true)]
    [InlineData("征地补偿", "征地。补偿", false)]
    [InlineData("征地补偿", "补偿征地", false)]
    [InlineData("\"征地补偿标准\"", "征地补偿标准调整", true)]
    [InlineData("\"征地补偿标准\"", "征地补偿的标准", false)]
    public void Longer_words_and_quoted_phrases_match_as_a_sequence(string query, string text, bool expected) =>
        Assert.Equal(expected, Finds(query, text));

    [Theory]
    [InlineData("开府办发〔2019〕38号")]
    [InlineData("开府办发[2019]38号")]
    [InlineData("开府办发【2019】38号")]
    [InlineData("开府办发（2019）38号")]
    [InlineData("开府办发2019 38号")]
    public void Document_numbers_match_whatever_brackets_the_user_types(string query)
    {
        Assert.True(Finds(query, "开府办发〔2019〕38号"));
        Assert.False(Finds(query, "开府办发〔2019〕39号"));
        Assert.False(Finds(query, "开府办发〔2018〕38号"));
    }

    [Fact]
    public void A_document_number_does_not_match_a_longer_number() =>
        Assert.False(Finds("开府办发〔2019〕3号", "开府办发〔2019〕38号"));

    [Theory]
    [InlineData("醫保報銷", "医保报销比例")]
    [InlineData("徵地補償", "征地补偿")]
    [InlineData("低保", "城鄉低保")]
    public void Traditional_and_simplified_match_each_other(string query, string text) =>
        Assert.True(Finds(query, text));

    [Fact]
    public void All_terms_must_match_and_excluded_terms_must_not()
    {
        Assert.True(Finds("低保 医保", "低保和医保"));
        Assert.False(Finds("低保 医保", "低保"));
        Assert.False(Finds("低保 -医保", "低保和医保"));
        Assert.True(Finds("低保 -医保", "低保和救助"));
    }

    [Fact]
    public void Latin_words_match_whole_and_ignore_case()
    {
        Assert.True(Finds("gdp", "全县GDP增长"));
        Assert.False(Finds("gd", "全县GDP增长"));
        Assert.True(Finds("2019年", "2019年度报告"));
    }

    [Fact]
    public void A_match_may_be_in_any_field_but_a_phrase_does_not_span_fields()
    {
        var q = SearchQuery.Parse("征地补偿");
        Assert.True(Highlighter.Matches(q, "标题", "征地补偿"));
        Assert.False(Highlighter.Matches(q, "征地", "补偿"));
    }
}
