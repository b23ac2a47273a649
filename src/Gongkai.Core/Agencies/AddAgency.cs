using Gongkai.Common;
using Gongkai.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Agencies;

/// <summary>Adds an agency to the tree (platform admins, <c>gongkai agencies add</c>, demo seeder).</summary>
public sealed class AddAgency(GongkaiDb db)
{
    public async Task<Result<Agency>> RunAsync(AgencyDetails input, string actor, CancellationToken ct = default)
    {
        var (details, errors) = input.Validate();
        var parentId = await AgencyRules.CheckAsync(db, details, errors, self: null, ct);
        if (errors.Count > 0) return Result<Agency>.Fail(errors);

        var agency = Agency.Create(details, parentId);
        db.Agencies.Add(agency);
        db.Audit.Record(actor, agency.Id, "agencies.add", $"Agency:{agency.Code}",
            $"新增机关“{agency.Name}”（{agency.Code}，{Agency.KindLabel(agency.Kind)}，信用代码 {agency.CreditCode}）");
        // Another admin added an agency with the same code or credit code between our check and our write.
        if (await db.SaveOrRefuseAsync(new Error("taken_meanwhile", "所填机关代码或信用代码刚被其他人新增的机关使用，本机关没有保存。请刷新机关列表核对后再提交。"), ct) is { } conflict)
            return conflict;
        return Result<Agency>.Ok(agency);
    }
}

/// <summary>Checks that need the database: unique code and credit code, existing parent, no cycles.</summary>
internal static class AgencyRules
{
    public static async Task<Guid?> CheckAsync(GongkaiDb db, AgencyDetails d, List<Error> errors, Agency? self, CancellationToken ct)
    {
        var selfId = self?.Id;
        if (d.Code.Length > 0 && !errors.Any(e => e.Field == nameof(d.Code))
            && await db.Agencies.AnyAsync(a => a.Code == d.Code && a.Id != selfId, ct))
            errors.Add(new Error("duplicate", $"机关代码“{d.Code}”已被其他机关使用，请换一个。", nameof(d.Code)));
        if (d.CreditCode.Length == 18 && !errors.Any(e => e.Field == nameof(d.CreditCode))
            && await db.Agencies.AnyAsync(a => a.CreditCode == d.CreditCode && a.Id != selfId, ct))
            errors.Add(new Error("duplicate", "该统一社会信用代码已登记给其他机关。", nameof(d.CreditCode)));

        if (d.ParentCode is null) return null;
        var parent = await db.Agencies.AsNoTracking().Where(a => a.Code == d.ParentCode)
            .Select(a => new { a.Id, a.ParentId }).FirstOrDefaultAsync(ct);
        if (parent is null)
        {
            errors.Add(new Error("not_found", $"找不到代码为“{d.ParentCode}”的上级机关。", nameof(d.ParentCode)));
            return null;
        }
        if (selfId is { } id)
        {
            // Walk up from the new parent; meeting ourselves would make a cycle.
            var parents = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.ParentId, ct);
            for (Guid? at = parent.Id; at is { } current; at = parents.GetValueOrDefault(current))
            {
                if (current == id)
                {
                    errors.Add(new Error("cycle", "上级机关不能是本机关或本机关的下级机关。", nameof(d.ParentCode)));
                    break;
                }
            }
        }
        return parent.Id;
    }
}
