using Gongkai.Common;
using Gongkai.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Agencies;

/// <summary>Changes an agency's details; the audit entry lists exactly which fields changed.</summary>
public sealed class UpdateAgency(GongkaiDb db)
{
    public async Task<Result<Agency>> RunAsync(string code, AgencyDetails input, string actor, CancellationToken ct = default)
    {
        var agency = await db.Agencies.FirstOrDefaultAsync(a => a.Code == code, ct);
        if (agency is null) return new Error("not_found", $"找不到代码为“{code}”的机关。");

        var (details, errors) = input.Validate();
        var parentId = await AgencyRules.CheckAsync(db, details, errors, agency, ct);
        if (errors.Count > 0) return Result<Agency>.Fail(errors);

        var parentCode = agency.ParentId is { } pid
            ? await db.Agencies.Where(a => a.Id == pid).Select(a => a.Code).FirstOrDefaultAsync(ct) : null;
        var before = AgencyDetails.From(agency, parentCode);
        agency.Update(details, parentId);
        var changes = Describe(before, details);
        if (changes.Count == 0) return Result<Agency>.Ok(agency);

        db.Audit.Record(actor, agency.Id, "agencies.update", $"Agency:{agency.Code}",
            $"修改机关“{agency.Name}”：{string.Join("；", changes)}");
        await db.SaveChangesAsync(ct);
        return Result<Agency>.Ok(agency);
    }

    private static List<string> Describe(AgencyDetails a, AgencyDetails b)
    {
        var changes = new List<string>();
        void Compare(string label, object? x, object? y)
        {
            if (!Equals(x, y)) changes.Add($"{label}由“{x}”改为“{y}”");
        }
        Compare("代码", a.Code, b.Code);
        Compare("名称", a.Name, b.Name);
        Compare("信用代码", a.CreditCode, b.CreditCode);
        Compare("类型", Agency.KindLabel(a.Kind), Agency.KindLabel(b.Kind));
        Compare("上级机关", a.ParentCode, b.ParentCode);
        Compare("排序号", a.SortOrder, b.SortOrder);
        Compare("工作机构", a.OfficeName, b.OfficeName);
        Compare("办公地址", a.OfficeAddress, b.OfficeAddress);
        Compare("办公时间", a.OfficeHours, b.OfficeHours);
        Compare("联系电话", a.OfficePhone, b.OfficePhone);
        Compare("传真", a.OfficeFax, b.OfficeFax);
        Compare("互联网联系方式", a.OnlineContact, b.OnlineContact);
        return changes;
    }
}
