namespace Gongkai.Search;

/// <summary>
/// "Looks like the same thing" for short free texts (a request's description, an item's title and
/// summary), with the search tokenizer: a text's terms are its CJK bigrams and its words of letters
/// or digits (normalised as the search index normalises them: simplified, NFKC, lower case), after cutting out
/// request boilerplate and function words (申请、公开、政府信息、提供、的…). Two texts are similar when they share
/// at least <see cref="MinShared"/> terms and the shared terms are at least <c>threshold</c> of the
/// shorter text's terms (overlap coefficient), so a short title inside a long description counts.
/// </summary>
public static class TextSimilarity
{
    public const int MinShared = 2;

    /// <summary>
    /// Request boilerplate and function words that say nothing about which information is asked for;
    /// they are cut out of the text (leaving a break) before tokenizing, so no bigram spans them.
    /// </summary>
    private static readonly string[] Stop =
    [
        "政府信息公开", "政府信息", "申请公开", "申请获取", "申请", "请求", "公开", "政府", "信息", "提供", "要求", "需要", "获取",
        "关于", "有关", "相关", "我们", "本人", "予以", "依法", "依据", "根据", "条例", "查询", "复印", "以及", "一份", "全文",
        "的", "及", "和", "与", "或", "请", "我",
    ];

    public static IReadOnlySet<string> Terms(string? text)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(text)) return terms;
        var cleaned = new System.Text.StringBuilder(text);
        foreach (var word in Stop) cleaned.Replace(word, " ");
        foreach (var t in ChineseTokenizer.Tokenize(cleaned.ToString()))
            if (t.Kind is TokenKind.Bigram || (t.Kind == TokenKind.Word && t.Text.Length >= 2))
                terms.Add(t.Text);
        return terms;
    }

    /// <summary>Shared terms over the smaller term set (0 when either text has no terms or fewer than <see cref="MinShared"/> are shared).</summary>
    public static double Overlap(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var shared = small.Count(large.Contains);
        return shared < MinShared ? 0 : (double)shared / small.Count;
    }
}
