using Gongkai.Catalog;
using Gongkai.Common;
using Gongkai.Data;
using Gongkai.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Core.Tests.Catalog;

/// <summary>
/// Staff members acting on the same catalogue item at the same moment (two reviewers approving, an edit racing a
/// withdrawal, a double submit, removing the same attachment twice): never an exception, one action wins and the
/// others are refused in Chinese, the database and the audit hold exactly the applied actions, and no index number
/// is given twice. On SQLite and PostgreSQL.
/// </summary>
public sealed class ConcurrentItemWorkflowTests
{
    private static ItemContent Content(string title = "关于提高城乡低保标准的通知") => new()
    {
        Title = title, DocNo = "测府办发〔2024〕3号", Category = DisclosureCategory.art20_11, Topic = Topic.civil_affairs_relief,
        Genre = Genre.notice, Kind = ItemKind.normative, WrittenOn = new DateOnly(2024, 1, 5), Body = "自7月1日起，城乡低保标准每人每月提高50元。",
    };

    private static async Task<T[]> AtOnce<T>(int n, Func<int, Task<T>> action)
    {
        using var start = new Barrier(n);
        return await Task.WhenAll(Enumerable.Range(0, n).Select(i => Task.Run(() =>
        {
            start.SignalAndWait();
            return action(i);
        })));
    }

    private static void AssertRefusedInChinese(Result r)
    {
        var e = Assert.Single(r.Errors);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", e.Message);
    }

    private static async Task<Guid> SubmittedAsync(CatalogTestDb db, CatalogActor editor, string title = "关于提高城乡低保标准的通知")
    {
        var id = (await db.RunAsync(s => s.GetRequiredService<CreateItem>().RunAsync(editor, Content(title)))).Value.Id;
        Assert.True((await db.RunAsync(s => s.GetRequiredService<SubmitItem>().RunAsync(editor, id))).Succeeded);
        return id;
    }

    private static Task<Result<InformationItem>> Approve(CatalogTestDb db, CatalogActor reviewer, Guid id) =>
        db.RunAsync(s => s.GetRequiredService<ReviewItem>().RunAsync(reviewer, id, new ReviewInput(ReviewDecision.approved, ReviewItem.DefaultBasis, null)));

    private static Task<int> AuditCount(CatalogTestDb db, string action) =>
        db.RunAsync(s => s.GetRequiredService<GongkaiDb>().AuditEntries.CountAsync(a => a.Action == action));

