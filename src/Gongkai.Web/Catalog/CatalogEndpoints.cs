using System.Text;
using System.Xml;
using Gongkai.Catalog;
using Gongkai.Catalog.Import;
using Gongkai.Data;
using Gongkai.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Gongkai.Web.Catalog;

/// <summary>Public non-page endpoints of the catalogue: attachment downloads, Atom feeds, sitemap.xml and the CSV open-data export.</summary>
public static class CatalogEndpoints
{
    public const int FeedSize = 50;
    public const int ExportLimit = 200_000;

    public static void MapCatalogEndpoints(this WebApplication app)
    {
        app.MapGet("/gk/files/{id:guid}", FileAsync).ExcludeFromDescription();
        app.MapGet("/gk/{agency}/feed.atom", (string agency, HttpContext http, GongkaiDb db, CancellationToken ct) => FeedAsync(http, db, agency, ct)).ExcludeFromDescription();
        app.MapGet("/feed.atom", (HttpContext http, GongkaiDb db, CancellationToken ct) => FeedAsync(http, db, null, ct)).ExcludeFromDescription();
        app.MapGet("/sitemap.xml", SitemapAsync).ExcludeFromDescription();
        app.MapGet("/catalog.csv", ExportAsync).ExcludeFromDescription();
    }

    /// <summary>
    /// Serves a published attachment from outside the web root, always as a download, with the
    /// type found at upload and headers that stop a browser from interpreting it as anything else.
    /// </summary>
    private static async Task<IResult> FileAsync(Guid id, HttpContext http, GongkaiDb db, CatalogOptions options, DatabaseOptions database, CancellationToken ct)
    {
        var file = await db.ItemAttachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.PublishedAt != null && a.RemovedAt == null, ct);
        if (file is null) return Results.NotFound();
        var visible = await db.PublishedItems.AsNoTracking().AnyAsync(p => p.ItemId == file.ItemId && !p.Withdrawn && p.Mode == DisclosureMode.proactive, ct);
        var path = AddAttachment.PathOf(options, database, file);
        if (!visible || !File.Exists(path)) return Results.NotFound();
        http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        http.Response.Headers[HeaderNames.ContentSecurityPolicy] = "default-src 'none'; sandbox";
        return Results.File(path, file.Type.ContentType(), file.DisplayName, enableRangeProcessing: true);
    }

    private static async Task<IResult> FeedAsync(HttpContext http, GongkaiDb db, string? agencyCode, CancellationToken ct)
    {
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => (a.Code, a.Name), ct);
        var agency = agencyCode is null ? null : agencies.Values.FirstOrDefault(a => a.Code == agencyCode).Code;
        if (agencyCode is not null && agency is null) return Results.NotFound();
        var query = db.PublishedItems.AsNoTracking().Where(p => p.Mode == DisclosureMode.proactive);
        if (agency is not null) query = query.Where(p => db.Agencies.Any(a => a.Id == p.AgencyId && a.Code == agency));
        var items = await query.OrderByDescending(p => p.SearchKey).Take(FeedSize).ToListAsync(ct);
        var origin = $"{http.Request.Scheme}://{http.Request.Host}";
        var title = agency is null ? "政府信息公开 最新信息" : $"{agencies.Values.First(a => a.Code == agency).Name} 政府信息公开";

        var sb = new StringBuilder();
        using (var w = XmlWriter.Create(sb, new XmlWriterSettings { Indent = true, Async = false, OmitXmlDeclaration = false }))
        {
            w.WriteStartElement("feed", "http://www.w3.org/2005/Atom");
            w.WriteElementString("title", title);
            w.WriteElementString("id", origin + (agency is null ? "/feed.atom" : $"/gk/{agency}/feed.atom"));
            w.WriteElementString("updated", (items.FirstOrDefault()?.UpdatedAt ?? DateTimeOffset.UnixEpoch).ToString("yyyy-MM-ddTHH:mm:ssZ"));
            Link(w, "self", origin + (agency is null ? "/feed.atom" : $"/gk/{agency}/feed.atom"));
            foreach (var i in items)
            {
                var (code, name) = agencies.GetValueOrDefault(i.AgencyId);
                var url = origin + CatalogUrls.Item(code, i.ItemId);
                w.WriteStartElement("entry");
                w.WriteElementString("title", i.Title);
                w.WriteElementString("id", url);
                Link(w, "alternate", url);
                w.WriteElementString("updated", i.UpdatedAt.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ"));
                w.WriteElementString("published", i.PublishedOn.ToString("yyyy-MM-dd") + "T00:00:00+08:00");
                w.WriteStartElement("author"); w.WriteElementString("name", name); w.WriteEndElement();
                w.WriteElementString("summary", $"索引号：{i.IndexNo}" + (i.DocNo is null ? "" : $"　文号：{i.DocNo}") + (i.Summary is null ? "" : $"　{i.Summary}"));
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        return Results.Text(sb.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\""), "application/atom+xml; charset=utf-8");
    }

    private static void Link(XmlWriter w, string rel, string href)
    {
        w.WriteStartElement("link");
        w.WriteAttributeString("rel", rel);
        w.WriteAttributeString("href", href);
        w.WriteEndElement();
    }

    /// <summary>The portal's pages for search engines: home, every column and its pages, and the newest published items (sitemaps hold at most 50,000 URLs).</summary>
    private static async Task<IResult> SitemapAsync(HttpContext http, GongkaiDb db, CancellationToken ct)
    {
        var origin = $"{http.Request.Scheme}://{http.Request.Host}";
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Code, ct);
        // Built in memory (at most 50,000 URLs, a few MB): XmlWriter writes synchronously, which Kestrel forbids on the response stream.
        var buffer = new MemoryStream();
        var w = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        w.WriteStartDocument();
        w.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
        void Url(string loc, DateOnly? lastmod = null)
        {
            w.WriteStartElement("url");
            w.WriteElementString("loc", origin + loc);
            if (lastmod is { } d) w.WriteElementString("lastmod", d.ToString("yyyy-MM-dd"));
            w.WriteEndElement();
        }
        Url("/");
        Url("/search");
        foreach (var code in agencies.Values)
        {
            foreach (var page in new[] { "", "/guide", "/rules", "/reports" }) Url($"/gk/{code}{page}");
        }
        var remaining = 50_000 - 2 - agencies.Count * 4;
        await foreach (var i in db.PublishedItems.AsNoTracking().Where(p => p.Mode == DisclosureMode.proactive)
            .OrderByDescending(p => p.SearchKey).Take(remaining).Select(p => new { p.ItemId, p.AgencyId, p.UpdatedAt }).AsAsyncEnumerable().WithCancellation(ct))
        {
            Url(CatalogUrls.Item(agencies.GetValueOrDefault(i.AgencyId) ?? "", i.ItemId), DateOnly.FromDateTime(i.UpdatedAt.UtcDateTime));
        }
        w.WriteEndElement();
        w.WriteEndDocument();
        w.Flush();
        return Results.Bytes(buffer.ToArray(), "application/xml; charset=utf-8");
    }

    /// <summary>The catalogue as open data (UTF-8 with BOM so that spreadsheet programs read the Chinese), streamed.</summary>
    private static async Task ExportAsync(HttpContext http, GongkaiDb db, string? agency, CancellationToken ct)
    {
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => (a.Code, a.Name), ct);
        var query = db.PublishedItems.AsNoTracking().Where(p => p.Mode == DisclosureMode.proactive);
        if (!string.IsNullOrWhiteSpace(agency))
        {
            if (!agencies.Values.Any(a => a.Code == agency)) { http.Response.StatusCode = 404; return; }
            query = query.Where(p => db.Agencies.Any(a => a.Id == p.AgencyId && a.Code == agency));
        }
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"catalog{(string.IsNullOrWhiteSpace(agency) ? "" : "-" + agency)}.csv\"";
        var origin = $"{http.Request.Scheme}://{http.Request.Host}";
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(true));
        await writer.WriteLineAsync("index_no,title,agency,doc_no,category,topic,genre,kind,written_on,published_on,validity,validity_changed_on,withdrawn,keywords,summary,url");
        await foreach (var i in query.OrderByDescending(p => p.SearchKey).Take(ExportLimit).AsAsyncEnumerable().WithCancellation(ct))
        {
            var (code, name) = agencies.GetValueOrDefault(i.AgencyId);
            string[] cells =
            [
                i.IndexNo, i.Title, name, i.DocNo ?? "", i.Category.Art20Number()?.ToString() ?? i.Category.Key(), i.Topic.Label(), i.Genre.Label(), i.Kind.ToString(),
                i.WrittenOn.ToString("yyyy-MM-dd"), i.PublishedOn.ToString("yyyy-MM-dd"), i.Validity.Label(), i.ValidityChangedOn?.ToString("yyyy-MM-dd") ?? "",
                i.Withdrawn ? "是" : "否", i.Keywords ?? "", i.Summary ?? "", origin + CatalogUrls.Item(code, i.ItemId),
            ];
            await writer.WriteLineAsync(string.Join(",", cells.Select(CsvRecords.Escape)));
        }
    }
}
