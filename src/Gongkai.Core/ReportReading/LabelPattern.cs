using System.Text;
using System.Text.RegularExpressions;

namespace Gongkai.ReportReading;

/// <summary>
/// Turns a spec label into a tolerant pattern over folded text: whitespace (including line breaks
/// of flattened cells) may appear between any two characters, punctuation is optional, the
/// enumerator ("1." "（三）" "一、") is dropped unless the label is too short to be distinctive
/// without it ("3.其他", "（七）总计"), and a trailing parenthetical note is optional.
/// </summary>
internal static partial class LabelPattern
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.Compiled;

    public static Regex Build(string label)
    {
        var folded = ReportText.Fold(label).Trim();
        var note = "";
        var open = folded.IndexOf('(', 1);
        if (open > 0 && folded.EndsWith(')') && !Enumerator().IsMatch(folded[open..]))
        {
            note = @"(?:\s*\([^)\n]{0,60}\))?";
            folded = folded[..open];
        }
        var core = Enumerator().Replace(folded, "");
        var text = core.Length <= 2 ? folded : core;
        var chars = text.Where(c => !char.IsWhiteSpace(c)).ToList();
        while (chars.Count > 1 && IsPunct(chars[^1])) chars.RemoveAt(chars.Count - 1);
        var sb = new StringBuilder();
        for (var i = 0; i < chars.Count; i++)
        {
            var c = chars[i];
            if (IsPunct(c))
            {
                sb.Append(@"[\s\p{P}]*");
                continue;
            }
            sb.Append(Regex.Escape(c.ToString()));
            if (i < chars.Count - 1 && !IsPunct(chars[i + 1])) sb.Append(@"\s*");
        }
        return new Regex(sb + note, Options);
    }

    private static bool IsPunct(char c) => char.IsPunctuation(c) || char.IsSymbol(c);

    [GeneratedRegex(@"^(?:\d{1,2}\s*[.、]|\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}\s*、)\s*")]
    private static partial Regex Enumerator();
}
