using Gongkai.Catalog;
using Gongkai.Data;
using Gongkai.Search;
using Gongkai.Web.Catalog;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Gk;

/// <summary>An agency's 法定主动公开内容: its catalogue, browsable by Art. 20/21 category, topic, genre and year, and searchable.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PublicPageCache.PolicyName)]
public sealed class ColumnModel(GongkaiDb db, SearchCatalog search) : PageModel
{
    [FromQuery(Name = "q")] public string? Q { get; set; }
    [FromQuery(Name = "category")] public string? Category { get; set; }
    [FromQuery(Name = "topic")] public string? Topic { get; set; }
    [FromQuery(Name = "genre")] public string? Genre { get; set; }
    [FromQuery(Name = "year")] public int? Year { get; set; }
    [FromQuery(Name = "page")] public int PageNo { get; set; } = 1;

    public ColumnAgency Agency { get; private set; } = null!;
    public CatalogPage Results { get; private set; } = null!;
    public CatalogFacets Facets { get; private set; } = null!;
    public CatalogFilter Filter { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync(string agency, CancellationToken ct)
    {
        var loaded = await ColumnAgency.LoadAsync(db, agency, ct);
        if (loaded is null) return NotFound();
        Agency = loaded;
        Filter = new CatalogFilter
        {
            Q = Q, AgencyCode = agency, Category = DisclosureCategories.FromKey(Category),
            Topic = CatalogLabels.ParseKey<Topic>(Topic), Genre = CatalogLabels.ParseKey<Genre>(Genre), Year = Year, Page = PageNo,
        };
        Results = await search.RunAsync(Filter, ct);
        Facets = await search.FacetsAsync(Filter with { Category = null }, ct);
        return Page();
    }

    public string Link(string? category = null, string? topic = null, string? genre = null, int? year = null, int? page = null, bool keep = true)
    {
        var query = new List<string>();
        void Add(string key, string? value) { if (!string.IsNullOrEmpty(value)) query.Add($"{key}={Uri.EscapeDataString(value)}"); }
        Add("q", keep ? Q : null);
        Add("category", category ?? (keep ? Category : null));
        Add("topic", topic ?? (keep ? Topic : null));
        Add("genre", genre ?? (keep ? Genre : null));
        Add("year", (year ?? (keep ? Year : null))?.ToString());
        Add("page", page?.ToString());
        return CatalogUrls.Column(Agency.Code) + (query.Count > 0 ? "?" + string.Join("&", query) : "");
    }
}
