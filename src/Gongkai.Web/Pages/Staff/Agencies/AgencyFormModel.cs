using Gongkai.Agencies;
using Gongkai.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Staff.Agencies;

/// <summary>What the New and Edit pages share: the bound form and the list of possible parents.</summary>
public abstract class AgencyFormModel(GongkaiDb db) : PageModel
{
    public sealed class InputModel
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
        public string? CreditCode { get; set; }
        public AgencyKind Kind { get; set; } = AgencyKind.department;
        public string? ParentCode { get; set; }
        public int SortOrder { get; set; }
        public string? OfficeName { get; set; }
        public string? OfficeAddress { get; set; }
        public string? OfficeHours { get; set; }
        public string? OfficePhone { get; set; }
        public string? OfficeFax { get; set; }
        public string? OnlineContact { get; set; }

        public AgencyDetails ToDetails() => new()
        {
            Code = Code ?? "", Name = Name ?? "", CreditCode = CreditCode ?? "", Kind = Kind, ParentCode = ParentCode,
            SortOrder = SortOrder, OfficeName = OfficeName, OfficeAddress = OfficeAddress, OfficeHours = OfficeHours,
            OfficePhone = OfficePhone, OfficeFax = OfficeFax, OnlineContact = OnlineContact,
        };

        public static InputModel From(AgencyDetails d) => new()
        {
            Code = d.Code, Name = d.Name, CreditCode = d.CreditCode, Kind = d.Kind, ParentCode = d.ParentCode,
            SortOrder = d.SortOrder, OfficeName = d.OfficeName, OfficeAddress = d.OfficeAddress, OfficeHours = d.OfficeHours,
            OfficePhone = d.OfficePhone, OfficeFax = d.OfficeFax, OnlineContact = d.OnlineContact,
        };
    }

    public sealed record ParentChoice(string Code, string Name);

    [BindProperty] public InputModel Input { get; set; } = new();

    public List<ParentChoice> ParentChoices { get; private set; } = [];

    /// <summary>Code, credit code, kind, parent and order shape the tree: only platform admins change them.</summary>
    public virtual bool CanChangeStructure => true;

    protected async Task LoadChoicesAsync(string? except, CancellationToken ct) =>
        ParentChoices = await db.Agencies.AsNoTracking().Where(a => a.Code != except && a.Kind == AgencyKind.government)
            .OrderBy(a => a.SortOrder).Select(a => new ParentChoice(a.Code, a.Name)).ToListAsync(ct);
}
