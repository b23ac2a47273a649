using Gongkai.Common;

namespace Gongkai.Catalog;

/// <summary>The catalogue fields an editor fills in; validated by <see cref="ItemContent.Validate"/>.</summary>
public sealed record ItemContent
{
    public string Title { get; init; } = "";
    public string? DocNo { get; init; }
    public DisclosureCategory Category { get; init; } = DisclosureCategory.art20_1;
    public Topic Topic { get; init; } = Topic.other;
    public Genre Genre { get; init; } = Genre.other;
    public ItemKind Kind { get; init; } = ItemKind.other;
    /// <summary>成文日期 (生成日期 of Art. 12).</summary>
    public DateOnly WrittenOn { get; init; }
    /// <summary>The day the information was formed or changed, from which Art. 26's 20 working days run; defaults to <see cref="WrittenOn"/>.</summary>
    public DateOnly? FormedOn { get; init; }
    public string? Keywords { get; init; }
    public string? Summary { get; init; }
    /// <summary>Markdown, rendered with <see cref="SafeMarkdown"/>.</summary>
    public string? Body { get; init; }
    public DisclosureMode Mode { get; init; } = DisclosureMode.proactive;
    public WithholdingReason? WithholdingReason { get; init; }

    public DateOnly EffectiveFormedOn => FormedOn ?? WrittenOn;

    /// <summary>Trimmed content and every problem, each a Chinese sentence naming its field.</summary>
    public (ItemContent Content, List<Error> Errors) Validate(DateOnly today)
    {
        var errors = new List<Error>();
        var title = TextRules.Check(errors, nameof(Title), "标题", Title, ItemLimits.Title, required: true) ?? "";
        var docNo = TextRules.Check(errors, nameof(DocNo), "文号", DocNo, ItemLimits.DocNo, required: false);
        var keywords = TextRules.Check(errors, nameof(Keywords), "主题词", Keywords, ItemLimits.Keywords, required: false);
        var summary = TextRules.Check(errors, nameof(Summary), "内容概述", Summary, ItemLimits.Summary, required: false);
        // The body is Markdown and may legitimately contain "<" (it is shown as text), so only its length is checked.
        var body = string.IsNullOrWhiteSpace(Body) ? null : Body.Replace("\r\n", "\n").Trim();
        if (body is { Length: > ItemLimits.Body }) errors.Add(new Error("too_long", $"正文不能超过 {ItemLimits.Body} 个字（现在是 {body.Length} 个）。", nameof(Body)));

        if (!Enum.IsDefined(Category)) errors.Add(new Error("invalid", "请选择主动公开类别。", nameof(Category)));
        if (!Enum.IsDefined(Topic)) errors.Add(new Error("invalid", "请选择主题分类。", nameof(Topic)));
        if (!Enum.IsDefined(Genre)) errors.Add(new Error("invalid", "请选择体裁分类。", nameof(Genre)));
        if (!Enum.IsDefined(Kind)) errors.Add(new Error("invalid", "请选择文件类型。", nameof(Kind)));
        if (!Enum.IsDefined(Mode)) errors.Add(new Error("invalid", "请选择公开方式。", nameof(Mode)));

        if (WrittenOn == default) errors.Add(new Error("required", "请填写成文日期。", nameof(WrittenOn)));
        else if (WrittenOn > today) errors.Add(new Error("future", "成文日期不能晚于今天。", nameof(WrittenOn)));
        if (FormedOn is { } formed && WrittenOn != default && formed < WrittenOn)
            errors.Add(new Error("order", "形成或变更日期不能早于成文日期。", nameof(FormedOn)));
        if (FormedOn > today) errors.Add(new Error("future", "形成或变更日期不能晚于今天。", nameof(FormedOn)));

        if (Mode == DisclosureMode.withheld && WithholdingReason is null)
            errors.Add(new Error("required", "不予公开的信息必须选择不予公开的法定理由。", nameof(WithholdingReason)));
        if (WithholdingReason is { } r && !Enum.IsDefined(r))
            errors.Add(new Error("invalid", "请选择不予公开的法定理由。", nameof(WithholdingReason)));

        return (this with
        {
            Title = title, DocNo = docNo, Keywords = keywords, Summary = summary, Body = body,
            WithholdingReason = Mode == DisclosureMode.withheld ? WithholdingReason : null,
        }, errors);
    }
}

