using Gongkai.Catalog;
using Gongkai.Common;
using Gongkai.Data;
using Gongkai.Web.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Staff.Catalog;

/// <summary>An editor drafts or revises an item, attaches files and submits it for review.</summary>
[Authorize(Policy = CatalogPolicies.Edit)]
public sealed class EditModel(GongkaiDb db, CurrentStaff staff, TimeProvider clock) : PageModel
{
    public sealed class InputModel
    {
        public string? Title { get; set; }
        public string? DocNo { get; set; }
        public DisclosureCategory Category { get; set; } = DisclosureCategory.art20_1;
        public Topic Topic { get; set; } = Topic.other;
        public Genre Genre { get; set; } = Genre.notice;
        public ItemKind Kind { get; set; } = ItemKind.other;
        public DateOnly? WrittenOn { get; set; }
        public DateOnly? FormedOn { get; set; }
        public string? Keywords { get; set; }
        public string? Summary { get; set; }
        public string? Body { get; set; }
        public DisclosureMode Mode { get; set; } = DisclosureMode.proactive;
        public WithholdingReason? WithholdingReason { get; set; }

        public ItemContent ToContent() => new()
        {
            Title = Title ?? "", DocNo = DocNo, Category = Category, Topic = Topic, Genre = Genre, Kind = Kind,
            WrittenOn = WrittenOn ?? default, FormedOn = FormedOn, Keywords = Keywords, Summary = Summary, Body = Body,
            Mode = Mode, WithholdingReason = WithholdingReason,
        };

        public static InputModel From(ItemContent c) => new()
        {
            Title = c.Title, DocNo = c.DocNo, Category = c.Category, Topic = c.Topic, Genre = c.Genre, Kind = c.Kind, WrittenOn = c.WrittenOn,
            FormedOn = c.FormedOn, Keywords = c.Keywords, Summary = c.Summary, Body = c.Body, Mode = c.Mode, WithholdingReason = c.WithholdingReason,
        };
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    /// <summary>The item's row version this page showed (hidden field): a save or submit from an older page is refused.</summary>
    [BindProperty] public long? SeenVersion { get; set; }
    public InformationItem? Item { get; private set; }
    public List<ItemAttachment> Files { get; private set; } = [];
    public IReadOnlyList<DisclosureCategory> Categories { get; private set; } = DisclosureCategories.Art20;

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is { } itemId)
        {
            if (!await LoadAsync(itemId, ct)) return NotFound();
            Input = InputModel.From(Item!.Content);
            SeenVersion = Item.RowVersion;
        }
        else Input.WrittenOn = ChinaTime.Today(clock);
        await LoadCategoriesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, [FromServices] CreateItem create, [FromServices] EditItem edit, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = id is { } itemId
                ? await edit.RunAsync(staff.Actor(), itemId, Input.ToContent(), SeenVersion, ct)
                : await create.RunAsync(staff.Actor(), Input.ToContent(), ct);
            if (result.Succeeded)
            {
                TempData["Notice"] = "已保存。";
                return Redirect($"/staff/catalog/{result.Value.Id}/edit");
            }
            if (result.Errors.Any(e => e.Code == "not_found")) return NotFound();
            ModelState.AddErrors(result.Errors);
        }
        if (id is { } existing && !await LoadAsync(existing, ct)) return NotFound();
        await LoadCategoriesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSubmitAsync(Guid id, [FromServices] SubmitItem submit, CancellationToken ct) =>
        Done(await submit.RunAsync(staff.Actor(), id, SeenVersion, ct), id, "已提交审核。");

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, [FromServices] DeleteDraft delete, CancellationToken ct)
    {
        var result = await delete.RunAsync(staff.Actor(), id, ct);
        if (!result.Succeeded) return Done(result, id, "");
        TempData["Notice"] = "草稿已删除。";
        return Redirect("/staff/catalog");
    }

    public async Task<IActionResult> OnPostUploadAsync(Guid id, IFormFile? file, [FromServices] AddAttachment add, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return Done(Result.Fail(new Error("file", "请选择要上传的文件。")), id, "");
        await using var stream = file.OpenReadStream();
        var result = await add.RunAsync(staff.Actor(), id, file.FileName, stream, ct);
        return Done(result, id, $"已上传附件“{(result.Succeeded ? result.Value.DisplayName : "")}”。");
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid attachment, [FromServices] RemoveAttachment remove, CancellationToken ct) =>
        Done(await remove.RunAsync(staff.Actor(), id, attachment, ct), id, "附件已删除（已发布的附件在修订审核通过后删除）。");

    private IActionResult Done(Result result, Guid id, string notice)
    {
        if (result.Errors.Any(e => e.Code == "not_found" && e.Message.Contains("信息"))) return NotFound();
        if (result.Errors.Any(e => e.Code == "forbidden")) return Forbid();
        TempData[result.Succeeded ? "Notice" : "Error"] = result.Succeeded ? notice : string.Join(" ", result.Errors.Select(e => e.Message));
        return Redirect($"/staff/catalog/{id}/edit");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        Item = await db.CatalogItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (Item is null || Item.AgencyId != staff.AgencyId) return false;
        Files = (await db.ItemAttachments.AsNoTracking().Where(a => a.ItemId == id && a.RemovedAt == null).ToListAsync(ct)).OrderBy(a => a.UploadedAt).ToList();
        return true;
    }

    private async Task LoadCategoriesAsync(CancellationToken ct)
    {
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == staff.AgencyId).Select(a => new { a.Id, a.Kind }).FirstAsync(ct);
        var settings = await db.CatalogSettings.AsNoTracking().FirstOrDefaultAsync(s => s.AgencyId == agency.Id, ct) ?? AgencyCatalogSettings.Default(agency.Id, agency.Kind);
        Categories = DisclosureCategories.For(settings.Art21Level);
    }
}
