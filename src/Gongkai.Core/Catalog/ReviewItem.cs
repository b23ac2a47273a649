using Gongkai.Common;
using Gongkai.Data;
using Gongkai.Staff;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Catalog;

/// <param name="Basis">审查依据 — what the secrecy and sensitivity review was checked against.</param>
/// <param name="SeenVersion">The item's <see cref="InformationItem.RowVersion"/> the reviewer's page showed: a reviewer
/// only approves the version they read. Null (a script, the CLI) skips the check.</param>
public sealed record ReviewInput(ReviewDecision Decision, string? Basis, string? Comment, long? SeenVersion = null);

/// <summary>
/// A reviewer records the 保密审查 of a submitted item: approval publishes it (先审后发; the index
/// number is assigned at the first publication), a return sends it back with reasons. The review
/// record, the publication and the audit entry are written in one transaction.
/// </summary>
public sealed class ReviewItem(GongkaiDb db, TimeProvider clock)
{
    public const string DefaultBasis = "《中华人民共和国保守国家秘密法》《政府信息公开条例》第十七条及本机关保密审查制度";

    public async Task<Result<InformationItem>> RunAsync(CatalogActor actor, Guid itemId, ReviewInput input, CancellationToken ct = default)
    {
        var loaded = await ItemAccess.LoadAsync(db, itemId, actor, StaffRole.reviewer, ct);
        if (!loaded.Succeeded) return loaded;
        var item = loaded.Value;

        var errors = new List<Error>();
        var basis = TextRules.Check(errors, nameof(input.Basis), "审查依据", input.Basis, ItemLimits.Reason, required: true);
        var comment = TextRules.Check(errors, nameof(input.Comment), input.Decision == ReviewDecision.returned ? "退回理由" : "审查意见",
            input.Comment, ItemLimits.Reason, required: input.Decision == ReviewDecision.returned);
        if (!Enum.IsDefined(input.Decision)) errors.Add(new Error("invalid", "请选择审查结论。", nameof(input.Decision)));
        if (errors.Count > 0) return Result<InformationItem>.Fail(errors);
        if (ItemAccess.Stale(item, input.SeenVersion) is { } stale) return stale;

        var seen = item.RowVersion;
        for (var attempt = 1; ; attempt++)
        {
            var now = clock.GetUtcNow();
            var today = ChinaTime.Today(clock);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            string summary;
            if (input.Decision == ReviewDecision.returned)
            {
                var returned = item.Return(actor.UserId, comment!);
                if (!returned.Succeeded) return Result<InformationItem>.Fail(returned.Errors);
                summary = $"保密审查退回《{item.Title}》：{comment}";
            }
            else
            {
                string? indexNo = item.IndexNo ?? await Publication.NextIndexNoAsync(db, item.AgencyId, today, item.Category, ct);
                var published = item.Publish(actor.UserId, () => indexNo, today);
                if (!published.Succeeded) return Result<InformationItem>.Fail(published.Errors);
                await Publication.PublishVersionAsync(db, item, actor.UserName, now, indexNow: false, ct);
                summary = $"保密审查通过并发布《{item.Title}》（索引号 {item.IndexNo}，第 {item.PublishedVersion} 版）";
            }
            db.ItemReviews.Add(ItemReview.Record(item.Id, item.PublishedVersion + (input.Decision == ReviewDecision.returned ? 1 : 0),
                input.Decision, basis!, comment, actor.UserId, actor.UserName, now));
            db.Audit.Record(actor.UserName, item.AgencyId, input.Decision == ReviewDecision.approved ? "catalog.approve" : "catalog.return", $"Item:{item.Id}", summary);
            try
            {
                await db.SaveChangesAsync(ct);
                if (input.Decision == ReviewDecision.approved)
                {
                    var published = await db.PublishedItems.SingleAsync(p => p.ItemId == item.Id, ct);
                    await new Search.CatalogSearchIndex(db).PutAsync(published, ct);
                }
                await tx.CommitAsync(ct);
                return Result<InformationItem>.Ok(item);
            }
            catch (DbUpdateException)
            {
                // Another write won: nothing of this review was written.
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
            }
            var reloaded = await ItemAccess.LoadAsync(db, itemId, actor, StaffRole.reviewer, ct);
            if (!reloaded.Succeeded) return reloaded;
            // The item itself changed (another review, an edit): refuse. Otherwise another item's publication took the
            // same index number, search key or audit line at the same moment: draw them again.
            if (reloaded.Value.RowVersion != seen || attempt == MaxAttempts) return ItemAccess.EditedMeanwhile;
            item = reloaded.Value;
        }
    }

