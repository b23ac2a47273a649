namespace Gongkai.Calendar;

/// <summary>The arrangements of 2008–2026 shipped with Gongkai (Data/arrangements.json, authored from spec/holidays.md).</summary>
public static class EmbeddedArrangements
{
    private const string ResourceName = "Gongkai.Calendar.Data.arrangements.json";

    private static readonly Lazy<IReadOnlyList<YearArrangement>> Years = new(Load);

    public static IReadOnlyList<YearArrangement> All => Years.Value;

    private static IReadOnlyList<YearArrangement> Load()
    {
        using var stream = typeof(EmbeddedArrangements).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        var years = YearArrangement.ListFromJson(reader.ReadToEnd());
        var broken = years.SelectMany(y => y.Validate()).ToList();
        if (broken.Count > 0)
            throw new InvalidOperationException("Embedded calendar data is invalid: " + string.Join(" ", broken.Select(e => e.Message)));
        return years;
    }
}
