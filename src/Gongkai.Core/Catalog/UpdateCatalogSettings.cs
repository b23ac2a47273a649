using Gongkai.Common;
using Gongkai.Data;
using Gongkai.Staff;

namespace Gongkai.Catalog;

public sealed record CatalogSettingsInput(IndexNumberPattern IndexPattern, Art21Level Art21Level, string? GuideMarkdown, string? RulesMarkdown);

/// <summary>The agency admin edits the guide (指南), the rules page (制度) and the catalogue settings; the pages show when they were last updated.</summary>
public sealed class UpdateCatalogSettings(GongkaiDb db, TimeProvider clock)
{
    public const int MaxPageLength = 50_000;

    public async Task<Result> RunAsync(CatalogActor actor, Guid agencyId, CatalogSettingsInput input, CancellationToken ct = default)
    {
        if (!actor.MayRead(agencyId)) return Result.Fail(new Error("not_found", "找不到这个机关。"));
        if (actor.Require(StaffRole.agency_admin, agencyId) is { } denied) return Result.Fail(denied);
        var errors = new List<Error>();
        if (!Enum.IsDefined(input.IndexPattern)) errors.Add(new Error("invalid", "请选择索引号规则。", nameof(input.IndexPattern)));
        if (!Enum.IsDefined(input.Art21Level)) errors.Add(new Error("invalid", "请选择第二十一条适用的层级。", nameof(input.Art21Level)));
        if (input.GuideMarkdown?.Length > MaxPageLength) errors.Add(new Error("too_long", $"指南不能超过 {MaxPageLength} 个字。", nameof(input.GuideMarkdown)));
        if (input.RulesMarkdown?.Length > MaxPageLength) errors.Add(new Error("too_long", $"制度不能超过 {MaxPageLength} 个字。", nameof(input.RulesMarkdown)));
        if (errors.Count > 0) return Result.Fail(errors);

        var now = clock.GetUtcNow();
        var settings = await db.CatalogSettings.FindAsync([agencyId], ct);
        if (settings is null)
        {
            settings = new AgencyCatalogSettings { AgencyId = agencyId };
            db.CatalogSettings.Add(settings);
        }
        var changes = new List<string>();
        if (settings.IndexPattern != input.IndexPattern) changes.Add($"索引号规则改为“{input.IndexPattern.Label()}”（已发布信息的索引号不变）");
        if (settings.Art21Level != input.Art21Level) changes.Add("第二十一条适用层级");
        var guide = Clean(input.GuideMarkdown);
        if (guide != settings.GuideMarkdown) { settings.GuideMarkdown = guide; settings.GuideUpdatedAt = now; changes.Add("政府信息公开指南"); }
        var rules = Clean(input.RulesMarkdown);
        if (rules != settings.RulesMarkdown) { settings.RulesMarkdown = rules; settings.RulesUpdatedAt = now; changes.Add("政府信息公开制度"); }
        settings.IndexPattern = input.IndexPattern;
        settings.Art21Level = input.Art21Level;
        if (changes.Count == 0) return Result.Ok();
        db.Audit.Record(actor.UserName, agencyId, "catalog.settings", $"Agency:{agencyId}", "修改" + string.Join("、", changes));
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Replace("\r\n", "\n").Trim();
}
