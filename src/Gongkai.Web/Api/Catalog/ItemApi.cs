using Gongkai.Catalog;
using Gongkai.Search;
using Gongkai.Web.Catalog;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongkai.Web.Api.Catalog;

/// <summary>GET /api/v1/items — the public catalogue as JSON, with the same search as the portal.</summary>
public static class ItemApi
{
    public sealed record ItemDto(string IndexNo, string Title, string Agency, string? DocNo, DateOnly PublishedOn, string Validity, string Url);

    public sealed record ItemListDto(int Total, IReadOnlyList<ItemDto> Items);

    public static void MapItemApi(this RouteGroupBuilder v1) =>
        v1.MapGet("/items", ListAsync)
            .WithName("ListItems")
            .WithSummary("主动公开的政府信息目录")
            .WithDescription("q 为检索词（与门户检索相同），agency 为机关代码，category 为第二十条类别 1–15，year 为发布年份，page 从 1 开始，每页 20 条。total 为匹配条数；检索词匹配超过 1,000 条（配置项 Search:CountCap）时只计到该上限，total 即为上限值。");

    private static async Task<Results<Ok<ItemListDto>, BadRequest<Microsoft.AspNetCore.Mvc.ProblemDetails>>> ListAsync(
        HttpContext http, SearchCatalog search, AgencyCodes codes,
        string? q, string? agency, string? category, int? year, int? page, CancellationToken ct)
    {
        DisclosureCategory? cat = null;
        if (!string.IsNullOrWhiteSpace(category))
        {
            cat = int.TryParse(category, out var n) ? DisclosureCategories.FromArt20Number(n) : DisclosureCategories.FromKey(category);
            if (cat is null) return Problem("category 应为 1 到 15 的数字（第二十条的项）。");
        }
        if (page is < 1) return Problem("page 从 1 开始。");
        if (year is < 1949 or > 9999) return Problem("year 应为四位年份。");
        var result = await search.RunAsync(new CatalogFilter
        {
            Q = q, AgencyCode = string.IsNullOrWhiteSpace(agency) ? null : agency.Trim(), Category = cat, Year = year, Page = page ?? 1,
        }, ct);
        var names = await codes.AllAsync();
        var origin = $"{http.Request.Scheme}://{http.Request.Host}";
        var items = result.Items.Select(i =>
        {
            var (code, name) = names.GetValueOrDefault(i.AgencyId);
            return new ItemDto(i.IndexNo, i.Title, name, i.DocNo, i.PublishedOn, i.Withdrawn ? "已撤回" : i.Validity.Label(), origin + CatalogUrls.Item(code, i.ItemId));
        }).ToList();
        return TypedResults.Ok(new ItemListDto(result.Total, items));
    }

    private static BadRequest<Microsoft.AspNetCore.Mvc.ProblemDetails> Problem(string detail) =>
        TypedResults.BadRequest(new Microsoft.AspNetCore.Mvc.ProblemDetails { Title = "参数有误", Detail = detail, Status = 400 });
}
