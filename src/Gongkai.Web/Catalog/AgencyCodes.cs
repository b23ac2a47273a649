using Gongkai.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Catalog;

/// <summary>Agency codes and names by id, read once per request (lists across agencies need them for links).</summary>
public sealed class AgencyCodes(GongkaiDb db)
{
    private Dictionary<Guid, (string Code, string Name)>? _all;

    public async Task<string> CodeAsync(Guid id) => (await AllAsync()).GetValueOrDefault(id).Code ?? "";

    /// <summary>Call after <see cref="CodeAsync"/> (or <see cref="AllAsync"/>) in the same request.</summary>
    public string Name(Guid id) => _all?.GetValueOrDefault(id).Name ?? "";

    public async Task<Dictionary<Guid, (string Code, string Name)>> AllAsync() =>
        _all ??= await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => (a.Code, a.Name));
}