/// <summary>
/// A piece of government information in an agency's catalogue and its publishing workflow:
/// draft → submitted → (reviewed) published, or returned to the editor; a published item can be
/// revised (the public keeps seeing the last published version until the revision is approved),
/// withdrawn, or marked expired/abolished. Every transition is a method that checks the current
/// state and returns a typed error instead of throwing.
/// </summary>
public sealed class InformationItem
{
    private InformationItem() { }

    public Guid Id { get; private set; }
    public Guid AgencyId { get; private set; }
    public ItemStatus Status { get; private set; }

    // The working copy. Before first publication it is the only copy; afterwards the published
    // copy lives in PublishedItem and the working copy may run ahead of it in a revision.
    public string Title { get; private set; } = "";
    public string? DocNo { get; private set; }
    public DisclosureCategory Category { get; private set; }
    public Topic Topic { get; private set; }
    public Genre Genre { get; private set; }
    public ItemKind Kind { get; private set; }
    public DateOnly WrittenOn { get; private set; }
    public DateOnly FormedOn { get; private set; }
    public string? Keywords { get; private set; }
    public string? Summary { get; private set; }
    public string? Body { get; private set; }
    public DisclosureMode Mode { get; private set; }
    public WithholdingReason? WithholdingReason { get; private set; }

    /// <summary>Assigned at first publication, then never changed.</summary>
    public string? IndexNo { get; private set; }
    /// <summary>发布日期: the day of first publication.</summary>
    public DateOnly? PublishedOn { get; private set; }
    /// <summary>How many versions have been published (0 before first publication).</summary>
    public int PublishedVersion { get; private set; }

    public Validity Validity { get; private set; }
    /// <summary>失效/废止日期.</summary>
    public DateOnly? ValidityChangedOn { get; private set; }
    public string? ValidityReason { get; private set; }

    public DateOnly? WithdrawnOn { get; private set; }
    public string? WithdrawnReason { get; private set; }

