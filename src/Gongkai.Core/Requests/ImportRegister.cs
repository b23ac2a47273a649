using Gongkai.Common;
using Gongkai.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Requests;

/// <summary>
/// Loads an existing request register (台账, CSV) for one agency: every line is checked first, and a
/// file with any bad line imports nothing. Returns the number imported or the bad lines.
/// </summary>
public sealed class ImportRegister(GongkaiDb db, TimeProvider clock, PersonalDataProtector protector, RequestClocks clocks, RequestOptions options)
{
    public async Task<(int Imported, IReadOnlyList<RegisterLineError> Errors)> RunAsync(string agencyCode, TextReader csv, string actor, CancellationToken ct = default)
    {
        var agencyId = await db.Agencies.AsNoTracking().Where(a => a.Code == agencyCode).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct);
        if (agencyId is null) return (0, [new RegisterLineError(0, $"找不到代码为“{agencyCode}”的机关。")]);
        var (rows, errors) = RegisterImport.Read(csv, ChinaTime.Today(clock));
        if (errors.Count > 0) return (0, errors);
        var now = clock.GetUtcNow();
        foreach (var row in rows)
            db.DisclosureRequests.Add(DisclosureRequest.Import(agencyId.Value, row, now, protector, clocks.AddWorkingDays, options.Decisions));
        db.Audit.Record(actor, agencyId, "requests.import", $"Agency:{agencyCode}", $"导入依申请公开台账 {rows.Count} 件");
        await db.SaveChangesAsync(ct);
        return (rows.Count, []);
    }
}
