using Gongkai.Search;

namespace Gongkai.Core.Tests.Search;

public class ChineseTokenizerTests
{
    private static string[] Texts(string text) => ChineseTokenizer.Tokenize(text).Select(t => t.Text).ToArray();

    [Fact]
    public void A_cjk_run_becomes_forward_bigrams_and_its_last_character()
    {
        var tokens = ChineseTokenizer.Tokenize("城乡低保");
        Assert.Equal(["城乡", "乡低", "低保", "保"], tokens.Select(t => t.Text));
        Assert.Equal([TokenKind.Bigram, TokenKind.Bigram, TokenKind.Bigram, TokenKind.RunEnd], tokens.Select(t => t.Kind));
    }

    [Fact]
    public void A_lone_cjk_character_is_a_single_token()
    {
        var token = Assert.Single(ChineseTokenizer.Tokenize("（税）"));
        Assert.Equal(("税", TokenKind.Single), (token.Text, token.Kind));
    }

    [Fact]
    public void Letters_and_digits_form_lower_case_words_and_full_width_forms_fold_to_ascii()
    {
        Assert.Equal(["gb", "t", "37668", "2019"], Texts("GB/T 37668-2019"));
        Assert.Equal(["abc123"], Texts("ＡＢＣ１２３"));
    }

    [Theory]
    [InlineData("开府办发〔2019〕38号")]
    [InlineData("开府办发[2019]38号")]
    [InlineData("开府办发【2019】38号")]
    [InlineData("开府办发(2019)38号")]
    [InlineData("开府办发（2019）38号")]
    [InlineData("开府办发﹝2019﹞38号")]
    [InlineData("开府办发 2019 38 号")]
    public void Document_numbers_tokenize_the_same_whatever_the_brackets(string docNo) =>
        Assert.Equal(["开府", "府办", "办发", "发", "2019", "38", "号"], Texts(docNo));

    [Fact]
    public void Traditional_characters_are_indexed_as_simplified() =>
        Assert.Equal(Texts("医保补偿标准"), Texts("醫保補償標準"));

    [Fact]
    public void Token_spans_point_into_the_original_text()
    {
        const string text = "关于《低保》工作";
        var token = ChineseTokenizer.Tokenize(text).Single(t => t.Text == "低保");
        Assert.Equal("低保", text[token.Start..token.End]);
        Assert.Equal("低", text[token.Start..token.FirstEnd]);
    }

    [Fact]
    public void Characters_outside_the_basic_plane_are_tokenized_whole()
    {
        var tokens = ChineseTokenizer.Tokenize("𠀾村");
        Assert.Equal(["𠀾村", "村"], tokens.Select(t => t.Text));
        Assert.Equal(0, tokens[0].Start);
        Assert.Equal(2, tokens[0].FirstEnd);
    }

    [Fact]
    public void Zero_width_characters_do_not_split_a_word()
    {
        Assert.Equal(["低保", "保"], Texts("低\u200b保"));
    }

    [Fact]
    public void Overlong_words_are_cut_so_junk_cannot_bloat_the_index()
    {
        var word = Assert.Single(Texts(new string('x', 500)));
        Assert.Equal(ChineseTokenizer.MaxWordLength, word.Length);
    }

    [Fact]
    public void Punctuation_only_text_has_no_tokens() => Assert.Empty(Texts("，。！？…… —— 〔〕"));
}
