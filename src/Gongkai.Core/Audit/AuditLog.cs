using Gongkai.Data;

namespace Gongkai.Audit;

/// <summary>
/// The one call features use to audit a staff write:
/// <c>db.Audit.Record(actor, agencyId, "catalog.publish", $"Item:{id}", "发布信息《…》");</c>
/// then <c>SaveChangesAsync</c> — the entry is chained and committed in the same transaction as the write.
/// </summary>
public readonly struct AuditLog(GongkaiDb db, TimeProvider clock)
{
    public AuditEntry Record(string actor, Guid? agencyId, string action, string entity, string summary)
    {
        var now = clock.GetUtcNow();
        var entry = new AuditEntry
        {
            // Millisecond precision survives every provider's timestamp type, so the hash verifies after a round trip.
            At = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds()),
            Actor = Truncate(actor, 64), AgencyId = agencyId, Action = Truncate(action, 64),
            Entity = Truncate(entity, 128), Summary = Truncate(summary, 2000),
        };
        db.AuditEntries.Add(entry);
        return entry;
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
