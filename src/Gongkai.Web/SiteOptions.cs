using System.ComponentModel.DataAnnotations;

namespace Gongkai.Web;

/// <summary>The "Site" section: what the portal's header and footer say about the government running it.</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    [Required, MaxLength(40)] public string Name { get; set; } = "云溪县人民政府";
    /// <summary>政府网站标识码: 6-digit division code + 4-digit number (see spec/website-conventions.md §11).</summary>
    [Required, RegularExpression("^([0-9]{10}|bm[0-9]{8})$")] public string IdCode { get; set; } = "4399010001";
    [Required] public string Organizer { get; set; } = "云溪县人民政府办公室";
    public string Address { get; set; } = "云溪县城关镇人民路 100 号";
    public string PostCode { get; set; } = "439900";
    public string Phone { get; set; } = "0739-6612000";
    public string? Icp { get; set; } = "湘ICP备00000000号";
}