    private const int MaxAttempts = 5;
}

/// <summary>
/// Withdraws a published item (撤回) or marks it 失效/废止, with date and reason. Both are
/// publication decisions, made by a reviewer or the agency admin; the item stays findable with its status.
/// </summary>
public sealed class ChangeItemStatus(GongkaiDb db, TimeProvider clock)
{
    /// <param name="seenVersion">The item's <see cref="InformationItem.RowVersion"/> the page showed; null skips the check.</param>
    public async Task<Result> WithdrawAsync(CatalogActor actor, Guid itemId, DateOnly? on, string? reason, long? seenVersion = null, CancellationToken ct = default) =>
        await RunAsync(actor, itemId, seenVersion, reason, "撤回理由", (item, text) => item.Withdraw(on ?? ChinaTime.Today(clock), text),
            (item, text) => ("catalog.withdraw", $"撤回信息《{item.Title}》（索引号 {item.IndexNo}）：{text}"), on, ct);

    public async Task<Result> ChangeValidityAsync(CatalogActor actor, Guid itemId, Validity validity, DateOnly? on, string? reason, long? seenVersion = null, CancellationToken ct = default) =>
        await RunAsync(actor, itemId, seenVersion, reason, "原因", (item, text) => item.ChangeValidity(validity, on ?? ChinaTime.Today(clock), text),
            (item, text) => ("catalog.validity", $"标注信息《{item.Title}》（索引号 {item.IndexNo}）为{validity.Label()}：{text}"), on, ct);

    private async Task<Result> RunAsync(CatalogActor actor, Guid itemId, long? seenVersion, string? reason, string reasonLabel,
        Func<InformationItem, string, Result> change, Func<InformationItem, string, (string Action, string Summary)> describe, DateOnly? on, CancellationToken ct)
    {
        var item = await db.CatalogItems.FindAsync([itemId], ct);
        if (item is null || !actor.MayRead(item.AgencyId)) return Result.Fail(ItemAccess.NotFound);
        if (!actor.May(StaffRole.reviewer, item.AgencyId) && !actor.May(StaffRole.agency_admin, item.AgencyId))
            return Result.Fail(new Error("forbidden", "撤回或标注失效、废止需要本机关“审核（保密审查）”或“机关管理员”角色。"));
        var errors = new List<Error>();
        var text = TextRules.Check(errors, "Reason", reasonLabel, reason, ItemLimits.Reason, required: true);
        if (on > ChinaTime.Today(clock)) errors.Add(new Error("future", "日期不能晚于今天。", "On"));
        if (errors.Count > 0) return Result.Fail(errors);
        if (ItemAccess.Stale(item, seenVersion) is { } stale) return Result.Fail(stale);

        var changed = change(item, text!);
        if (!changed.Succeeded) return changed;
        await Publication.UpdateStatusAsync(db, item, ct);
        var (action, summary) = describe(item, text!);
        db.Audit.Record(actor.UserName, item.AgencyId, action, $"Item:{item.Id}", summary);
        if (await ItemAccess.SaveAsync(db, ct) is { } conflict) return Result.Fail(conflict);
        return Result.Ok();
    }
}
