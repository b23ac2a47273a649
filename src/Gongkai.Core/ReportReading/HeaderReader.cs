using System.Text.RegularExpressions;

namespace Gongkai.ReportReading;

/// <summary>Agency and report year from the title ("开阳县人民政府2019年政府信息公开工作年度报告").</summary>
internal static partial class HeaderReader
{
    public static (string? Agency, int? Year) Read(string norm)
    {
        var head = norm.Length > 6000 ? norm[..6000] : norm;
        foreach (var line in head.Split('\n'))
        {
            if (!line.Contains("报告") && !line.Contains("报 告")) continue;
            var m = AgencyFirst().Match(line);
            if (!m.Success) m = YearFirst().Match(line);
            if (m.Success) return (Canonical(m.Groups["agency"].Value), int.Parse(m.Groups["year"].Value));
        }
        var year = YearOnly().Match(head);
        return (null, year.Success ? int.Parse(year.Groups["year"].Value) : null);
    }

    /// <summary>"常熟市" in "2008年常熟市政府信息公开…" is the city's people's government.</summary>
    private static string Canonical(string agency)
    {
        if (agency.EndsWith("政府", StringComparison.Ordinal) && !agency.EndsWith("人民政府", StringComparison.Ordinal))
        {
            agency = agency[..^2];
        }
        return agency.Length > 0 && agency[^1] is '市' or '县' or '区' or '旗' or '州' or '盟' or '省' or '镇' or '乡'
            ? agency + "人民政府"
            : agency;
    }

    [GeneratedRegex(@"(?<agency>\p{IsCJKUnifiedIdeographs}{2,30}?)\s*(?<year>(?:19|20)\d{2})\s*年\s*度?\s*(?:的)?\s*(?:政府信息公开|政务公开|信息公开)")]
    private static partial Regex AgencyFirst();

    [GeneratedRegex(@"(?<year>(?:19|20)\d{2})\s*年\s*度?\s*(?<agency>\p{IsCJKUnifiedIdeographs}{2,30}?)\s*(?:政府信息公开|政务公开|信息公开)")]
    private static partial Regex YearFirst();

    [GeneratedRegex(@"(?<year>(?:19|20)\d{2})\s*年\s*度?\s*(?:政府信息公开|政务公开)")]
    private static partial Regex YearOnly();
}
