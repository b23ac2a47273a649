using Gongkai.Common;
using Gongkai.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Calendar;

/// <summary>What a platform admin submits to add or correct a year.</summary>
/// <param name="Holidays">One holiday per line, see <see cref="ArrangementText"/>.</param>
/// <param name="SeenVersion">The override version the admin's form was built from (0: no override then);
/// a save whose admin saw an older state is refused. Null skips the check (the CLI, which shows no form).</param>
public sealed record CalendarYearInput(int Year, string? NoticeNumber, string? NoticeTitle, string? Holidays, string? Reason, long? SeenVersion = null);

/// <summary>The outcome of a calendar edit: which dates changed and how many open deadlines were recomputed.</summary>
public sealed record CalendarEditOutcome(int Year, IReadOnlyList<DateOnly> ChangedDates, int RecomputedDeadlines);

/// <summary>
/// Adds or corrects one year of the holiday calendar. In one unit of work: the override row, the
/// audit entry, and every registered <see cref="ICalendarChangeHandler"/> recomputing the open
/// deadlines the changed dates touch (writing the change into each record's history).
/// </summary>
public sealed class SaveCalendarYear(GongkaiDb db, CalendarStore store, IEnumerable<ICalendarChangeHandler> handlers, TimeProvider clock)
{
    public async Task<Result<CalendarEditOutcome>> RunAsync(CalendarYearInput input, string actor, CancellationToken ct = default)
    {
        var errors = new List<Error>();
        if (input.Year <= WorkingCalendar.FirstSupportedYear || input.Year >= WorkingCalendar.LastSupportedYear)
            return Result<CalendarEditOutcome>.Fail(CalendarErrors.YearOutOfRange(input.Year));
        var title = TextRules.Check(errors, "NoticeTitle", "通知标题", input.NoticeTitle, 120, required: true);
        var number = TextRules.Check(errors, "NoticeNumber", "通知文号", input.NoticeNumber, 40, required: false);
        var reason = TextRules.Check(errors, "Reason", "修订说明", input.Reason, 200, required: false);
        var parsed = ArrangementText.Parse(input.Holidays);
        if (!parsed.Succeeded) errors.AddRange(parsed.Errors);
        if (errors.Count > 0) return Result<CalendarEditOutcome>.Fail(errors);

        // The row first: a save committed after this read fails on the row's version (or key) at our write,
        // so the calendar read next can never be newer than what we write over.
        var row = await db.Set<CalendarYearOverride>().FirstOrDefaultAsync(o => o.Year == input.Year, ct);
        if (input.SeenVersion is { } seen && (row?.Version ?? 0) != seen) return CalendarErrors.EditedMeanwhile(input.Year);
        var before = await store.CurrentAsync(ct);
        // A later notice for the same year (a mid-year change) is added to the ones already on record.
        var notices = (before.Arrangement(input.Year)?.Notices ?? [])
            .Where(n => n.Title != title && (number is null || n.Number != number))
            .Append(new CalendarNotice(number, title!, null)).ToList();
        var arrangement = new YearArrangement(input.Year, notices, parsed.Value);
        var problems = arrangement.Validate();
        if (problems.Count > 0) return Result<CalendarEditOutcome>.Fail(problems.Select(p => p with { Field = "Holidays" }).ToList());

        var after = CalendarStore.With(before, input.Year, arrangement);
        if (!after.Succeeded) return Result<CalendarEditOutcome>.Fail(after.Errors);

        var why = reason ?? $"依据{number ?? title}";
        if (row is null) db.Add(CalendarYearOverride.Create(arrangement, why, actor, clock.GetUtcNow()));
        else row.Replace(arrangement, why, actor, clock.GetUtcNow());

        return await CommitAsync(db, handlers, new CalendarChange(before, after.Value, input.Year, why), actor, "calendar.save_year",
            $"修订{input.Year}年节假日安排（{why}）", ct);
    }

    /// <summary>Shared by save and reset: let features recompute, audit, save once.</summary>
    internal static async Task<Result<CalendarEditOutcome>> CommitAsync(GongkaiDb db, IEnumerable<ICalendarChangeHandler> handlers,
        CalendarChange change, string actor, string action, string summary, CancellationToken ct)
    {
        var recomputed = 0;
        foreach (var handler in handlers) recomputed += await handler.HandleAsync(change, ct);
        var dates = change.ChangedDates.Count == 0 ? "工作日无变化"
            : $"{change.ChangedDates.Count}天的工作日属性变化（{ChineseDate.Runs(change.ChangedDates.Take(40).ToList())}{(change.ChangedDates.Count > 40 ? "等" : "")}）";
        db.Audit.Record(actor, null, action, $"CalendarYear:{change.Year}", $"{summary}：{dates}；重新计算进行中的期限{recomputed}件。");
        // Another admin saved or reset the same year between our read and our write (the override's version token or its primary key tells).
        if (await db.SaveOrRefuseAsync(CalendarErrors.EditedMeanwhile(change.Year), ct) is { } conflict) return conflict;
        return Result<CalendarEditOutcome>.Ok(new CalendarEditOutcome(change.Year, change.ChangedDates, recomputed));
    }
}

/// <summary>Drops an admin's override so the year falls back to the embedded data (or to "not published").</summary>
public sealed class ResetCalendarYear(GongkaiDb db, CalendarStore store, IEnumerable<ICalendarChangeHandler> handlers)
{
    /// <param name="seenVersion">The override version the admin's page showed; a newer one refuses the reset. Null skips the check.</param>
    public async Task<Result<CalendarEditOutcome>> RunAsync(int year, string actor, CancellationToken ct = default, long? seenVersion = null)
    {
        var row = await db.Set<CalendarYearOverride>().FirstOrDefaultAsync(o => o.Year == year, ct);
        if (seenVersion is { } seen && seen != 0 && (row?.Version ?? 0) != seen) return CalendarErrors.EditedMeanwhile(year);
        if (row is null) return new Error("not_overridden", $"{year}年没有管理员修订的安排，无需恢复。");
        var before = await store.CurrentAsync(ct);
        var after = CalendarStore.With(before, year, null);
        if (!after.Succeeded) return Result<CalendarEditOutcome>.Fail(after.Errors);
        db.Remove(row);
        var reason = EmbeddedArrangements.All.Any(y => y.Year == year) ? "恢复为系统内置安排" : "删除该年安排";
        return await SaveCalendarYear.CommitAsync(db, handlers,
            new CalendarChange(before, after.Value, year, reason), actor, "calendar.reset_year", $"{year}年节假日安排{reason}", ct);
    }
}