    public Guid CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public Guid LastEditedBy { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public Guid? SubmittedBy { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    /// <summary>The reasons of the last return, shown to the editor until the next submission.</summary>
    public string? ReturnReason { get; private set; }

    /// <summary>
    /// Concurrency token, increased by every change of the item or its attachments: of two staff members acting on
    /// the same item at once, the second write is refused (docs/edit-conflicts.md).
    /// </summary>
    public long RowVersion { get; private set; }

    /// <summary>Counts a change that is not a field of the item itself (an attachment added or removed).</summary>
    internal void MarkChanged() => RowVersion++;

    /// <summary>True while a revision of a published item is being drafted or reviewed.</summary>
    public bool IsRevision => PublishedVersion > 0 && Status is ItemStatus.draft or ItemStatus.submitted or ItemStatus.returned;

    public bool IsPublic => PublishedVersion > 0;

    internal static InformationItem Create(Guid agencyId, ItemContent content, Guid editor, DateTimeOffset now)
    {
        var item = new InformationItem
        {
            Id = Guid.NewGuid(), AgencyId = agencyId, Status = ItemStatus.draft, Validity = Validity.valid,
            CreatedBy = editor, CreatedAt = now,
        };
        item.Apply(content, editor, now);
        return item;
    }

    /// <summary>Creates an item that is already published (catalogue import, demo data): no review, an index number given by the caller.</summary>
    /// <param name="id">The new item's id (a bulk import passes ids in ascending order); a random one when null.</param>
    internal static InformationItem CreatePublished(Guid agencyId, ItemContent content, string indexNo, DateOnly publishedOn,
        Validity validity, DateOnly? validityChangedOn, Guid actor, DateTimeOffset now, Guid? id = null)
    {
        var item = Create(agencyId, content, actor, now);
        if (id is { } given) item.Id = given;
        item.Status = ItemStatus.published;
        item.IndexNo = indexNo;
        item.PublishedOn = publishedOn;
        item.PublishedVersion = 1;
        item.Validity = validity;
        item.ValidityChangedOn = validityChangedOn;
        return item;
    }

    public Result Edit(ItemContent content, Guid editor, DateTimeOffset now)
    {
        if (Status is ItemStatus.submitted) return Fail("submitted", "该信息已提交审核，审核完成前不能修改；如需修改请等待退回。");
        if (Status is ItemStatus.withdrawn) return Fail("withdrawn", "该信息已撤回，不能再修改。");
        if (Validity != Validity.valid) return Fail("not_valid", "该信息已失效或废止，不能再修改。");
        Apply(content, editor, now);
        // Editing a published item starts a revision; the public keeps the published version meanwhile.
        if (Status is ItemStatus.published or ItemStatus.returned) Status = ItemStatus.draft;
        return Result.Ok();
    }

    public Result Submit(Guid editor, DateTimeOffset now)
    {
        if (Status is not (ItemStatus.draft or ItemStatus.returned))
            return Fail("state", Status == ItemStatus.submitted ? "该信息已经提交审核了。" : "只有草稿或被退回的信息可以提交审核。");
        Status = ItemStatus.submitted;
        RowVersion++;
        SubmittedBy = editor;
        SubmittedAt = now;
        ReturnReason = null;
        return Result.Ok();
    }

    /// <summary>
    /// 先审后发: nobody reviews their own work — not the creator, the last editor, nor the submitter
    /// (the rule of issue 4: "an editor cannot approve their own item").
    /// </summary>
    public Result CheckReviewer(Guid reviewer)
    {
        if (Status != ItemStatus.submitted) return Fail("state", "只有待审核的信息可以审核。");
        if (reviewer == CreatedBy || reviewer == LastEditedBy || reviewer == SubmittedBy)
            return Fail("own_item", "不能审核自己起草、修改或提交的信息，请由其他审核人员审核。");
        return Result.Ok();
    }

    public Result Return(Guid reviewer, string reasons)
    {
        var check = CheckReviewer(reviewer);
        if (!check.Succeeded) return check;
        Status = ItemStatus.returned;
        RowVersion++;
        ReturnReason = reasons;
        return Result.Ok();
    }

    /// <summary>Publishes the reviewed working copy as a new version; the index number is given once, at the first publication.</summary>
    internal Result Publish(Guid reviewer, Func<string> assignIndexNo, DateOnly today)
    {
        var check = CheckReviewer(reviewer);
        if (!check.Succeeded) return check;
        Status = ItemStatus.published;
        RowVersion++;
        IndexNo ??= assignIndexNo();
        PublishedOn ??= today;
        PublishedVersion++;
        return Result.Ok();
    }

    public Result Withdraw(DateOnly on, string reason)
    {
        if (!IsPublic) return Fail("not_public", "只有已发布的信息可以撤回；草稿可以直接删除。");
        if (Status == ItemStatus.withdrawn) return Fail("state", "该信息已经撤回了。");
        if (PublishedOn is { } p && on < p) return Fail("date", "撤回日期不能早于发布日期。");
        Status = ItemStatus.withdrawn;
        RowVersion++;
        WithdrawnOn = on;
        WithdrawnReason = reason;
        return Result.Ok();
    }

    /// <summary>Marks a published item 失效 or 废止; it stays public with its new validity (website-conventions.md §4).</summary>
    public Result ChangeValidity(Validity validity, DateOnly on, string reason)
    {
        if (!IsPublic) return Fail("not_public", "只有已发布的信息可以标注失效或废止。");
        if (Status == ItemStatus.withdrawn) return Fail("state", "该信息已经撤回，不能再标注有效性。");
        if (validity == Validity.valid) return Fail("invalid", "请选择“失效”或“废止”。");
        if (Validity != Validity.valid) return Fail("state", $"该信息已经{Validity.Label()}了。");
        if (on < WrittenOn) return Fail("date", "失效或废止日期不能早于成文日期。");
        Validity = validity;
        RowVersion++;
        ValidityChangedOn = on;
        ValidityReason = reason;
        return Result.Ok();
    }

    public bool CanDelete => PublishedVersion == 0 && Status is ItemStatus.draft or ItemStatus.returned;

    public ItemContent Content => new()
    {
        Title = Title, DocNo = DocNo, Category = Category, Topic = Topic, Genre = Genre, Kind = Kind,
        WrittenOn = WrittenOn, FormedOn = FormedOn, Keywords = Keywords, Summary = Summary, Body = Body,
        Mode = Mode, WithholdingReason = WithholdingReason,
    };

    private void Apply(ItemContent c, Guid editor, DateTimeOffset now)
    {
        (Title, DocNo, Category, Topic, Genre, Kind) = (c.Title, c.DocNo, c.Category, c.Topic, c.Genre, c.Kind);
        (WrittenOn, FormedOn, Keywords, Summary, Body) = (c.WrittenOn, c.EffectiveFormedOn, c.Keywords, c.Summary, c.Body);
        (Mode, WithholdingReason) = (c.Mode, c.WithholdingReason);
        LastEditedBy = editor;
        UpdatedAt = now;
        RowVersion++;
    }

    private static Result Fail(string code, string message) => Result.Fail(new Error(code, message));
}
