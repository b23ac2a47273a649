using Gongkai.Calendar;
using Gongkai.Catalog;
using Gongkai.Data;
using Gongkai.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Core.Tests.Catalog;

/// <summary>An admin's calendar edit reaches unpublished items: the Art. 26 deadline moves and the item's history says so.</summary>
public sealed class CatalogCalendarChangeTests : IAsyncLifetime
{
    private readonly CatalogTestDb _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    private async Task<Guid> DraftFormedOn(DateOnly writtenOn, string title)
    {
        var editor = CatalogTestDb.Actor(_db.AgencyA, StaffRole.editor);
        var created = await _db.RunAsync(s => s.GetRequiredService<CreateItem>().RunAsync(editor, new ItemContent
        {
            Title = title, Category = DisclosureCategory.art20_11, Topic = Topic.civil_affairs_relief,
            Genre = Genre.notice, Kind = ItemKind.other, WrittenOn = writtenOn, Body = "正文",
        }));
        Assert.True(created.Succeeded, string.Join(";", created.Errors.Select(e => e.Message)));
        return created.Value.Id;
    }

    [Fact]
    public async Task A_holiday_inside_a_pending_items_period_moves_its_deadline_and_is_written_into_its_history_only()
    {
        var pending = await DraftFormedOn(new DateOnly(2026, 11, 16), "关于冬季供暖补贴发放的通知");
        var earlier = await DraftFormedOn(new DateOnly(2026, 3, 2), "关于春耕备耕工作的通知");
        Assert.Equal(new DateOnly(2026, 12, 14), PublicationDeadline.Compute(WorkingCalendar.Embedded, new DateOnly(2026, 11, 16)).Due);

        var holidays = ArrangementText.Format(WorkingCalendar.Embedded.Arrangement(2026)!.Holidays) + "\n临时假日：2026-11-25 至 2026-11-25";
        var saved = await _db.RunAsync(s => s.GetRequiredService<SaveCalendarYear>().RunAsync(
            new CalendarYearInput(2026, null, "关于2026年11月25日临时放假的通知", holidays, "测试增加假日"), "admin"));
        Assert.True(saved.Succeeded, string.Join(";", saved.Errors.Select(e => e.Message)));

        var lines = await _db.RunAsync(s => s.GetRequiredService<GongkaiDb>().AuditEntries.AsNoTracking()
            .Where(a => a.Action == CatalogCalendarChanges.Action).Select(a => new { a.Entity, a.Summary }).ToListAsync());
        var line = Assert.Single(lines);
        Assert.Equal($"Item:{pending}", line.Entity);
        Assert.Equal("工作日历变更（2026年节假日安排：测试增加假日），期限由2026年12月14日改为2026年12月15日。", line.Summary);
        Assert.DoesNotContain(lines, l => l.Entity == $"Item:{earlier}");

        var current = await _db.RunAsync(s => s.GetRequiredService<CalendarStore>().CurrentAsync());
        Assert.Equal(new DateOnly(2026, 12, 15), PublicationDeadline.Compute(current, new DateOnly(2026, 11, 16)).Due);
    }
}
