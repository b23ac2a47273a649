using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Data;
using Gongkai.Staff;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Catalog;

/// <summary>
/// A reviewer's approval sent several times at once, and an editor saving from a page loaded before a colleague's save:
/// one action is applied (one audit entry), the others get a Chinese message on the page, never a 500.
/// </summary>
public abstract partial class ItemConcurrentActionTests(GongkaiAppFactory app)
{
    private static Dictionary<string, string> Item(string title) => new()
    {
        ["Input.Title"] = title, ["Input.Category"] = "art20_13", ["Input.Topic"] = "science_education",
        ["Input.Genre"] = "notice", ["Input.Kind"] = "other", ["Input.WrittenOn"] = "2024-03-01", ["Input.Mode"] = "proactive",
        ["Input.Body"] = "各学校要对直饮水设备开展一次全面检查，确保师生饮水安全。",
    };

    private async Task<(Guid Id, string EditPath)> DraftAsync(HttpClient editor, string title)
    {
        var created = await editor.PostFormAsync("/staff/catalog/new", Item(title));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var editPath = created.Headers.Location!.OriginalString;
        return (Guid.Parse(editPath.Split('/')[3]), editPath);
    }

    [Fact]
    public async Task Approvals_sent_at_once_publish_once_and_the_others_are_told_in_chinese()
    {
        if (!app.ReadyFor(GetType().Name)) return;
        var editor = await app.LoginAsync(StaffRole.editor);
        var (id, editPath) = await DraftAsync(editor, "关于开展校园饮水安全复查的通知");
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync(editPath + "?handler=Submit", [], tokenFrom: editPath)).StatusCode);
        var reviewer = await app.LoginAsync(StaffRole.reviewer);
        var page = await reviewer.GetStringAsync($"/staff/catalog/{id}");
        var (token, seen) = (Token(page), Seen(page));

        await ConcurrentPosts.ExactlyOneAppliedAsync(Enumerable.Range(0, 5).Select(_ => reviewer.PostAsync($"/staff/catalog/{id}/approve",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Basis"] = "本机关保密审查制度", ["SeenVersion"] = seen, ["__RequestVerificationToken"] = token }))), "role=\"alert\"[^>]*>[\\s\\S]*(该信息刚被他人修改或审核|只有待审核的信息可以审核)");
        Assert.Equal(1, await AuditsAsync(id, "catalog.approve"));
    }

    [Fact]
    public async Task A_save_from_a_page_loaded_before_a_colleagues_save_is_refused_with_the_typed_text_kept()
    {
        if (!app.ReadyFor(GetType().Name)) return;
        var editor = await app.LoginAsync(StaffRole.editor);
        var (id, editPath) = await DraftAsync(editor, "关于调整公交线路的通告");
        var page = await editor.GetStringAsync(editPath);
        var (token, seen) = (Token(page), Seen(page));
        FormUrlEncodedContent Post(string title) => new(new Dictionary<string, string>(Item(title)) { ["SeenVersion"] = seen, ["__RequestVerificationToken"] = token });

        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostAsync(editPath, Post("关于调整公交线路的通告（修改一）"))).StatusCode);
        var late = await editor.PostAsync(editPath, Post("关于调整公交线路的通告（迟到的修改）"));

        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        var html = await late.Content.ReadAsStringAsync();
        Assert.Contains("该信息刚被他人修改或审核，您的操作没有保存", html);
        Assert.Contains("迟到的修改", html);
        Assert.Equal(2, await AuditsAsync(id, "catalog.create", "catalog.edit"));
        var title = await WithDbAsync(db => db.CatalogItems.Where(i => i.Id == id).Select(i => i.Title).SingleAsync());
        Assert.Equal("关于调整公交线路的通告（修改一）", title);
    }

    private async Task<T> WithDbAsync<T>(Func<GongkaiDb, Task<T>> f)
    {
        await using var core = app.CoreServices();
        return await f(core.CreateScope().ServiceProvider.GetRequiredService<GongkaiDb>());
    }

    private Task<int> AuditsAsync(Guid id, params string[] actions) =>
        WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Entity == $"Item:{id}" && actions.Contains(e.Action)));

    private static string Token(string html) => WebUtility.HtmlDecode(TokenPattern().Match(html).Groups[1].Value);

    private static string Seen(string html) => SeenPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No SeenVersion field");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("name=\"SeenVersion\" value=\"([0-9]+)\"")]
    private static partial Regex SeenPattern();
}

public sealed class SqliteItemConcurrentActionTests(SqliteApp app) : ItemConcurrentActionTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresItemConcurrentActionTests(PostgresApp app) : ItemConcurrentActionTests(app), IClassFixture<PostgresApp>;
