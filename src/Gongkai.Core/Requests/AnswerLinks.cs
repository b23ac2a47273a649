using Gongkai.Catalog;
using Gongkai.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Requests;

/// <summary>
/// The request a catalogue item was made from (Art. 44). <see cref="QueryCode"/> and <see cref="RequestId"/>
/// are null when the reader may not see that request: they learn only that the item came from a request.
/// </summary>
public sealed record ItemRequestOrigin(Guid? RequestId, string? QueryCode);

/// <summary>The catalogue item made from a request's answer, as the request page shows it.</summary>
public sealed record AnswerItem(Guid ItemId, ItemStatus Status, string? IndexNo);

/// <summary>Both directions of <c>request_catalog_links</c>, for the staff request and catalogue item pages.</summary>
public sealed class AnswerLinks(GongkaiDb db)
{
    public async Task<ItemRequestOrigin?> OriginOfAsync(StaffActor actor, Guid itemId, CancellationToken ct = default)
    {
        var origin = await (from l in db.Set<RequestCatalogLink>().AsNoTracking()
                            join r in db.DisclosureRequests.AsNoTracking() on l.RequestId equals r.Id
                            where l.ItemId == itemId
                            select new { r.Id, r.QueryCode, r.AgencyId }).FirstOrDefaultAsync(ct);
        if (origin is null) return null;
        return actor.Allows(RequestAction.View, origin.AgencyId) ? new(origin.Id, origin.QueryCode) : new(null, null);
    }

    public Task<AnswerItem?> ItemOfAsync(Guid requestId, CancellationToken ct = default) =>
        (from l in db.Set<RequestCatalogLink>().AsNoTracking()
         join i in db.CatalogItems.AsNoTracking() on l.ItemId equals i.Id
         where l.RequestId == requestId
         select new AnswerItem(i.Id, i.Status, i.IndexNo)).FirstOrDefaultAsync(ct);
}
