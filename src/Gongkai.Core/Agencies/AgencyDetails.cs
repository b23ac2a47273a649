using System.Text.RegularExpressions;
using Gongkai.Common;

namespace Gongkai.Agencies;

/// <summary>
/// What a user types to add or change an agency. <see cref="Validate"/> normalises the text and
/// returns Chinese errors keyed by the property name, so forms can show them next to the field.
/// </summary>
public sealed partial record AgencyDetails
{
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public string CreditCode { get; init; } = "";
    public AgencyKind Kind { get; init; } = AgencyKind.department;
    /// <summary>Code of the parent agency; required for departments and townships.</summary>
    public string? ParentCode { get; init; }
    public int SortOrder { get; init; }
    public string? OfficeName { get; init; }
    public string? OfficeAddress { get; init; }
    public string? OfficeHours { get; init; }
    public string? OfficePhone { get; init; }
    public string? OfficeFax { get; init; }
    public string? OnlineContact { get; init; }

    [GeneratedRegex("^[a-z][a-z0-9-]{1,31}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^[0-9()（）\- ]{5,30}$")]
    private static partial Regex PhonePattern();

    public (AgencyDetails Normalised, List<Error> Errors) Validate()
    {
        var errors = new List<Error>();
        var code = (Code ?? "").Trim().ToLowerInvariant();
        if (code.Length == 0) errors.Add(new Error("required", "请填写机关代码。", nameof(Code)));
        else if (!CodePattern().IsMatch(code))
            errors.Add(new Error("invalid", "机关代码用于网址，只能由小写英文字母、数字和连字符组成，以字母开头，2 到 32 个字符。", nameof(Code)));

        var name = TextRules.Check(errors, nameof(Name), "机关名称", Name, 60, required: true) ?? "";

        var credit = (CreditCode ?? "").Trim().ToUpperInvariant();
        if (credit.Length == 0) errors.Add(new Error("required", "请填写统一社会信用代码。", nameof(CreditCode)));
        else if (Agencies.CreditCode.Problem(credit) is { } problem) errors.Add(new Error("invalid", problem, nameof(CreditCode)));

        if (!Enum.IsDefined(Kind)) errors.Add(new Error("invalid", "请选择机关类型。", nameof(Kind)));
        var parent = string.IsNullOrWhiteSpace(ParentCode) ? null : ParentCode.Trim().ToLowerInvariant();
        if (parent is null && Kind != AgencyKind.government)
            errors.Add(new Error("required", "政府工作部门和乡镇（街道）须选择上级机关。", nameof(ParentCode)));
        if (SortOrder is < 0 or > 9999) errors.Add(new Error("invalid", "排序号应为 0 到 9999 之间的整数。", nameof(SortOrder)));

        var officeName = TextRules.Check(errors, nameof(OfficeName), "信息公开工作机构名称", OfficeName, 60, false);
        var address = TextRules.Check(errors, nameof(OfficeAddress), "办公地址", OfficeAddress, 120, false);
        var hours = TextRules.Check(errors, nameof(OfficeHours), "办公时间", OfficeHours, 120, false);
        var phone = CheckPhone(errors, nameof(OfficePhone), "联系电话", OfficePhone);
        var fax = CheckPhone(errors, nameof(OfficeFax), "传真号码", OfficeFax);
        var online = TextRules.Check(errors, nameof(OnlineContact), "互联网联系方式", OnlineContact, 200, false);

        var normalised = this with
        {
            Code = code, Name = name, CreditCode = credit, ParentCode = parent, OfficeName = officeName,
            OfficeAddress = address, OfficeHours = hours, OfficePhone = phone, OfficeFax = fax, OnlineContact = online,
        };
        return (normalised, errors);
    }

    private static string? CheckPhone(List<Error> errors, string field, string label, string? value)
    {
        var text = TextRules.Check(errors, field, label, value, 30, false);
        if (text is not null && !PhonePattern().IsMatch(text) && !errors.Any(e => e.Field == field))
            errors.Add(new Error("invalid", $"{label}只能包含数字、括号、空格和连字符，例如 0731-12345678。", field));
        return text;
    }

    public static AgencyDetails From(Agency a, string? parentCode) => new()
    {
        Code = a.Code, Name = a.Name, CreditCode = a.CreditCode, Kind = a.Kind, ParentCode = parentCode,
        SortOrder = a.SortOrder, OfficeName = a.OfficeName, OfficeAddress = a.OfficeAddress, OfficeHours = a.OfficeHours,
        OfficePhone = a.OfficePhone, OfficeFax = a.OfficeFax, OnlineContact = a.OnlineContact,
    };
}
