using Gongkai.Catalog;
using Gongkai.Common;
using Gongkai.Data;
using Gongkai.Search;
using Gongkai.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Core.Tests.Catalog;

public sealed class WorkflowTests : IAsyncLifetime
{
    private readonly CatalogTestDb _db = new();
    private CatalogActor _editor = null!, _reviewer = null!;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        _editor = CatalogTestDb.Actor(_db.AgencyA, StaffRole.editor);
        _reviewer = CatalogTestDb.Actor(_db.AgencyA, StaffRole.reviewer);
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    private static ItemContent Content(string title = "关于提高城乡低保标准的通知", string body = "自7月1日起，城乡低保标准每人每月提高50元。") => new()
    {
        Title = title, DocNo = "测府办发〔2024〕3号", Category = DisclosureCategory.art20_11, Topic = Topic.civil_affairs_relief,
        Genre = Genre.notice, Kind = ItemKind.normative, WrittenOn = new DateOnly(2024, 1, 5), Body = body,
    };

    private Task<T> Run<T>(Func<IServiceProvider, Task<T>> f) => _db.RunAsync(f);

    private async Task<Guid> DraftAsync(CatalogActor? editor = null, ItemContent? content = null) =>
        (await Run(s => s.GetRequiredService<CreateItem>().RunAsync(editor ?? _editor, content ?? Content()))).Value.Id;

    private Task<Result> SubmitAsync(Guid id, CatalogActor? editor = null) => Run(s => s.GetRequiredService<SubmitItem>().RunAsync(editor ?? _editor, id));

    private Task<Result<InformationItem>> ReviewAsync(Guid id, CatalogActor reviewer, ReviewDecision decision = ReviewDecision.approved, string? comment = null) =>
        Run(s => s.GetRequiredService<ReviewItem>().RunAsync(reviewer, id, new ReviewInput(decision, ReviewItem.DefaultBasis, comment)));

    private Task<CatalogPage> SearchAsync(string q) => Run(s => s.GetRequiredService<SearchCatalog>().RunAsync(new CatalogFilter { Q = q }));

    [Fact]
    public async Task An_approved_item_is_published_with_an_index_number_and_found_by_a_word_of_its_body()
    {
        var id = await DraftAsync();
        Assert.Equal(0, (await SearchAsync("低保")).Total);
        Assert.True((await SubmitAsync(id)).Succeeded);
        var approved = await ReviewAsync(id, _reviewer);
        Assert.True(approved.Succeeded, string.Join(" ", approved.Errors.Select(e => e.Message)));

        var item = approved.Value;
        Assert.Equal(ItemStatus.published, item.Status);
        Assert.Matches(@"^\w{18}/\d{4}-00001$", item.IndexNo);
        var page = await SearchAsync("低保");
        Assert.Equal(item.IndexNo, Assert.Single(page.Items).IndexNo);
        Assert.Equal(1, (await SearchAsync("每月")).Total);

        var (reviews, audit) = await Run(async s =>
        {
            var db = s.GetRequiredService<GongkaiDb>();
            return (await db.ItemReviews.Where(r => r.ItemId == id).ToListAsync(),
                await db.AuditEntries.Where(a => a.Entity == $"Item:{id}").Select(a => a.Action).ToListAsync());
        });
        var review = Assert.Single(reviews);
        Assert.Equal((ReviewDecision.approved, _reviewer.UserId, ReviewItem.DefaultBasis), (review.Decision, review.ReviewerId, review.Basis));
        Assert.Equal(["catalog.create", "catalog.submit", "catalog.approve"], audit);
    }

    [Fact]
    public async Task Nobody_approves_an_item_they_drafted_even_with_both_roles()
    {
        var both = CatalogTestDb.Actor(_db.AgencyA, StaffRole.editor, StaffRole.reviewer);
        var id = await DraftAsync(both);
        await SubmitAsync(id, both);
        var result = await ReviewAsync(id, both);
        Assert.Equal("own_item", Assert.Single(result.Errors).Code);
        Assert.Equal(0, (await SearchAsync("低保")).Total);
    }

    [Fact]
    public async Task Each_action_needs_its_role_in_the_items_own_agency()
    {
        var id = await DraftAsync();
        var reviewerOnly = CatalogTestDb.Actor(_db.AgencyA, StaffRole.reviewer);
        Assert.Equal("forbidden", Assert.Single((await Run(s => s.GetRequiredService<CreateItem>().RunAsync(reviewerOnly, Content()))).Errors).Code);
        Assert.Equal("forbidden", Assert.Single((await SubmitAsync(id, reviewerOnly)).Errors).Code);

        var otherEditor = CatalogTestDb.Actor(_db.AgencyB, StaffRole.editor);
        Assert.Equal("not_found", Assert.Single((await SubmitAsync(id, otherEditor)).Errors).Code);
        Assert.Equal("not_found", Assert.Single((await Run(s => s.GetRequiredService<EditItem>().RunAsync(otherEditor, id, Content("篡改")))).Errors).Code);

        await SubmitAsync(id);
        Assert.Equal("forbidden", Assert.Single((await ReviewAsync(id, CatalogTestDb.Actor(_db.AgencyA, StaffRole.editor))).Errors).Code);
        Assert.Equal("not_found", Assert.Single((await ReviewAsync(id, CatalogTestDb.Actor(_db.AgencyB, StaffRole.reviewer))).Errors).Code);
        var admin = CatalogTestDb.Actor(_db.AgencyB, StaffRole.platform_admin);
        Assert.Equal("forbidden", Assert.Single((await ReviewAsync(id, admin)).Errors).Code);
    }

