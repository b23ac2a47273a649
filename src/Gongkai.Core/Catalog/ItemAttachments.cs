using System.Security.Cryptography;
using Gongkai.Common;
using Gongkai.Data;
using Gongkai.Staff;

namespace Gongkai.Catalog;

/// <summary>
/// An editor attaches a file to an item that is not under review. Its type is decided by its
/// content; it is stored under a random name outside the web root; the public sees it only once
/// the item (or its revision) is approved.
/// </summary>
public sealed class AddAttachment(GongkaiDb db, TimeProvider clock, CatalogOptions options, DatabaseOptions database)
{
    public async Task<Result<ItemAttachment>> RunAsync(CatalogActor actor, Guid itemId, string? fileName, Stream content, CancellationToken ct = default)
    {
        var loaded = await ItemAccess.LoadAsync(db, itemId, actor, StaffRole.editor, ct);
        if (!loaded.Succeeded) return Result<ItemAttachment>.Fail(loaded.Errors);
        var item = loaded.Value;
        if (item.Status is ItemStatus.submitted or ItemStatus.withdrawn)
            return new Error("state", "待审核或已撤回的信息不能添加附件。", "File");
        var count = db.ItemAttachments.Count(a => a.ItemId == itemId && a.RemovedAt == null && !a.PendingRemoval);
        if (count >= options.Attachments.MaxPerItem)
            return new Error("too_many", $"每条信息最多 {options.Attachments.MaxPerItem} 个附件。", "File");

        // Buffer to a temporary file: the check needs to seek, and uploads may be large.
        var root = options.FullFilesDir(database);
        Directory.CreateDirectory(root);
        var temp = Path.Combine(root, $"upload-{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                var limit = options.Attachments.MaxBytes + 1;
                var buffer = new byte[81920];
                long total = 0;
                int n;
                while ((n = await content.ReadAsync(buffer, ct)) > 0 && total < limit)
                {
                    await file.WriteAsync(buffer.AsMemory(0, n), ct);
                    total += n;
                }
                var check = Attachments.Inspect(file, options.Attachments);
                if (!check.IsOk) return new Error("file", check.Error!, "File");
                file.Position = 0;
                var sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, ct));

                var id = Guid.NewGuid();
                var type = check.Type!.Value;
                var stored = Attachments.NewStoredName(type, id);
                var attachment = ItemAttachment.Create(id, itemId, Attachments.SafeDisplayName(fileName, type), type, file.Length, stored, sha, clock.GetUtcNow());
                await file.DisposeAsync();
                var target = Path.Combine(root, stored);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Move(temp, target);

                db.ItemAttachments.Add(attachment);
                item.MarkChanged();
                db.Audit.Record(actor.UserName, item.AgencyId, "catalog.attach", $"Item:{item.Id}",
                    $"为《{item.Title}》上传附件“{attachment.DisplayName}”（{type.Label()}，{attachment.Size} 字节）");
                if (await ItemAccess.SaveAsync(db, ct) is { } conflict)
                {
                    File.Delete(target);
                    return conflict;
                }
                return Result<ItemAttachment>.Ok(attachment);
            }
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>The file of an attachment on disk (for serving it).</summary>
    public static string PathOf(CatalogOptions options, DatabaseOptions database, ItemAttachment a) =>
        Path.Combine(options.FullFilesDir(database), a.StoredName);
}

/// <summary>An editor removes an attachment: at once if never published, otherwise when the revision is approved.</summary>
public sealed class RemoveAttachment(GongkaiDb db)
{
    public async Task<Result> RunAsync(CatalogActor actor, Guid itemId, Guid attachmentId, CancellationToken ct = default)
    {
        var loaded = await ItemAccess.LoadAsync(db, itemId, actor, StaffRole.editor, ct);
        if (!loaded.Succeeded) return loaded;
        var item = loaded.Value;
        if (item.Status is ItemStatus.submitted or ItemStatus.withdrawn) return Result.Fail(new Error("state", "待审核或已撤回的信息不能删除附件。"));
        var attachment = await db.ItemAttachments.FindAsync([attachmentId], ct);
        if (attachment is null || attachment.ItemId != itemId || attachment.RemovedAt is not null) return Result.Fail(new Error("not_found", "找不到这个附件。"));
        item.MarkChanged();
        if (attachment.PublishedAt is null) db.ItemAttachments.Remove(attachment);
        else
        {
            attachment.PendingRemoval = true;
            // Removing a published file is a change to the published information: it goes through review.
            var edited = item.Edit(item.Content, actor.UserId, DateTimeOffset.UtcNow);
            if (!edited.Succeeded) return edited;
        }
        db.Audit.Record(actor.UserName, item.AgencyId, "catalog.detach", $"Item:{item.Id}", $"删除《{item.Title}》的附件“{attachment.DisplayName}”");
        if (await ItemAccess.SaveAsync(db, ct) is { } conflict) return Result.Fail(conflict);
        return Result.Ok();
    }
}
