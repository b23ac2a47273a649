using System.Globalization;
using Gongkai.Calendar;
using Gongkai.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Calendar;

/// <summary>Public deadline calculator: N working days after a date, with the calendar's explanation.</summary>
public sealed class IndexModel(CalendarStore store, TimeProvider clock) : PageModel
{
    // Bound as text so that any input gets our own Chinese message, never a binder error.
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? Days { get; set; }

    public DeadlineResult? Result { get; private set; }
    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (From is null && Days is null)
        {
            From = ChinaTime.Today(clock).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            Days = "20";
            return;
        }
        if (!DateOnly.TryParseExact(From?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
            Problem = "起算日期无法识别，请按“年-月-日”填写，例如 2024-09-27。";
        else if (start.Year <= WorkingCalendar.FirstSupportedYear || start.Year >= WorkingCalendar.LastSupportedYear - 10)
            Problem = $"起算日期须在 {WorkingCalendar.FirstSupportedYear + 1} 年至 {WorkingCalendar.LastSupportedYear - 11} 年之间。";
        else if (!int.TryParse(Days?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n is < 1 or > 1000)
            Problem = "工作日数须为 1 至 1000 之间的整数，例如 20。";
        else
            Result = (await store.CurrentAsync(ct)).ComputeDeadline(new DeadlineRequest(start, n));
        if (Problem is not null) ModelState.AddModelError("", Problem);
    }
}
