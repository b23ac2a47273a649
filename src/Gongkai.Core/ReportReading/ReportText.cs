using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Gongkai.Common;

namespace Gongkai.ReportReading;

/// <summary>
/// A report's text in two aligned forms: <see cref="Plain"/> (what the user sees: the input, or the
/// text of an HTML page with table cells separated by tabs) and <see cref="Norm"/> (the same text,
/// character for character, folded to simplified characters, half-width digits and ASCII
/// punctuation). Because folding is 1:1, an offset found in <see cref="Norm"/> is a position in
/// <see cref="Plain"/>.
/// </summary>
public sealed partial class ReportText
{
    private readonly int[] _lineStarts;

    private ReportText(string plain, bool wasHtml)
    {
        Plain = plain;
        WasHtml = wasHtml;
        Norm = Fold(plain);
        var starts = new List<int> { 0 };
        for (var i = 0; i < plain.Length; i++)
        {
            if (plain[i] == '\n') starts.Add(i + 1);
        }
        _lineStarts = [.. starts];
    }

    public string Plain { get; }
    public string Norm { get; }
    public bool WasHtml { get; }
    public int LineCount => _lineStarts.Length;

    public static ReportText From(string input)
    {
        var text = input.Replace("\r\n", "\n").Replace('\r', '\n');
        var html = LooksLikeHtml(text);
        return new ReportText(html ? HtmlToText(text) : text, html);
    }

    /// <summary>1-based line and column of an offset.</summary>
    public (int Line, int Column) Position(int offset)
    {
        var index = Array.BinarySearch(_lineStarts, offset);
        if (index < 0) index = ~index - 1;
        return (index + 1, offset - _lineStarts[index] + 1);
    }

    public string LineText(int line)
    {
        var start = _lineStarts[line - 1];
        var end = line < _lineStarts.Length ? _lineStarts[line] - 1 : Plain.Length;
        return Plain[start..end];
    }

    public int LineStart(int line) => _lineStarts[line - 1];

    public int LineEnd(int offset)
    {
        var end = Norm.IndexOf('\n', offset);
        return end < 0 ? Norm.Length : end;
    }

    internal static string Fold(string text)
    {
        var chars = new char[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            chars[i] = c switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                '\u3000' or '\u00A0' or '\u200B' or '\u2002' or '\u2003' or '\u2009' => ' ',
                '“' or '”' or '「' or '」' or '『' or '』' or '〝' or '〞' => '"',
                '‘' or '’' => '\'',
                '−' or '–' => '-',
                '〇' => '〇',
                _ => ChineseScript.ToSimplified(c),
            };
        }
        return new string(chars);
    }

    private static bool LooksLikeHtml(string text)
    {
        var probe = text.Length > 4000 ? text[..4000] : text;
        return HtmlProbe().IsMatch(probe);
    }

    /// <summary>
    /// Deliberately small HTML-to-text: blocks become lines, table rows lines, cells tab-separated
    /// (empty cells kept, so a row of 7 cells stays 7 positions). Scripts, styles and comments go.
    /// </summary>
    private static string HtmlToText(string html)
    {
        var body = Invisible().Replace(html, " ");
        var sb = new StringBuilder(body.Length);
        var pos = 0;
        foreach (Match tag in Tag().Matches(body))
        {
            AppendText(sb, body.AsSpan(pos, tag.Index - pos));
            pos = tag.Index + tag.Length;
            var closing = tag.Groups[1].Value == "/";
            var name = tag.Groups[2].Value.ToLowerInvariant();
            switch (name)
            {
                case "td" or "th" when closing:
                    sb.Append('\t');
                    break;
                case "tr" or "table" or "p" or "div" or "br" or "li" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6"
                    or "section" or "article" or "ul" or "ol" or "title" or "header" or "footer" or "dd" or "dt" or "tbody" or "thead":
                    if (name is "tr" && !closing) TrimTrailingBlank(sb);
                    if (sb.Length > 0 && sb[^1] != '\n') sb.Append('\n');
                    break;
            }
        }
        AppendText(sb, body.AsSpan(pos));
        return WebUtility.HtmlDecode(sb.ToString());
    }

    private static void AppendText(StringBuilder sb, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            // Source line breaks inside HTML are layout, not content.
            var ch = c is '\n' or '\t' ? ' ' : c;
            if (ch == ' ' && sb.Length > 0 && (sb[^1] == ' ' || sb[^1] == '\n' || sb[^1] == '\t')) continue;
            sb.Append(ch);
        }
    }

    private static void TrimTrailingBlank(StringBuilder sb)
    {
        while (sb.Length > 0 && sb[^1] == ' ') sb.Length--;
    }

    [GeneratedRegex(@"<\s*(?:html|body|table|td|p|div|br)\b", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlProbe();

    [GeneratedRegex(@"<!--.*?-->|<(script|style|noscript)\b.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Invisible();

    [GeneratedRegex(@"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9]*)[^>]*>")]
    private static partial Regex Tag();
}
