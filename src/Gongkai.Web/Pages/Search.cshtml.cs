using Gongkai.Catalog;
using Gongkai.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages;

/// <summary>The platform-wide catalogue and its search, with facets by agency, category, year and validity.</summary>
public sealed class SearchModel(SearchCatalog search) : PageModel
{
    [FromQuery(Name = "q")] public string? Q { get; set; }
    [FromQuery(Name = "agency")] public string? AgencyCode { get; set; }
    [FromQuery(Name = "category")] public string? Category { get; set; }
    [FromQuery(Name = "year")] public int? Year { get; set; }
    [FromQuery(Name = "validity")] public string? ValidityKey { get; set; }
    [FromQuery(Name = "page")] public int PageNo { get; set; } = 1;

    public CatalogFilter Filter { get; private set; } = new();
    public CatalogPage Results { get; private set; } = null!;
    public CatalogFacets Facets { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Filter = new CatalogFilter
        {
            Q = Q, AgencyCode = string.IsNullOrWhiteSpace(AgencyCode) ? null : AgencyCode, Category = DisclosureCategories.FromKey(Category),
            Year = Year, Validity = CatalogLabels.ParseKey<Validity>(ValidityKey), Page = PageNo,
        };
        Results = await search.RunAsync(Filter, ct);
        Facets = await search.FacetsAsync(Filter, ct);
    }

    public string Link(string? agency = null, string? category = null, int? year = null, string? validity = null, int? page = null)
    {
        var parts = new List<string>();
        void Add(string key, string? value) { if (!string.IsNullOrEmpty(value)) parts.Add($"{key}={Uri.EscapeDataString(value)}"); }
        Add("q", Q);
        Add("agency", agency ?? AgencyCode);
        Add("category", category ?? Category);
        Add("year", (year ?? Year)?.ToString());
        Add("validity", validity ?? ValidityKey);
        Add("page", page?.ToString());
        return "/search" + (parts.Count > 0 ? "?" + string.Join("&", parts) : "");
    }
}
