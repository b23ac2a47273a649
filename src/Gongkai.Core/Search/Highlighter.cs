using System.Text;

namespace Gongkai.Search;

/// <summary>
/// Finds where a query matches a text (with the same tokens the index uses) and renders the text
/// as HTML with the matches in &lt;mark&gt;. Everything from the text is HTML-encoded; the only markup
/// in the output is the &lt;mark&gt; elements added here, so the result is safe to write unescaped.
/// </summary>
public static class Highlighter
{
    /// <summary>True when every included phrase occurs in the text and no excluded one does (the in-memory equivalent of the index).</summary>
    public static bool Matches(SearchQuery query, params string?[] fields)
    {
        if (query.IsEmpty) return false;
        var streams = fields.Select(f => ChineseTokenizer.Tokenize(f)).ToList();
        bool Found(QueryPhrase p) => streams.Any(s => FindPhrase(s, p).Any());
        return query.Include.All(Found) && !query.Exclude.Any(Found);
    }

    /// <summary>Source spans (start, end) of every match of the included phrases, sorted and merged.</summary>
    public static List<(int Start, int End)> FindSpans(string text, SearchQuery query)
    {
        var tokens = ChineseTokenizer.Tokenize(text);
        var spans = new List<(int Start, int End)>();
        foreach (var phrase in query.Include)
        {
            foreach (var i in FindPhrase(tokens, phrase))
            {
                var last = tokens[i + phrase.Tokens.Count - 1];
                var end = phrase.Tokens[^1].IsPrefix ? last.FirstEnd : last.End;
                spans.Add((tokens[i].Start, end));
            }
        }
        spans.Sort();
        var merged = new List<(int Start, int End)>();
        foreach (var s in spans)
        {
            if (merged.Count > 0 && s.Start <= merged[^1].End) merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, s.End));
            else merged.Add(s);
        }
        return merged;
    }

    /// <summary>The whole text, encoded, with matches marked (for titles).</summary>
    public static string Highlight(string? text, SearchQuery query)
    {
        if (string.IsNullOrEmpty(text)) return "";
        return Render(text, 0, text.Length, query.IsEmpty ? [] : FindSpans(text, query), false, false);
    }

    /// <summary>
    /// About <paramref name="length"/> characters around the first match, encoded, with matches
    /// marked and runs of whitespace collapsed; the start of the text when nothing matches.
    /// </summary>
    public static string Snippet(string? text, SearchQuery query, int length = 120)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var spans = query.IsEmpty ? [] : FindSpans(text, query);
        var start = 0;
        if (spans.Count > 0)
        {
            // Some context before the first match, but keep the match itself in the window.
            start = Math.Max(0, spans[0].Start - length / 4);
            if (text.Length - start < length) start = Math.Max(0, text.Length - length);
        }
        if (start > 0 && char.IsLowSurrogate(text[start])) start--;
        var end = Math.Min(text.Length, start + length);
        if (end < text.Length && end > 0 && char.IsHighSurrogate(text[end - 1])) end--;
        return Render(text, start, end, spans, start > 0, end < text.Length);
    }

    internal static IEnumerable<int> FindPhrase(List<Token> tokens, QueryPhrase phrase)
    {
        var n = phrase.Tokens.Count;
        for (var i = 0; i + n <= tokens.Count; i++)
        {
            var ok = true;
            for (var k = 0; k < n && ok; k++)
            {
                var q = phrase.Tokens[k];
                var t = tokens[i + k].Text;
                ok = q.IsPrefix ? t.StartsWith(q.Text, StringComparison.Ordinal) : t == q.Text;
            }
            if (ok) yield return i;
        }
    }

    private static string Render(string text, int start, int end, List<(int Start, int End)> spans, bool ellipsisBefore, bool ellipsisAfter)
    {
        var sb = new StringBuilder((end - start) + 32);
        if (ellipsisBefore) sb.Append('…');
        var pos = start;
        foreach (var (s, e) in spans)
        {
            if (e <= start || s >= end) continue;
            var from = Math.Max(s, start);
            var to = Math.Min(e, end);
            AppendEncoded(sb, text, pos, from, collapse: true);
            sb.Append("<mark>");
            AppendEncoded(sb, text, from, to, collapse: true);
            sb.Append("</mark>");
            pos = to;
        }
        AppendEncoded(sb, text, pos, end, collapse: true);
        if (ellipsisAfter) sb.Append('…');
        return sb.ToString();
    }

    private static void AppendEncoded(StringBuilder sb, string text, int from, int to, bool collapse)
    {
        for (var i = from; i < to; i++)
        {
            var c = text[i];
            if (collapse && char.IsWhiteSpace(c))
            {
                if (sb.Length == 0 || sb[^1] != ' ') sb.Append(' ');
                continue;
            }
            HtmlText.AppendEncoded(sb, c);
        }
    }
}
