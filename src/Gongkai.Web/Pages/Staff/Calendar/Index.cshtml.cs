using Gongkai.Calendar;
using Gongkai.Common;
using Gongkai.Data;
using Gongkai.Web.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Staff.Calendar;

/// <summary>The working-day calendar by year (month grids); platform admins add or correct a year here.</summary>
public sealed class IndexModel(CalendarStore store, GongkaiDb db, CurrentStaff staff, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    public sealed class InputModel
    {
        public string? NoticeNumber { get; set; }
        public string? NoticeTitle { get; set; }
        public string? Holidays { get; set; }
        public string? Reason { get; set; }
        /// <summary>The override version the form was built from (0: none); a newer one on save means someone else saved meanwhile.</summary>
        public long? Version { get; set; }
    }

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();

    public WorkingCalendar Calendar { get; private set; } = WorkingCalendar.Embedded;
    public YearArrangement? Arrangement { get; private set; }
    public CalendarYearOverride? Override { get; private set; }
    public bool CanEdit { get; private set; }
    public int ShownYear => Year ?? ChinaTime.Today(clock).Year;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await MayEditAsync();
        if (!ValidYear()) return Page();
        await LoadAsync(ct);
        Input = new InputModel
        {
            NoticeNumber = Arrangement?.Notices.LastOrDefault()?.Number,
            NoticeTitle = Arrangement?.Notices.LastOrDefault()?.Title ?? $"国务院办公厅关于{ShownYear}年部分节假日安排的通知",
            Holidays = Arrangement is null ? "" : ArrangementText.Format(Arrangement.Holidays),
            Version = Override?.Version ?? 0,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync([FromServices] SaveCalendarYear save, CancellationToken ct)
    {
        if (!await MayEditAsync()) return Forbid();
        if (!ValidYear()) return Page();
        var result = await save.RunAsync(new CalendarYearInput(ShownYear, Input.NoticeNumber, Input.NoticeTitle, Input.Holidays, Input.Reason, Input.Version), staff.Actor, ct);
        if (result.Succeeded)
        {
            TempData["Notice"] = Summary("已保存", result.Value);
            return Redirect($"/staff/calendar?year={ShownYear}");
        }
        ModelState.AddErrors(result.Errors);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostResetAsync([FromServices] ResetCalendarYear reset, CancellationToken ct)
    {
        if (!await MayEditAsync()) return Forbid();
        if (!ValidYear()) return Page();
        var result = await reset.RunAsync(ShownYear, staff.Actor, ct, Input.Version);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors);
            await LoadAsync(ct);
            return Page();
        }
        TempData["Notice"] = Summary("已恢复", result.Value);
        return Redirect($"/staff/calendar?year={ShownYear}");
    }

    private static string Summary(string verb, CalendarEditOutcome o) =>
        $"{verb}{o.Year}年节假日安排：{(o.ChangedDates.Count == 0 ? "工作日没有变化" : $"{o.ChangedDates.Count}天的工作日属性发生变化")}，重新计算进行中的期限{o.RecomputedDeadlines}件。";

    private async Task<bool> MayEditAsync() => CanEdit = (await authorization.AuthorizeAsync(User, CalendarPolicies.Edit)).Succeeded;

    private bool ValidYear()
    {
        if (ShownYear > WorkingCalendar.FirstSupportedYear && ShownYear < WorkingCalendar.LastSupportedYear) return true;
        ModelState.AddModelError("", $"年份 {ShownYear} 超出范围，请选择 {WorkingCalendar.FirstSupportedYear + 1} 至 {WorkingCalendar.LastSupportedYear - 1} 年。");
        Year = ChinaTime.Today(clock).Year;
        return false;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Calendar = await store.CurrentAsync(ct);
        Arrangement = Calendar.Arrangement(ShownYear);
        Override = await db.Set<CalendarYearOverride>().AsNoTracking().FirstOrDefaultAsync(o => o.Year == ShownYear, ct);
    }
}
