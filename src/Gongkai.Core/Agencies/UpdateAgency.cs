using Gongkai.Common;
using Gongkai.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Agencies;

/// <summary>Changes an agency's details; the audit entry lists exactly which fields changed.</summary>
public sealed class UpdateAgency(GongkaiDb db)
{
    public static readonly Error EditedMeanwhile = new("edited_meanwhile",
        "该机关的信息刚被他人修改（或所填代码刚被其他机关使用），您的修改没有保存。请刷新页面，核对最新信息后再保存。");

    /// <param name="seenVersion">The <see cref="Agency.Version"/> the edit form was built from; null skips the check.</param>
    public async Task<Result<Agency>> RunAsync(string code, AgencyDetails input, string actor, CancellationToken ct = default, long? seenVersion = null)
    {
        var agency = await db.Agencies.FirstOrDefaultAsync(a => a.Code == code, ct);
        if (agency is null) return new Error("not_found", $"找不到代码为“{code}”的机关。");
        if (seenVersion is { } seen && agency.Version != seen) return EditedMeanwhile;

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
        // Someone else edited this agency (its version token tells) or took the code or credit code (the unique indexes tell).
        if (await db.SaveOrRefuseAsync(EditedMeanwhile, ct) is { } conflict) return conflict;
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