    [Theory, InlineData(false), InlineData(true)]
    public async Task Reviewers_approving_the_same_item_at_once_publish_it_once(bool postgres)
    {
        await using var db = new CatalogTestDb(postgres);
        await db.InitializeAsync();
        if (db.Unavailable) return;
        var editor = CatalogTestDb.Actor(db.AgencyA, StaffRole.editor);
        var id = await SubmittedAsync(db, editor);

        var results = await AtOnce(5, _ => Approve(db, CatalogTestDb.Actor(db.AgencyA, StaffRole.reviewer), id));

        Assert.Single(results, r => r.Succeeded);
        foreach (var r in results.Where(r => !r.Succeeded)) AssertRefusedInChinese(r);
        var (versions, reviews, published) = await db.RunAsync(async s =>
        {
            var g = s.GetRequiredService<GongkaiDb>();
            return (await g.ItemVersions.CountAsync(v => v.ItemId == id), await g.ItemReviews.CountAsync(r => r.ItemId == id),
                (await g.CatalogItems.SingleAsync(i => i.Id == id)).PublishedVersion);
        });
        Assert.Equal(1, versions);
        Assert.Equal(1, reviews);
        Assert.Equal(1, published);
        Assert.Equal(1, await AuditCount(db, "catalog.approve"));
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task Different_items_approved_at_once_never_share_an_index_number(bool postgres)
    {
        await using var db = new CatalogTestDb(postgres);
        await db.InitializeAsync();
        if (db.Unavailable) return;
        var editor = CatalogTestDb.Actor(db.AgencyA, StaffRole.editor);
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++) ids.Add(await SubmittedAsync(db, editor, $"第{i + 1}号通知"));

        var results = await AtOnce(5, i => Approve(db, CatalogTestDb.Actor(db.AgencyA, StaffRole.reviewer), ids[i]));

        foreach (var r in results.Where(r => !r.Succeeded)) AssertRefusedInChinese(r);
        var approved = results.Count(r => r.Succeeded);
        Assert.True(approved >= 1);
        var indexNos = await db.RunAsync(s => s.GetRequiredService<GongkaiDb>().CatalogItems.Where(i => i.IndexNo != null).Select(i => i.IndexNo!).ToListAsync());
        Assert.Equal(approved, indexNos.Count);
        Assert.Equal(indexNos.Count, indexNos.Distinct().Count());
        Assert.Equal(approved, await AuditCount(db, "catalog.approve"));
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task A_double_submit_is_applied_once(bool postgres)
    {
        await using var db = new CatalogTestDb(postgres);
        await db.InitializeAsync();
        if (db.Unavailable) return;
        var editor = CatalogTestDb.Actor(db.AgencyA, StaffRole.editor);
        var id = (await db.RunAsync(s => s.GetRequiredService<CreateItem>().RunAsync(editor, Content()))).Value.Id;

        var results = await AtOnce(5, _ => db.RunAsync(s => s.GetRequiredService<SubmitItem>().RunAsync(editor, id)));

        Assert.Single(results, r => r.Succeeded);
        foreach (var r in results.Where(r => !r.Succeeded)) AssertRefusedInChinese(r);
        Assert.Equal(1, await AuditCount(db, "catalog.submit"));
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task An_edit_racing_a_withdrawal_never_revives_the_withdrawn_item(bool postgres)
    {
        await using var db = new CatalogTestDb(postgres);
        await db.InitializeAsync();
        if (db.Unavailable) return;
        var editor = CatalogTestDb.Actor(db.AgencyA, StaffRole.editor);
        var reviewer = CatalogTestDb.Actor(db.AgencyA, StaffRole.reviewer);
        for (var round = 0; round < 4; round++)
        {
            var id = await SubmittedAsync(db, editor, $"第{round + 1}号通知");
            Assert.True((await Approve(db, reviewer, id)).Succeeded);

            var results = await AtOnce(4, i => i % 2 == 0
                ? db.RunAsync(s => s.GetRequiredService<ChangeItemStatus>().WithdrawAsync(reviewer, id, null, "内容已过时"))
                : db.RunAsync<Result>(async s => await s.GetRequiredService<EditItem>().RunAsync(editor, id, Content($"第{round + 1}号通知（修订）"))));

            foreach (var r in results.Where(r => !r.Succeeded)) AssertRefusedInChinese(r);
            var withdrawn = results.Where((r, i) => i % 2 == 0 && r.Succeeded).Count();
            Assert.True(withdrawn <= 1);
            var item = await db.RunAsync(s => s.GetRequiredService<GongkaiDb>().CatalogItems.SingleAsync(i => i.Id == id));
            // Whatever won, the item is consistent: withdrawn with its date, or a revision draft never withdrawn.
            if (withdrawn == 1) Assert.Equal(ItemStatus.withdrawn, item.Status);
            else Assert.Null(item.WithdrawnOn);
            Assert.Equal(item.Status == ItemStatus.withdrawn, item.WithdrawnOn is not null);
        }
        var edits = await AuditCount(db, "catalog.edit");
        var withdrawals = await AuditCount(db, "catalog.withdraw");
        Assert.True(withdrawals <= 4);
        Assert.True(edits + withdrawals >= 4);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task Removing_the_same_attachment_twice_at_once_removes_it_once(bool postgres)
    {
        await using var db = new CatalogTestDb(postgres);
        await db.InitializeAsync();
        if (db.Unavailable) return;
        var editor = CatalogTestDb.Actor(db.AgencyA, StaffRole.editor);
        var id = (await db.RunAsync(s => s.GetRequiredService<CreateItem>().RunAsync(editor, Content()))).Value.Id;
        var pdf = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Catalog", "Samples", "notice.pdf"));
        var added = await db.RunAsync(s => s.GetRequiredService<AddAttachment>().RunAsync(editor, id, "通知.pdf", new MemoryStream(pdf)));
        Assert.True(added.Succeeded);

        var results = await AtOnce(4, _ => db.RunAsync(s => s.GetRequiredService<RemoveAttachment>().RunAsync(editor, id, added.Value.Id)));

        Assert.Single(results, r => r.Succeeded);
        foreach (var r in results.Where(r => !r.Succeeded)) AssertRefusedInChinese(r);
        Assert.Equal(1, await AuditCount(db, "catalog.detach"));
    }

    [Fact]
    public async Task A_reviewer_only_approves_the_version_their_page_showed()
    {
        await using var db = new CatalogTestDb();
        await db.InitializeAsync();
        var editor = CatalogTestDb.Actor(db.AgencyA, StaffRole.editor);
        var reviewer = CatalogTestDb.Actor(db.AgencyA, StaffRole.reviewer);
        var other = CatalogTestDb.Actor(db.AgencyA, StaffRole.reviewer);
        var id = await SubmittedAsync(db, editor);
        var shown = await db.RunAsync(s => s.GetRequiredService<GongkaiDb>().CatalogItems.Where(i => i.Id == id).Select(i => i.RowVersion).SingleAsync());

        // Meanwhile a colleague returns it, the editor changes the text and submits it again.
        Assert.True((await db.RunAsync(s => s.GetRequiredService<ReviewItem>().RunAsync(other, id, new ReviewInput(ReviewDecision.returned, ReviewItem.DefaultBasis, "请补充依据")))).Succeeded);
        Assert.True((await db.RunAsync(s => s.GetRequiredService<EditItem>().RunAsync(editor, id, Content("关于提高城乡低保标准的通知（修改稿）")))).Succeeded);
        Assert.True((await db.RunAsync(s => s.GetRequiredService<SubmitItem>().RunAsync(editor, id))).Succeeded);

        var stale = await db.RunAsync(s => s.GetRequiredService<ReviewItem>().RunAsync(reviewer, id, new ReviewInput(ReviewDecision.approved, ReviewItem.DefaultBasis, null, shown)));
        Assert.Equal("edited_meanwhile", Assert.Single(stale.Errors).Code);
        Assert.Equal(0, await AuditCount(db, "catalog.approve"));

        var withdrawn = await db.RunAsync(s => s.GetRequiredService<ChangeItemStatus>().WithdrawAsync(reviewer, id, null, "测试", shown));
        Assert.Equal("edited_meanwhile", Assert.Single(withdrawn.Errors).Code);
    }

    [Fact]
    public async Task Uploads_to_one_item_at_once_each_apply_or_are_refused_and_leave_no_stray_file()
    {
        await using var db = new CatalogTestDb();
        await db.InitializeAsync();
        var editor = CatalogTestDb.Actor(db.AgencyA, StaffRole.editor);
        var id = (await db.RunAsync(s => s.GetRequiredService<CreateItem>().RunAsync(editor, Content()))).Value.Id;
        var pdf = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Catalog", "Samples", "notice.pdf"));

        var results = await AtOnce(4, i => db.RunAsync(s => s.GetRequiredService<AddAttachment>().RunAsync(editor, id, $"通知{i}.pdf", new MemoryStream(pdf))));

        foreach (var r in results.Where(r => !r.Succeeded)) AssertRefusedInChinese(r);
        var applied = results.Count(r => r.Succeeded);
        Assert.True(applied >= 1);
        var rows = await db.RunAsync(s => s.GetRequiredService<GongkaiDb>().ItemAttachments.CountAsync(a => a.ItemId == id));
        Assert.Equal(applied, rows);
        Assert.Equal(applied, await AuditCount(db, "catalog.attach"));
        var files = await db.RunAsync(s => Task.FromResult(Directory.GetFiles(
            s.GetRequiredService<CatalogOptions>().FullFilesDir(s.GetRequiredService<DatabaseOptions>()), "*", SearchOption.AllDirectories)));
        Assert.Equal(applied, files.Length);
    }
}
