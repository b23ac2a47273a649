using System.Collections.Frozen;
using System.Text;

namespace Gongkai.Common;

/// <summary>
/// Folds traditional Chinese characters to simplified ones, character by character, with
/// OpenCC's TSCharacters table. Used wherever text from users or scraped pages is compared with
/// our simplified records (search tokens, the report reader). Character-level folding is enough
/// for matching; it is not meant to produce publishable simplified prose.
/// </summary>
public static class ChineseScript
{
    private static readonly FrozenDictionary<int, int> TraditionalToSimplified = Load();

    /// <summary>True when the text contains at least one character the table folds.</summary>
    public static bool HasTraditional(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (TraditionalToSimplified.ContainsKey(rune.Value)) return true;
        }
        return false;
    }

    public static string ToSimplified(string text)
    {
        if (string.IsNullOrEmpty(text) || !HasTraditional(text)) return text;
        var sb = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            var value = TraditionalToSimplified.TryGetValue(rune.Value, out var simplified) ? simplified : rune.Value;
            sb.Append(char.ConvertFromUtf32(value));
        }
        return sb.ToString();
    }

    public static char ToSimplified(char c) =>
        TraditionalToSimplified.TryGetValue(c, out var s) && s <= char.MaxValue ? (char)s : c;

    private static FrozenDictionary<int, int> Load()
    {
        using var stream = typeof(ChineseScript).Assembly.GetManifestResourceStream("Gongkai.Common.Data.ts-characters.tsv")
            ?? throw new InvalidOperationException("Embedded resource ts-characters.tsv is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var map = new Dictionary<int, int>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var tab = line.IndexOf('\t');
            var from = char.ConvertToUtf32(line, 0);
            var to = char.ConvertToUtf32(line, tab + 1);
            map[from] = to;
        }
        return map.ToFrozenDictionary();
    }
}
