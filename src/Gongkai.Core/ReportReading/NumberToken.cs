using System.Globalization;

namespace Gongkai.ReportReading;

internal enum NumberKind
{
    /// <summary>A figure that can be a cell value.</summary>
    Value,
    Percent,
    /// <summary>"1." / "2、" / "(3)" in front of a label.</summary>
    Enumerator,
    /// <summary>Part of a date, an ordinal or a code: never a figure.</summary>
    Other,
}

internal readonly record struct NumberToken(int Start, int End, decimal Value, NumberKind Kind)
{
    /// <summary>Scans <paramref name="text"/> (folded) between two offsets for numbers.</summary>
    public static List<NumberToken> Scan(string text, int start, int end)
    {
        var tokens = new List<NumberToken>();
        var i = start;
        while (i < end)
        {
            var c = text[i];
            var negative = c == '-' && i + 1 < end && char.IsAsciiDigit(text[i + 1]) && (i == 0 || !char.IsAsciiDigit(text[i - 1]));
            if (!char.IsAsciiDigit(c) && !negative)
            {
                i++;
                continue;
            }
            var tokenStart = i;
            if (negative) i++;
            // Not a number of its own when glued to ASCII letters/digits before it (URLs, codes).
            var glued = tokenStart > 0 && (char.IsAsciiLetter(text[tokenStart - 1]) || text[tokenStart - 1] is '.' or '/' or '_');
            while (i < end && (char.IsAsciiDigit(text[i])
                || (text[i] == ',' && IsThousands(text, i, end))
                || (text[i] == '.' && i + 1 < end && char.IsAsciiDigit(text[i + 1]) && !text.AsSpan(tokenStart, i - tokenStart).Contains('.'))))
            {
                i++;
            }
            var raw = text.AsSpan(tokenStart, i - tokenStart).ToString().Replace(",", "");
            if (!decimal.TryParse(raw, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                continue;
            }
            var kind = glued ? NumberKind.Other : Classify(text, tokenStart, i, text.Length);
            tokens.Add(new NumberToken(tokenStart, i, value, kind));
        }
        return tokens;
    }

    private static bool IsThousands(string text, int comma, int end) =>
        comma + 3 < end
        && char.IsAsciiDigit(text[comma + 1]) && char.IsAsciiDigit(text[comma + 2]) && char.IsAsciiDigit(text[comma + 3])
        && (comma + 4 >= end || !char.IsAsciiDigit(text[comma + 4]));

    private static NumberKind Classify(string text, int start, int end, int limit)
    {
        var after = end;
        while (after < limit && text[after] == ' ') after++;
        var next = after < limit ? text[after] : '\n';
        var before = start > 0 ? text[start - 1] : '\n';
        if (next == '%') return NumberKind.Percent;
        if (next is '年' or '月' or '日' or '号' or '时' or '周' or '季' or '届' || before is '第' or '〔' or '[' or '#')
        {
            return NumberKind.Other;
        }
        // Clock times (14:51) and phone-style codes.
        if (next == ':' && after + 1 < limit && char.IsAsciiDigit(text[after + 1])) return NumberKind.Other;
        if (before == ':' && start >= 2 && char.IsAsciiDigit(text[start - 2])) return NumberKind.Other;
        if (next is '.' or '、')
        {
            // "1.属于国家秘密", "2、传真申请数": an enumerator when text follows on the same line.
            var k = after + 1;
            while (k < limit && text[k] == ' ') k++;
            if (k < limit && text[k] is not ('\n' or '\t' or '|') && !char.IsAsciiDigit(text[k])) return NumberKind.Enumerator;
        }
        if (before == '(' && next == ')') return NumberKind.Enumerator;
        return NumberKind.Value;
    }
}
