using Gongkai.Search;

namespace Gongkai.Core.Tests.Search;

public class HighlighterTests
{
    [Fact]
    public void Matches_are_marked_and_everything_else_is_encoded()
    {
        var html = Highlighter.Highlight("<script>alert('低保')</script> & 低保", SearchQuery.Parse("低保"));
        Assert.Equal("&lt;script&gt;alert(&#39;<mark>低保</mark>&#39;)&lt;/script&gt; &amp; <mark>低保</mark>", html);
    }

    [Fact]
    public void A_single_character_query_marks_only_that_character()
    {
        Assert.Equal("<mark>税</mark>务局依法纳<mark>税</mark>", Highlighter.Highlight("税务局依法纳税", SearchQuery.Parse("税")));
    }

    [Fact]
    public void A_document_number_is_marked_with_its_brackets()
    {
        Assert.Equal("见<mark>开府办发〔2019〕38号</mark>文",
            Highlighter.Highlight("见开府办发〔2019〕38号文", SearchQuery.Parse("开府办发[2019]38号")));
    }

    [Fact]
    public void Traditional_queries_mark_the_simplified_text()
    {
        Assert.Equal("城乡<mark>医保</mark>", Highlighter.Highlight("城乡医保", SearchQuery.Parse("醫保")));
    }

    [Fact]
    public void A_snippet_is_a_window_around_the_first_match_with_ellipses()
    {
        var text = new string('甲', 200) + "低保" + new string('乙', 200);
        var snippet = Highlighter.Snippet(text, SearchQuery.Parse("低保"), length: 60);
        Assert.StartsWith("…", snippet);
        Assert.EndsWith("…", snippet);
        Assert.Contains("<mark>低保</mark>", snippet);
        Assert.Equal(60 + 2 + "<mark></mark>".Length, snippet.Length);
    }

    [Fact]
    public void A_snippet_without_a_match_is_the_start_of_the_text_with_whitespace_collapsed()
    {
        var snippet = Highlighter.Snippet("第一段\n\n  第二段<b>", SearchQuery.Parse("医保"), length: 100);
        Assert.Equal("第一段 第二段&lt;b&gt;", snippet);
    }

    [Fact]
    public void A_snippet_never_splits_a_surrogate_pair()
    {
        var text = "𠀾𠀾𠀾𠀾𠀾";
        var snippet = Highlighter.Snippet(text, SearchQuery.Empty, length: 3);
        Assert.Equal("𠀾…", snippet);
    }
}
