using Gongkai.Common;
using Gongkai.Data;
using Gongkai.Staff;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Catalog;

/// <summary>Loading an item for an action: it must exist and the actor must hold the role in its agency.</summary>
internal static class ItemAccess
{
    public static readonly Error NotFound = new("not_found", "找不到这条信息，可能已被删除。");

    public static async Task<Result<InformationItem>> LoadAsync(GongkaiDb db, Guid itemId, CatalogActor actor, StaffRole role, CancellationToken ct)
    {
        var item = await db.CatalogItems.FindAsync([itemId], ct);
        // Another agency's item is reported as missing rather than forbidden: its existence is not the actor's business.
        if (item is null || !actor.MayRead(item.AgencyId)) return NotFound;
        return actor.Require(role, item.AgencyId) is { } denied ? denied : Result<InformationItem>.Ok(item);
    }

    /// <summary>Another staff member changed the item (or its attachments) between our read and our write.</summary>
    public static readonly Error EditedMeanwhile = new("edited_meanwhile", "该信息刚被他人修改或审核，您的操作没有保存。请刷新页面查看最新状态后再操作。");

    /// <summary>
    /// The page the action came from showed another version of the item (<paramref name="seenVersion"/>, its hidden
    /// field); <c>null</c> (a script, the CLI) skips the check.
    /// </summary>
    public static Error? Stale(InformationItem item, long? seenVersion) =>
        seenVersion is { } seen && seen != item.RowVersion ? EditedMeanwhile : null;

    /// <summary>
    /// Saves the action with its audit entry (one transaction), or returns <see cref="EditedMeanwhile"/> when another
    /// write won (the item's row version, or a deleted attachment row): nothing of ours was written.
    /// </summary>
    public static Task<Error?> SaveAsync(GongkaiDb db, CancellationToken ct) => db.SaveOrRefuseAsync(EditedMeanwhile, ct);
}

/// <summary>An editor starts a draft in their agency.</summary>
public sealed class CreateItem(GongkaiDb db, TimeProvider clock)
{
    public async Task<Result<InformationItem>> RunAsync(CatalogActor actor, ItemContent input, CancellationToken ct = default)
    {
        if (actor.Require(StaffRole.editor, actor.AgencyId) is { } denied) return denied;
        var (content, errors) = input.Validate(ChinaTime.Today(clock));
        if (errors.Count > 0) return Result<InformationItem>.Fail(errors);
        var item = InformationItem.Create(actor.AgencyId, content, actor.UserId, clock.GetUtcNow());
        db.CatalogItems.Add(item);
        db.Audit.Record(actor.UserName, item.AgencyId, "catalog.create", $"Item:{item.Id}", $"起草信息《{item.Title}》");
        await db.SaveChangesAsync(ct);
        return Result<InformationItem>.Ok(item);
    }
}

/// <summary>An editor changes a draft, a returned item, or a published one (which starts a revision).</summary>
public sealed class EditItem(GongkaiDb db, TimeProvider clock)
{
    /// <param name="seenVersion">The item's <see cref="InformationItem.RowVersion"/> the page showed; null skips the check.</param>
    public async Task<Result<InformationItem>> RunAsync(CatalogActor actor, Guid itemId, ItemContent input, long? seenVersion = null, CancellationToken ct = default)
    {
        var loaded = await ItemAccess.LoadAsync(db, itemId, actor, StaffRole.editor, ct);
        if (!loaded.Succeeded) return loaded;
        var item = loaded.Value;
        if (ItemAccess.Stale(item, seenVersion) is { } stale) return stale;
        var (content, errors) = input.Validate(ChinaTime.Today(clock));
        if (errors.Count > 0) return Result<InformationItem>.Fail(errors);
        var wasPublished = item.Status == ItemStatus.published;
        var edited = item.Edit(content, actor.UserId, clock.GetUtcNow());
        if (!edited.Succeeded) return Result<InformationItem>.Fail(edited.Errors);
        db.Audit.Record(actor.UserName, item.AgencyId, "catalog.edit", $"Item:{item.Id}",
            wasPublished ? $"修订已发布信息《{item.Title}》（第 {item.PublishedVersion + 1} 版草稿）" : $"修改信息《{item.Title}》");
        if (await ItemAccess.SaveAsync(db, ct) is { } conflict) return conflict;
        return Result<InformationItem>.Ok(item);
    }
}

/// <summary>An editor submits a draft for review (保密审查).</summary>
public sealed class SubmitItem(GongkaiDb db, TimeProvider clock)
{
    /// <param name="seenVersion">The item's <see cref="InformationItem.RowVersion"/> the page showed; null skips the check.</param>
    public async Task<Result> RunAsync(CatalogActor actor, Guid itemId, long? seenVersion = null, CancellationToken ct = default)
    {
        var loaded = await ItemAccess.LoadAsync(db, itemId, actor, StaffRole.editor, ct);
        if (!loaded.Succeeded) return loaded;
        var item = loaded.Value;
        if (ItemAccess.Stale(item, seenVersion) is { } stale) return Result.Fail(stale);
        var submitted = item.Submit(actor.UserId, clock.GetUtcNow());
        if (!submitted.Succeeded) return submitted;
        db.Audit.Record(actor.UserName, item.AgencyId, "catalog.submit", $"Item:{item.Id}", $"提交审核《{item.Title}》");
        if (await ItemAccess.SaveAsync(db, ct) is { } conflict) return Result.Fail(conflict);
        return Result.Ok();
    }
}

/// <summary>An editor deletes a draft that was never published; published items are withdrawn instead.</summary>
public sealed class DeleteDraft(GongkaiDb db)
{
    public async Task<Result> RunAsync(CatalogActor actor, Guid itemId, CancellationToken ct = default)
    {
        var loaded = await ItemAccess.LoadAsync(db, itemId, actor, StaffRole.editor, ct);
        if (!loaded.Succeeded) return loaded;
        var item = loaded.Value;
        if (!item.CanDelete) return Result.Fail(new Error("state", "只能删除从未发布过、且不在审核中的草稿；已发布的信息请使用“撤回”。"));
        db.CatalogItems.Remove(item);
        db.Audit.Record(actor.UserName, item.AgencyId, "catalog.delete", $"Item:{item.Id}", $"删除草稿《{item.Title}》");
        if (await ItemAccess.SaveAsync(db, ct) is { } conflict) return Result.Fail(conflict);
        return Result.Ok();
    }
}
