namespace Gongkai.Web.Portal;

public sealed record PortalNavEntry(string Title, string Path);

/// <summary>The portal's main navigation bar. One line per feature.</summary>
public static class PortalNavigation
{
    public static readonly IReadOnlyList<PortalNavEntry> Entries =
    [
        new("首页", "/"),
        new("政府信息公开", "/#agencies"),
        new("期限计算", "/calendar"),
        new("信息检索", "/search"),
        new("依申请公开", "/requests/apply"),
        new("申请查询", "/requests/track"),
        new("开放接口", "/api"),
    ];
}
