using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Calendar;

public static class CalendarServices
{
    /// <summary>
    /// The calendar store and its use cases. Features with deadlines register their recomputation
    /// with one line each: <c>services.AddScoped&lt;ICalendarChangeHandler, MyDeadlines&gt;();</c>
    /// </summary>
    public static IServiceCollection AddCalendar(this IServiceCollection services)
    {
        services.AddSingleton<WorkingCalendarCache>();
        services.AddScoped<CalendarStore>();
        services.AddScoped<SaveCalendarYear>();
        services.AddScoped<ResetCalendarYear>();
        return services;
    }
}
