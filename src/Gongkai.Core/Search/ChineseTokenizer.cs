using System.Globalization;
using System.Text;
using Gongkai.Common;

namespace Gongkai.Search;

public enum TokenKind
{
    /// <summary>A run of letters and digits (Latin, digits, other alphabetic scripts), lower-cased.</summary>
    Word,

    /// <summary>Two adjacent CJK characters: the character at this position and the next one.</summary>
    Bigram,

    /// <summary>The last character of a CJK run of two or more characters.</summary>
    RunEnd,

    /// <summary>A CJK run of exactly one character.</summary>
    Single,
}

/// <param name="Text">The normalised token (simplified, NFKC, lower-case).</param>
/// <param name="Start">Start of the token in the source text (UTF-16 index).</param>
/// <param name="End">End (exclusive) of the token in the source text.</param>
/// <param name="FirstEnd">End of the token's first character in the source text (for highlighting prefix matches).</param>
public readonly record struct Token(string Text, TokenKind Kind, int Start, int End, int FirstEnd);

/// <summary>
/// The one tokenizer used both to index and to query, so that both sides always agree.
///
/// Text is normalised character by character (NFKC: full-width letters and digits become ASCII;
/// traditional characters fold to simplified; letters are lower-cased). Every CJK run of n
/// characters becomes a stream of n tokens: at each position the bigram that starts there, and at
/// the last position the single character. Because a token depends only on its own character and
/// the next one, a query's token stream occurs inside a document's stream exactly when the query
/// text occurs in the document text (punctuation and brackets aside) — which is what makes
/// two-character words, longer phrases and 文号 like 开府办发〔2019〕38号 match exactly, and
/// single characters match as a prefix of the token at their position.
/// Runs of letters and digits are single tokens. Everything else (spaces, punctuation, all kinds
/// of brackets 〔〕[]【】()) separates tokens.
/// </summary>
public static class ChineseTokenizer
{
    /// <summary>Words longer than this are cut, on both sides alike, so that junk cannot bloat the index.</summary>
    public const int MaxWordLength = 40;

    public static List<Token> Tokenize(string? text)
    {
        var tokens = new List<Token>();
        if (string.IsNullOrEmpty(text)) return tokens;

        var normalised = Normalise(text);
        var i = 0;
        while (i < normalised.Count)
        {
            var c = normalised[i];
            if (c.Class == CharClass.Separator) { i++; continue; }

            var runStart = i;
            while (i < normalised.Count && normalised[i].Class == c.Class) i++;
            if (c.Class == CharClass.Cjk) EmitCjkRun(normalised, runStart, i, tokens);
            else EmitWord(normalised, runStart, i, tokens);
        }
        return tokens;
    }

    private static void EmitCjkRun(List<NormalChar> chars, int from, int to, List<Token> tokens)
    {
        if (to - from == 1)
        {
            var only = chars[from];
            tokens.Add(new Token(only.Text, TokenKind.Single, only.Start, only.End, only.End));
            return;
        }
        for (var k = from; k < to - 1; k++)
        {
            var a = chars[k];
            var b = chars[k + 1];
            tokens.Add(new Token(a.Text + b.Text, TokenKind.Bigram, a.Start, Math.Max(a.End, b.End), a.End));
        }
        var last = chars[to - 1];
        tokens.Add(new Token(last.Text, TokenKind.RunEnd, last.Start, last.End, last.End));
    }

    private static void EmitWord(List<NormalChar> chars, int from, int to, List<Token> tokens)
    {
        var sb = new StringBuilder();
        for (var k = from; k < to && sb.Length < MaxWordLength; k++) sb.Append(chars[k].Text);
        var text = sb.Length > MaxWordLength ? sb.ToString(0, MaxWordLength) : sb.ToString();
        tokens.Add(new Token(text, TokenKind.Word, chars[from].Start, chars[to - 1].End, chars[from].End));
    }

    private enum CharClass { Separator, Cjk, Word }

    /// <summary>One normalised character (as a string: it may be a surrogate pair) and the source span it came from.</summary>
    private readonly record struct NormalChar(string Text, CharClass Class, int Start, int End);

    private static List<NormalChar> Normalise(string text)
    {
        var result = new List<NormalChar>(text.Length);
        var pos = 0;
        while (pos < text.Length)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(pos), out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                pos += Math.Max(consumed, 1); // a lone surrogate separates, like any unreadable character
                result.Add(new NormalChar(" ", CharClass.Separator, pos - 1, pos));
                continue;
            }
            var start = pos;
            pos += consumed;
            AddRune(rune, start, pos, result);
        }
        return result;
    }

    private static void AddRune(Rune rune, int start, int end, List<NormalChar> result)
    {
        var v = rune.Value;
        if (v < 0x80)
        {
            if (char.IsAsciiLetterOrDigit((char)v)) result.Add(new NormalChar(CharString(char.ToLowerInvariant((char)v)), CharClass.Word, start, end));
            else result.Add(new NormalChar(" ", CharClass.Separator, start, end));
            return;
        }
        if (v is >= 0x4E00 and <= 0x9FFF)
        {
            result.Add(new NormalChar(CharString(ChineseScript.ToSimplified((char)v)), CharClass.Cjk, start, end));
            return;
        }

        // Rare characters: compatibility forms (full-width letters, circled digits, CJK
        // compatibility ideographs) decompose to ordinary ones; each result keeps the source span.
        var decomposed = rune.ToString().Normalize(NormalizationForm.FormKC);
        foreach (var r in decomposed.EnumerateRunes())
        {
            var cls = Classify(r);
            if (cls == null) continue; // format characters such as zero-width spaces are ignored
            var s = cls == CharClass.Cjk ? ChineseScript.ToSimplified(r.ToString())
                : cls == CharClass.Word ? Rune.ToLowerInvariant(r).ToString()
                : " ";
            result.Add(new NormalChar(s, cls.Value, start, end));
        }
    }

    // Indexing a million documents turns every character into a string; sharing one string per
    // BMP character keeps that from allocating.
    private static readonly string?[] CharStrings = new string?[0x10000];

    private static string CharString(char c) => CharStrings[c] ??= c.ToString();

    private static CharClass? Classify(Rune r)
    {
        var v = r.Value;
        if (IsCjk(v)) return CharClass.Cjk;
        var category = Rune.GetUnicodeCategory(r);
        if (category == UnicodeCategory.Format) return null;
        if (Rune.IsLetterOrDigit(r)) return CharClass.Word;
        return CharClass.Separator;
    }

    private static bool IsCjk(int v) =>
        v is >= 0x4E00 and <= 0x9FFF    // CJK unified ideographs
        or >= 0x3400 and <= 0x4DBF      // extension A
        or >= 0x20000 and <= 0x3134F    // extensions B–G
        or >= 0xF900 and <= 0xFAFF      // compatibility ideographs (NFKC usually maps these away)
        or 0x3007                       // 〇
        or >= 0x3040 and <= 0x30FF      // kana
        or >= 0xAC00 and <= 0xD7AF;     // hangul syllables
}
