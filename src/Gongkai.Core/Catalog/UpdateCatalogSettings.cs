using Gongkai.Common;
using Gongkai.Data;
using Gongkai.Staff;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Catalog;

/// <param name="SeenVersion">The settings' version the admin's page showed (0: never saved); null skips the check.</param>
public sealed record CatalogSettingsInput(IndexNumberPattern IndexPattern, Art21Level Art21Level, string? GuideMarkdown, string? RulesMarkdown, long? SeenVersion = null);

/// <summary>The agency admin edits the guide (指南), the rules page (制度) and the catalogue settings; the pages show when they were last updated.</summary>
public sealed class UpdateCatalogSettings(GongkaiDb db, TimeProvider clock)
{
    public const int MaxPageLength = 50_000;

    public static readonly Error EditedMeanwhile = new("edited_meanwhile",
        "本机关的公开指南和目录设置刚被他人修改，您的修改没有保存。请刷新页面，核对最新内容后再保存。");

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
        if (input.SeenVersion is { } seen && (settings?.Version ?? 0) != seen) return Result.Fail(EditedMeanwhile);
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
        settings.Version++;
        db.Audit.Record(actor.UserName, agencyId, "catalog.settings", $"Agency:{agencyId}", "修改" + string.Join("、", changes));
        // Another admin saved between our read and our write (the version token, or the key of a first save, tells).
        return await db.SaveOrRefuseAsync(EditedMeanwhile, ct) is { } conflict ? Result.Fail(conflict) : Result.Ok();
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Replace("\r\n", "\n").Trim();
}
