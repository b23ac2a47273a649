using Gongkai.Agencies;
using Gongkai.Catalog;
using Gongkai.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Catalog;

/// <summary>The agency a /gk/{agency} page belongs to, with what every column page shows in its header.</summary>
public sealed record ColumnAgency(Guid Id, string Code, string Name, AgencyKind Kind, AgencyCatalogSettings Settings)
{
    public static async Task<ColumnAgency?> LoadAsync(GongkaiDb db, string code, CancellationToken ct)
    {
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Code == code).Select(a => new { a.Id, a.Code, a.Name, a.Kind }).FirstOrDefaultAsync(ct);
        if (agency is null) return null;
        var settings = await db.CatalogSettings.AsNoTracking().FirstOrDefaultAsync(s => s.AgencyId == agency.Id, ct)
            ?? AgencyCatalogSettings.Default(agency.Id, agency.Kind);
        return new ColumnAgency(agency.Id, agency.Code, agency.Name, agency.Kind, settings);
    }

    public IReadOnlyList<DisclosureCategory> Categories => DisclosureCategories.For(Settings.Art21Level);
}

/// <summary>Public URLs of the catalogue, in one place.</summary>
public static class CatalogUrls
{
    public static string Column(string agency) => $"/gk/{agency}";
    public static string Item(string agency, Guid id) => $"/gk/{agency}/items/{id}";
    public static string Print(string agency, Guid id) => $"/gk/{agency}/items/{id}/print";
    public static string File(Guid attachmentId) => $"/gk/files/{attachmentId}";
}
