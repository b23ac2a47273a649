using Gongkai.Common;

namespace Gongkai.Agencies;

/// <summary>Kind of administrative organ (行政机关) in the agency tree.</summary>
public enum AgencyKind
{
    /// <summary>人民政府</summary>
    government,
    /// <summary>政府工作部门</summary>
    department,
    /// <summary>乡镇人民政府、街道办事处</summary>
    township,
}

/// <summary>An administrative organ with its own disclosure catalogue, staff and annual report.</summary>
public sealed class Agency
{
    private Agency() { }

    public Guid Id { get; private set; }
    /// <summary>Short code used in URLs, e.g. <c>jyj</c> in <c>/gk/jyj</c>.</summary>
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    /// <summary>统一社会信用代码 (GB 32100-2015), validated.</summary>
    public string CreditCode { get; private set; } = "";
    public AgencyKind Kind { get; private set; }
    public Guid? ParentId { get; private set; }
    public int SortOrder { get; private set; }

    // The disclosure office as published in the guide (条例第十二条).
    public string? OfficeName { get; private set; }
    public string? OfficeAddress { get; private set; }
    public string? OfficeHours { get; private set; }
    public string? OfficePhone { get; private set; }
    public string? OfficeFax { get; private set; }
    public string? OnlineContact { get; private set; }
    /// <summary>Increases with every edit; an edit from a form showing an older version is refused.</summary>
    public long Version { get; private set; }

    internal static Agency Create(AgencyDetails details, Guid? parentId) =>
        Apply(new Agency { Id = Guid.NewGuid() }, details, parentId);

    internal void Update(AgencyDetails details, Guid? parentId)
    {
        Apply(this, details, parentId);
        Version++;
    }

    private static Agency Apply(Agency a, AgencyDetails d, Guid? parentId)
    {
        a.Code = d.Code;
        a.Name = d.Name;
        a.CreditCode = d.CreditCode;
        a.Kind = d.Kind;
        a.ParentId = parentId;
        a.SortOrder = d.SortOrder;
        a.OfficeName = d.OfficeName;
        a.OfficeAddress = d.OfficeAddress;
        a.OfficeHours = d.OfficeHours;
        a.OfficePhone = d.OfficePhone;
        a.OfficeFax = d.OfficeFax;
        a.OnlineContact = d.OnlineContact;
        return a;
    }

    /// <summary>Label for the kind, as shown to users.</summary>
    public static string KindLabel(AgencyKind kind) => kind switch
    {
        AgencyKind.government => "人民政府",
        AgencyKind.department => "政府工作部门",
        AgencyKind.township => "乡镇（街道）",
        _ => kind.ToString(),
    };
}
