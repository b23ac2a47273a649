using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Calendar;

/// <summary>
/// A year of the holiday calendar added or corrected by a platform admin (each December the next
/// year's notice appears; mid-year changes happened in 2015, 2019 and 2020). It replaces the
/// embedded year of the same number as a whole. Stored as the arrangement's JSON.
/// </summary>
public sealed class CalendarYearOverride
{
    private CalendarYearOverride() { }

    public int Year { get; private set; }
    public string ArrangementJson { get; private set; } = "";
    /// <summary>Why the year was edited, in Chinese (e.g. "国办发明电〔2026〕12号发布").</summary>
    public string Reason { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";
    /// <summary>Increases with every edit; part of the key of the built-calendar cache.</summary>
    public long Version { get; private set; }

    public static CalendarYearOverride Create(YearArrangement arrangement, string reason, string actor, DateTimeOffset at)
    {
        var row = new CalendarYearOverride { Year = arrangement.Year };
        row.Replace(arrangement, reason, actor, at);
        return row;
    }

    public void Replace(YearArrangement arrangement, string reason, string actor, DateTimeOffset at)
    {
        if (arrangement.Year != Year) throw new InvalidOperationException("An override keeps its year.");
        ArrangementJson = arrangement.ToJson();
        Reason = reason;
        UpdatedBy = actor;
        UpdatedAt = at;
        Version++;
    }

    public YearArrangement ToArrangement() => YearArrangement.FromJson(ArrangementJson);
}

public sealed class CalendarYearOverrideConfiguration : IEntityTypeConfiguration<CalendarYearOverride>
{
    public void Configure(EntityTypeBuilder<CalendarYearOverride> b)
    {
        b.ToTable("calendar_year_overrides");
        b.HasKey(o => o.Year);
        b.Property(o => o.Year).ValueGeneratedNever();
        b.Property(o => o.ArrangementJson).IsRequired();
        b.Property(o => o.Reason).HasMaxLength(200).IsRequired();
        b.Property(o => o.UpdatedBy).HasMaxLength(64).IsRequired();
        b.Property(o => o.Version).IsConcurrencyToken();
    }
}
