namespace Gongkai.Search;

/// <param name="Text">A normalised token.</param>
/// <param name="IsPrefix">True for a single CJK character at the end of a phrase: it matches any token starting with it.</param>
public readonly record struct QueryToken(string Text, bool IsPrefix);

/// <summary>Tokens that must occur consecutively in the document's token stream.</summary>
/// <param name="Source">What the user typed for this phrase (for messages, not for matching).</param>
public sealed record QueryPhrase(IReadOnlyList<QueryToken> Tokens, string Source);

/// <summary>
/// A parsed search: every included phrase must match, no excluded phrase may. Whitespace separates
/// terms; a term is matched as a phrase (so 征地补偿 means exactly that sequence); text in quotes
/// ("…", “…”, 「…」, 『…』) is one phrase even with spaces in it; a term starting with '-' excludes.
/// </summary>
public sealed record SearchQuery(IReadOnlyList<QueryPhrase> Include, IReadOnlyList<QueryPhrase> Exclude)
{
    /// <summary>Longer input is cut: nobody types more, and it bounds the work per query.</summary>
    public const int MaxInputLength = 200;

    public const int MaxPhrases = 12;

    public static readonly SearchQuery Empty = new([], []);

    /// <summary>No positive phrase: nothing to search for (an exclusion alone does not make a search).</summary>
    public bool IsEmpty => Include.Count == 0;

    public static SearchQuery Parse(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return Empty;
        if (input.Length > MaxInputLength) input = input[..MaxInputLength];

        var include = new List<QueryPhrase>();
        var exclude = new List<QueryPhrase>();
        foreach (var (text, negated) in SplitTerms(input))
        {
            if (include.Count + exclude.Count >= MaxPhrases) break;
            var tokens = ToQueryTokens(ChineseTokenizer.Tokenize(text));
            if (tokens.Count == 0) continue;
            var phrase = new QueryPhrase(tokens, text);
            var target = negated ? exclude : include;
            if (!target.Any(p => p.Tokens.SequenceEqual(phrase.Tokens))) target.Add(phrase);
        }
        return new SearchQuery(include, exclude);
    }

    /// <summary>
    /// Turns the tokenizer's stream for a phrase into what must be found. A trailing RunEnd is
    /// implied by the bigram before it, so it is dropped; a trailing single character may continue
    /// into a longer run in the document, so it matches as a prefix.
    /// </summary>
    internal static List<QueryToken> ToQueryTokens(List<Token> tokens)
    {
        var result = new List<QueryToken>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            var isLast = i == tokens.Count - 1;
            if (isLast && t.Kind == TokenKind.RunEnd) break;
            result.Add(new QueryToken(t.Text, isLast && t.Kind == TokenKind.Single));
        }
        return result;
    }

    // Any quotation mark or book-title mark opens a phrase and the next one of them closes it:
    // users mix ASCII and Chinese quotes, and 《条例名称》 is searched as a whole.
    private const string QuoteMarks = "\"＂“”‘’「」『』《》";

    private static IEnumerable<(string Text, bool Negated)> SplitTerms(string input)
    {
        var i = 0;
        while (i < input.Length)
        {
            var c = input[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }

            var negated = false;
            if ((c == '-' || c == '－') && i + 1 < input.Length && !char.IsWhiteSpace(input[i + 1]))
            {
                negated = true;
                c = input[++i];
            }

            if (QuoteMarks.Contains(c))
            {
                // An unclosed quote runs to the end of the input, which is what a user who forgot it meant.
                var end = input.IndexOfAny(QuoteMarks.ToCharArray(), i + 1);
                if (end < 0) end = input.Length;
                yield return (input[(i + 1)..end], negated);
                i = end + 1;
                continue;
            }

            var from = i;
            while (i < input.Length && !char.IsWhiteSpace(input[i]) && !QuoteMarks.Contains(input[i])) i++;
            yield return (input[from..i], negated);
        }
    }
}