    [Fact]
    public async Task A_returned_item_goes_back_to_the_editor_with_reasons_and_can_be_resubmitted()
    {
        var id = await DraftAsync();
        await SubmitAsync(id);
        Assert.Contains("退回理由", Assert.Single((await ReviewAsync(id, _reviewer, ReviewDecision.returned)).Errors).Message);
        var returned = await ReviewAsync(id, _reviewer, ReviewDecision.returned, "附件含身份证号，请删除后再报");
        Assert.Equal((ItemStatus.returned, "附件含身份证号，请删除后再报"), (returned.Value.Status, returned.Value.ReturnReason));
        Assert.Null(returned.Value.IndexNo);

        Assert.True((await Run(s => s.GetRequiredService<EditItem>().RunAsync(_editor, id, Content(body: "已删除个人信息。低保标准提高。")))).Succeeded);
        await SubmitAsync(id);
        Assert.True((await ReviewAsync(id, _reviewer)).Succeeded);
    }

    [Fact]
    public async Task A_submitted_item_cannot_be_edited()
    {
        var id = await DraftAsync();
        await SubmitAsync(id);
        var result = await Run(s => s.GetRequiredService<EditItem>().RunAsync(_editor, id, Content("改标题")));
        Assert.Equal("submitted", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public async Task A_revision_keeps_the_public_version_until_approved_and_keeps_the_index_number()
    {
        var id = await DraftAsync();
        await SubmitAsync(id);
        var first = (await ReviewAsync(id, _reviewer)).Value;

        await Run(s => s.GetRequiredService<EditItem>().RunAsync(_editor, id, Content("关于调整医保报销比例的通知", "医保报销比例调整。")));
        Assert.Equal(1, (await SearchAsync("低保")).Total);
        Assert.Equal(0, (await SearchAsync("医保")).Total);

        await SubmitAsync(id);
        var second = (await ReviewAsync(id, _reviewer)).Value;
        Assert.Equal((first.IndexNo, 2), (second.IndexNo, second.PublishedVersion));
        Assert.Equal(0, (await SearchAsync("低保")).Total);
        Assert.Equal("关于调整医保报销比例的通知", Assert.Single((await SearchAsync("医保")).Items).Title);
        var versions = await Run(s => s.GetRequiredService<GongkaiDb>().ItemVersions.Where(v => v.ItemId == id).OrderBy(v => v.Version).ToListAsync());
        Assert.Equal(["关于提高城乡低保标准的通知", "关于调整医保报销比例的通知"], versions.Select(v => v.Content.Title));
    }

    [Fact]
    public async Task Index_numbers_count_up_per_agency_and_year_and_are_never_reused()
    {
        var numbers = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var id = await DraftAsync(content: Content($"通知{i}"));
            await SubmitAsync(id);
            var item = (await ReviewAsync(id, _reviewer)).Value;
            numbers.Add(item.IndexNo!);
            if (i == 1) await Run(s => s.GetRequiredService<ChangeItemStatus>().WithdrawAsync(_reviewer, id, null, "内容有误"));
        }
        Assert.Equal(["00001", "00002", "00003"], numbers.Select(n => n[^5..]));
        Assert.Equal(3, numbers.Distinct().Count());
    }

    [Fact]
    public async Task Withdrawn_and_abolished_items_stay_findable_with_their_status()
    {
        var a = await DraftAsync(content: Content("低保通知甲"));
        var b = await DraftAsync(content: Content("低保通知乙"));
        foreach (var id in new[] { a, b }) { await SubmitAsync(id); await ReviewAsync(id, _reviewer); }

        Assert.Equal("forbidden", Assert.Single((await Run(s => s.GetRequiredService<ChangeItemStatus>().WithdrawAsync(_editor, a, null, "错误"))).Errors).Code);
        Assert.True((await Run(s => s.GetRequiredService<ChangeItemStatus>().WithdrawAsync(_reviewer, a, null, "内容有误"))).Succeeded);
        Assert.True((await Run(s => s.GetRequiredService<ChangeItemStatus>().ChangeValidityAsync(_reviewer, b, Validity.abolished, null, "已被新文件替代"))).Succeeded);

        var page = await SearchAsync("低保");
        Assert.Equal(2, page.Total);
        Assert.True(page.Items.Single(i => i.ItemId == a).Withdrawn);
        Assert.Equal(Validity.abolished, page.Items.Single(i => i.ItemId == b).Validity);
    }

    [Fact]
    public async Task Title_matches_rank_before_newer_body_matches()
    {
        var titleMatch = await DraftAsync(content: Content("城乡低保标准", "正文"));
        var bodyMatch = await DraftAsync(content: Content("工作动态", "本月发放低保金。"));
        foreach (var id in new[] { titleMatch, bodyMatch }) { await SubmitAsync(id); await ReviewAsync(id, _reviewer); }
        var page = await SearchAsync("低保");
        Assert.Equal([titleMatch, bodyMatch], page.Items.Select(i => i.ItemId));
    }
}
