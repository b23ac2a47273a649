using Gongkai.Agencies;
using Gongkai.Catalog;
using Gongkai.Data;
using Gongkai.Web.Catalog;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Gk;

/// <summary>The column's text pages: the guide (Art. 12 contents), the rules, and the annual-report list.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PublicPageCache.PolicyName)]
public sealed class PagesModel(GongkaiDb db) : PageModel
{
    public ColumnAgency Agency { get; private set; } = null!;
    public Agency Details { get; private set; } = null!;
    public string Which { get; private set; } = "";
    public string Html { get; private set; } = "";
    public DateTimeOffset? UpdatedAt { get; private set; }

    public async Task<IActionResult> OnGetAsync(string agency, string section, CancellationToken ct)
    {
        var loaded = await ColumnAgency.LoadAsync(db, agency, ct);
        if (loaded is null || section is not ("guide" or "rules" or "reports")) return NotFound();
        Agency = loaded;
        Details = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == loaded.Id, ct);
        Which = section;
        (Html, UpdatedAt) = section switch
        {
            "guide" => (SafeMarkdown.ToHtml(loaded.Settings.GuideMarkdown ?? DefaultGuide(loaded)), loaded.Settings.GuideUpdatedAt),
            "rules" => (SafeMarkdown.ToHtml(loaded.Settings.RulesMarkdown ?? DefaultRules), loaded.Settings.RulesUpdatedAt),
            _ => ("", null),
        };
        return Page();
    }

    private const string DefaultRules = "本机关依据《中华人民共和国政府信息公开条例》建立政府信息公开工作制度，包括政府信息公开审查（保密审查）、主动公开、依申请公开办理、政府信息管理动态调整、年度报告和责任追究等制度。";

    /// <summary>Until the agency admin writes its own, the guide says what the regulation requires in general terms.</summary>
    private static string DefaultGuide(ColumnAgency a) => $"""
        ## 一、政府信息的分类与编排体系

        本机关主动公开的政府信息按《中华人民共和国政府信息公开条例》第二十条（及第二十一条）规定的类别编排，并按主题分类、体裁分类和发布年份提供浏览和检索。每条信息有唯一的索引号，目录信息包括索引号、名称、内容概述、生成日期等。

        ## 二、获取政府信息的方式

        1. 主动公开：通过本网站“法定主动公开内容”栏目查阅、检索、下载。
        2. 依申请公开：公民、法人或者其他组织可以向本机关申请获取相关政府信息（见下文“依申请公开”）。
        """;
}
