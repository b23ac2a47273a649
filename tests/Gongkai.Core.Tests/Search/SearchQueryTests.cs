using Gongkai.Search;

namespace Gongkai.Core.Tests.Search;

public class SearchQueryTests
{
    private static string Show(QueryPhrase p) => string.Join(" ", p.Tokens.Select(t => t.IsPrefix ? t.Text + "*" : t.Text));

    [Theory]
    [InlineData("低保", "低保")]
    [InlineData("征地补偿", "征地 地补 补偿")]
    [InlineData("税", "税*")]
    [InlineData("38号", "38 号*")]
    [InlineData("2019年", "2019 年*")]
    [InlineData("GB2312", "gb2312")]
    [InlineData("醫保", "医保")]
    [InlineData("开府办发〔2019〕38号", "开府 府办 办发 发 2019 38 号*")]
    public void A_term_becomes_the_tokens_that_must_follow_each_other(string input, string expected)
    {
        var q = SearchQuery.Parse(input);
        Assert.Equal(expected, Show(Assert.Single(q.Include)));
    }

    [Fact]
    public void Whitespace_separates_terms_that_must_all_match()
    {
        var q = SearchQuery.Parse("低保  医保\t征地");
        Assert.Equal(["低保", "医保", "征地"], q.Include.Select(Show));
    }

    [Theory]
    [InlineData("\"征地 补偿\"")]
    [InlineData("“征地 补偿”")]
    [InlineData("「征地 补偿」")]
    [InlineData("“征地 补偿")]
    public void Quoted_text_is_one_phrase_even_with_spaces(string input)
    {
        var q = SearchQuery.Parse(input);
        Assert.Equal("征地 地 补偿", Show(Assert.Single(q.Include)));
    }

    [Fact]
    public void A_leading_minus_excludes_a_term()
    {
        var q = SearchQuery.Parse("医保 -低保");
        Assert.Equal(["医保"], q.Include.Select(Show));
        Assert.Equal(["低保"], q.Exclude.Select(Show));
    }

    [Fact]
    public void A_minus_inside_a_term_is_punctuation()
    {
        var q = SearchQuery.Parse("2019-38");
        Assert.Equal(["2019 38"], q.Include.Select(Show));
        Assert.Empty(q.Exclude);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("，。！")]
    [InlineData("-低保")]
    public void Input_with_nothing_to_find_is_an_empty_query(string? input) =>
        Assert.True(SearchQuery.Parse(input).IsEmpty);

    [Fact]
    public void Repeated_terms_count_once_and_the_number_of_terms_is_bounded()
    {
        Assert.Single(SearchQuery.Parse("低保 低保 低保").Include);
        var many = string.Join(" ", Enumerable.Range(1, 50).Select(i => "词" + i));
        Assert.Equal(SearchQuery.MaxPhrases, SearchQuery.Parse(many).Include.Count);
    }
}
