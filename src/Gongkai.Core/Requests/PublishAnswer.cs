using Gongkai.Catalog;
using Gongkai.Common;
using Gongkai.Data;
using Gongkai.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Requests;

/// <summary>A request whose answer was turned into a catalogue draft (Art. 44); one per request.</summary>
public sealed class RequestCatalogLink
{
    public Guid RequestId { get; set; }
    public Guid ItemId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
}

public sealed class RequestCatalogLinkConfiguration : IEntityTypeConfiguration<RequestCatalogLink>
{
    public void Configure(EntityTypeBuilder<RequestCatalogLink> b)
    {
        b.ToTable("request_catalog_links");
        b.HasKey(l => l.RequestId);
        b.HasOne<DisclosureRequest>().WithOne().HasForeignKey<RequestCatalogLink>(l => l.RequestId).OnDelete(DeleteBehavior.Restrict);
        // Deleting the draft (never published) removes the link, so the answer can be published again.
        b.HasOne<InformationItem>().WithOne().HasForeignKey<RequestCatalogLink>(l => l.ItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(l => l.ItemId).IsUnique();
        b.Property(l => l.CreatedBy).HasMaxLength(64).IsRequired();
    }
}

/// <summary>
/// Art. 44: the answer to a granted (or partially granted) request is offered to the public. In one step
/// staff create a catalogue draft prefilled from the request — title and summary from the description,
/// body from the answer — which then goes through the normal review (先审后发) like any draft: it is not
/// submitted or published here. The draft is linked back to the request.
/// </summary>
public sealed class PublishAnswer(GongkaiDb db, TimeProvider clock, RequestSteps steps)
{
    public async Task<Result<RequestCatalogLink>> RunAsync(StaffActor actor, Guid requestId, DisclosureCategory category, CancellationToken ct = default)
    {
        var loaded = await steps.LoadAsync(actor, requestId, RequestAction.Handle, ct);
        if (!loaded.Succeeded) return Result<RequestCatalogLink>.Fail(loaded.Errors);
        var r = loaded.Value;
        var decision = r.History(steps.Clocks.AddWorkingDays).Decision;
        if (r.Status == RequestStatus.Withdrawn || !ReportKeys.TryParseLeaf(r.ResultLeaf, out var leaf) || leaf is not (ResultLeaf.Granted or ResultLeaf.Partial) || decision is null)
            return new Error("publish.not_granted", "只有作出予以公开或部分公开决定的申请，才能将答复内容转为主动公开。");
        if (decision.Situation == DecisionSituation.AlreadyPublic)
            return new Error("publish.already_public", "该信息已经主动公开，无需再转为主动公开。");
        if (await db.Set<RequestCatalogLink>().AnyAsync(l => l.RequestId == r.Id, ct))
            return new Error("publish.already", "该申请的答复内容已转为主动公开草稿，请在信息发布中继续办理。");
        if (!Enum.IsDefined(category)) return new Error("invalid", "请选择主动公开类别。", "category");

        var content = new ItemContent
        {
            Title = Cut(FirstLine(r.Description), ItemLimits.Title),
            Summary = Cut(r.Description, ItemLimits.Summary),
            Body = decision.PublicText ?? r.Description,
            Category = category,
            WrittenOn = decision.On,
            Mode = DisclosureMode.proactive,
        };
        var (valid, errors) = content.Validate(ChinaTime.Today(clock));
        if (errors.Count > 0) return Result<RequestCatalogLink>.Fail(errors);

        var now = clock.GetUtcNow();
        var item = InformationItem.Create(r.AgencyId, valid, actor.UserId, now);
        db.CatalogItems.Add(item);
        var link = new RequestCatalogLink { RequestId = r.Id, ItemId = item.Id, CreatedAt = now, CreatedBy = actor.UserId.ToString() };
        db.Set<RequestCatalogLink>().Add(link);
        db.Audit.Record(actor.AuditName, r.AgencyId, "requests.publish_answer", $"DisclosureRequest:{r.QueryCode}",
            $"将申请 {r.QueryCode} 的答复内容转为主动公开草稿《{item.Title}》，待审核发布");
        await db.SaveChangesAsync(ct);
        return Result<RequestCatalogLink>.Ok(link);
    }

    private static string FirstLine(string s) => s.Replace("\r", "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? s;

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
