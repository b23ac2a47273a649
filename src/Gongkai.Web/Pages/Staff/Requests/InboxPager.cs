namespace Gongkai.Web.Pages.Staff.Requests;

/// <summary>
/// The inbox list's pager: 上一页 / 下一页 and the page numbers around the current page, with the first and last
/// page always shown and gaps (…) between. Total pages come from the list's total (the cached status counts).
/// </summary>
public sealed record InboxPager(int Current, int Pages)
{
    /// <summary>How many page numbers on each side of the current page.</summary>
    public const int Around = 2;

    public static InboxPager Of(int page, int total, int pageSize) =>
        new(Math.Max(page, 1), total <= 0 ? 0 : (total + pageSize - 1) / pageSize);

    public bool Shown => Pages > 1;
    public bool HasPrevious => Current > 1 && Pages > 0;
    public bool HasNext => Current < Pages;
    /// <summary>上一页 from a page past the end goes to the last page.</summary>
    public int Previous => Math.Min(Current - 1, Pages);

    /// <summary>Page numbers to link, in order; null marks a gap.</summary>
    public IReadOnlyList<int?> Numbers()
    {
        var numbers = new List<int?>();
        var from = Math.Max(1, Math.Min(Current, Pages) - Around);
        var to = Math.Min(Pages, Math.Max(Current, 1) + Around);
        if (from > 1) numbers.Add(1);
        if (from > 2) numbers.Add(null);
        for (var n = from; n <= to; n++) numbers.Add(n);
        if (to < Pages - 1) numbers.Add(null);
        if (to < Pages) numbers.Add(Pages);
        return numbers;
    }
}
