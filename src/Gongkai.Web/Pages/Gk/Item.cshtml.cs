using Gongkai.Catalog;
using Gongkai.Data;
using Gongkai.Web.Catalog;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QRCoder;

namespace Gongkai.Web.Pages.Gk;

/// <summary>One published item: the catalogue table, the body, the attachments, a QR code and a print view.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PublicPageCache.PolicyName)]
public sealed class ItemModel(GongkaiDb db) : PageModel
{
    public ColumnAgency Agency { get; private set; } = null!;
    public PublishedItem Item { get; private set; } = null!;
    public List<ItemAttachment> Files { get; private set; } = [];
    public string BodyHtml { get; private set; } = "";
    public string QrSvg { get; private set; } = "";
    public bool PrintView { get; private set; }

    public Task<IActionResult> OnGetAsync(string agency, Guid id, CancellationToken ct) => LoadAsync(agency, id, false, ct);

    public Task<IActionResult> OnGetPrintAsync(string agency, Guid id, CancellationToken ct) => LoadAsync(agency, id, true, ct);

    private async Task<IActionResult> LoadAsync(string agency, Guid id, bool print, CancellationToken ct)
    {
        var loaded = await ColumnAgency.LoadAsync(db, agency, ct);
        if (loaded is null) return NotFound();
        var item = await db.PublishedItems.AsNoTracking().FirstOrDefaultAsync(p => p.ItemId == id && p.AgencyId == loaded.Id, ct);
        if (item is null || !item.IsListed) return NotFound();
        (Agency, Item, PrintView) = (loaded, item, print);
        if (!item.Withdrawn)
        {
            BodyHtml = SafeMarkdown.ToHtml(item.Body);
            Files = await db.ItemAttachments.AsNoTracking().Where(a => a.ItemId == id && a.PublishedAt != null && a.RemovedAt == null)
                .ToListAsync(ct);
            // SQLite cannot order by a DateTimeOffset column; a handful of files sort fine here.
            Files = Files.OrderBy(a => a.UploadedAt).ToList();
        }
        var url = $"{Request.Scheme}://{Request.Host}{CatalogUrls.Item(agency, id)}";
        using var data = QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.M);
        QrSvg = new SvgQRCode(data).GetGraphic(3);
        return Page();
    }
}
