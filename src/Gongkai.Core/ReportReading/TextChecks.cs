using System.Globalization;
using System.Text.RegularExpressions;

namespace Gongkai.ReportReading;

/// <summary>
/// Checks on the prose itself: a share "占…P%" against its count and the total it is a share of,
/// and a breakdown "共N条，其中a条、b条" whose parts add up to more than the total.
/// </summary>
internal static partial class TextChecks
{
    public const string PercentageRule = "text.percentage";
    public const string PartsRule = "text.parts_exceed_total";

    private const string Units = "人次|件|条|次|人|个|项|家|份";

    private readonly record struct Base(int Start, int NumberStart, int NumberEnd, decimal Value, string Unit);

    public static void Check(ReadingState state)
    {
        var norm = state.Norm;
        var bases = new List<Base>();
        foreach (var regex in new[] { TotalBase(), InBase(), OfWhichBase() })
        {
            for (var m = regex.Match(norm); m.Success; m = m.NextMatch())
            {
                var n = m.Groups["n"];
                if (NarrativeReader.IsApproximate(norm, n.Index + n.Length)) continue;
                bases.Add(new Base(m.Index, n.Index, n.Index + n.Length, Parse(n.Value), m.Groups["u"].Value));
            }
        }
        bases.Sort((a, b) => a.NumberStart.CompareTo(b.NumberStart));
        CheckPercentages(state, bases);
        CheckParts(state);
    }

    private static void CheckPercentages(ReadingState state, List<Base> bases)
    {
        var norm = state.Norm;
        for (var m = Share().Match(norm); m.Success; m = m.NextMatch())
        {
            var count = m.Groups["n"];
            var unit = m.Groups["u"].Value;
            var total = bases.LastOrDefault(b => b.NumberEnd <= count.Index && b.NumberStart != count.Index && b.Unit == unit && b.Start >= count.Index - 600);
            if (total.Value <= 0) continue;
            var stated = Parse(m.Groups["p"].Value);
            var decimals = m.Groups["p"].Value.Contains('.') ? m.Groups["p"].Value.Length - m.Groups["p"].Value.IndexOf('.') - 1 : 0;
            var tolerance = 0.5m / (decimal)Math.Pow(10, decimals);
            if (m.Groups["approx"].Success) tolerance = Math.Max(tolerance, 1m);
            var countValue = Parse(count.Value);
            var actual = countValue / total.Value * 100m;
            if (Math.Abs(actual - stated) <= tolerance) continue;
            var countLine = state.Line(count.Index);
            var totalLine = state.Line(total.NumberStart);
            state.Findings.Add(new ReportFinding(PercentageRule, FindingSeverity.Error,
                $"第{countLine}行：{Fmt(countValue)}{unit}占{Fmt(total.Value)}{unit}（第{totalLine}行）的{Round(actual)}%，报告写作{Fmt(stated)}%。",
                new Dictionary<string, decimal?>
                {
                    [$"text:L{countLine}.count"] = countValue,
                    [$"text:L{totalLine}.total"] = total.Value,
                    [$"text:L{countLine}.percent"] = stated,
                },
                [.. new[] { totalLine, countLine }.Distinct()]));
        }
    }

    private static void CheckParts(ReadingState state)
    {
        var norm = state.Norm;
        for (var m = OfWhichBase().Match(norm); m.Success; m = m.NextMatch())
        {
            var n = m.Groups["n"];
            if (NarrativeReader.IsApproximate(norm, n.Index + n.Length)) continue;
            var unit = m.Groups["u"].Value;
            var end = SentenceEnd(norm, m.Index + m.Length);
            var parts = new List<decimal>();
            var depth = 0;
            foreach (var token in NumberToken.Scan(norm, m.Index + m.Length, end))
            {
                depth = Depth(norm, m.Index + m.Length, token.Start);
                if (depth > 0 || token.Kind != NumberKind.Value || NarrativeReader.IsApproximate(norm, token.End)) continue;
                var rest = norm.AsSpan(token.End, Math.Min(3, end - token.End)).TrimStart();
                var isUnit = rest.StartsWith(unit) && !(unit == "次" && rest.StartsWith("人次")) && !(unit == "人" && rest.StartsWith("人次"));
                if (isUnit) parts.Add(token.Value);
            }
            var total = Parse(n.Value);
            var sum = parts.Sum();
            if (parts.Count < 2 || sum <= total) continue;
            var line = state.Line(n.Index);
            state.Findings.Add(new ReportFinding(PartsRule, FindingSeverity.Error,
                $"第{line}行：总数为{Fmt(total)}{unit}，但“其中”所列各项之和为{Fmt(sum)}{unit}，超过总数。",
                new Dictionary<string, decimal?> { [$"text:L{line}.total"] = total, [$"text:L{line}.parts_sum"] = sum },
                [line]));
        }
    }

    private static int Depth(string norm, int from, int to)
    {
        var depth = 0;
        for (var i = from; i < to; i++)
        {
            if (norm[i] == '(') depth++;
            else if (norm[i] == ')' && depth > 0) depth--;
        }
        return depth;
    }

    private static int SentenceEnd(string norm, int from)
    {
        var i = norm.IndexOfAny(['。', '\n'], from);
        return i < 0 ? norm.Length : i;
    }

    internal static decimal Parse(string number) => decimal.Parse(number.Replace(",", ""), CultureInfo.InvariantCulture);

    internal static string Fmt(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?<n>\d[\d,]*)\s*(?<u>" + Units + @")[,，]?\s*(?<approx>约|大约|近)?占(?:了)?[^,，。;；\d%\n]{0,10}?(?<p>\d+(?:\.\d+)?)\s*%")]
    private static partial Regex Share();

    [GeneratedRegex(@"(?:共|累计|合计|总计|全年)(?:有)?[^,，。;；\d\n%]{0,15}?(?<n>\d[\d,]*)\s*(?<u>" + Units + ")")]
    private static partial Regex TotalBase();

    [GeneratedRegex(@"(?<n>\d[\d,]*)\s*(?<u>" + Units + @")[^,，。;；\d\n]{0,6}?中")]
    private static partial Regex InBase();

    [GeneratedRegex(@"(?<n>\d[\d,]*)\s*(?<u>" + Units + @")\s*(?:\([^)\n]{0,20}\))?\s*[,，。;；:：]?\s*其中\s*[,，:：]?")]
    private static partial Regex OfWhichBase();
}
