using Gongkai.Requests;
using Gongkai.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Core.Tests.Requests;

/// <summary>
/// The inbox's cached per-agency snapshot (InboxSnapshots): writes made in this process are patched in at the next
/// page, another agency's writes leave it alone, and writes by another process (which move the agency's request stamp) show
/// within a second or two.
/// </summary>
public sealed class InboxSnapshotTests
{
    private static readonly DateOnly Day = new(2024, 9, 23);

    private static ApplicationForm Form(string description) => new()
    {
        ApplicantType = "natural_person", Name = "李四", IdNumber = "110101199003074477", Phone = "13800138000",
        Description = description, Form = "electronic", Delivery = "online",
    };

    private static async Task<SubmissionReceipt> Submit(RequestsFixture f, string agency, string description)
    {
        var r = await f.Run(sp => sp.GetRequiredService<SubmitRequest>().RunAsync(agency, Form(description)));
        Assert.True(r.Succeeded, string.Join(";", r.Errors.Select(e => e.Message)));
        return r.Value;
    }

    /// <summary>The inbox page, after checking that its (patched) status counts equal a fresh count in the database.</summary>
    private static async Task<InboxPage> Inbox(RequestsFixture f, StaffActor actor, Guid agency)
    {
        var page = await f.Run(sp => sp.GetRequiredService<RequestQueries>().InboxAsync(actor, agency, new InboxFilter("open")));
        var counted = await f.Run(async sp => (await sp.GetRequiredService<Gongkai.Data.GongkaiDb>().DisclosureRequests
                .Where(r => r.AgencyId == agency).Select(r => r.Status).ToListAsync())
            .GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count()));
        Assert.Equal(counted.OrderBy(x => x.Key), page.ByStatus.Where(x => x.Value != 0).OrderBy(x => x.Key));
        return page;
    }

    [Fact]
    public async Task Writes_in_this_process_show_on_the_next_page_and_another_agency_s_writes_do_not_count()
    {
        await using var f = await RequestsFixture.CreateAsync(Day);
        var handler = f.Actor(f.AgencyA, StaffRole.request_handler);
        var first = await Submit(f, "jya", "2024年秋季学期招生划片方案");
        await Submit(f, "jya", "2023年教育经费决算表");
        var inbox = await Inbox(f, handler, f.AgencyA);
        Assert.Equal(2, inbox.OpenCount);
        Assert.Equal(2, inbox.ByStatus.Values.Sum());

        await Submit(f, "mzb", "2024年低保发放名单");
        inbox = await Inbox(f, handler, f.AgencyA);
        Assert.Equal(2, inbox.OpenCount);
        Assert.Equal(2, inbox.ByStatus.Values.Sum());

        await Submit(f, "jya", "2024年校车采购合同");
        inbox = await Inbox(f, handler, f.AgencyA);
        Assert.Equal(3, inbox.OpenCount);
        Assert.Equal(3, inbox.Total);
        Assert.Contains(inbox.Rows, r => r.Description.Contains("校车采购合同"));

        Assert.True((await f.Run(sp => sp.GetRequiredService<Withdraw>().RunAsync(handler, first.RequestId, "申请人撤回"))).Succeeded);
        inbox = await Inbox(f, handler, f.AgencyA);
        Assert.Equal(2, inbox.OpenCount);
        Assert.Equal(1, inbox.ByStatus.GetValueOrDefault(RequestStatus.Withdrawn));
        Assert.DoesNotContain(inbox.Rows, r => r.Id == first.RequestId);

        // Status changes of open requests move the counts step by step.
        var second = inbox.Rows[0].Id;
        Assert.True((await f.Run(sp => sp.GetRequiredService<AssignHandler>().RunAsync(handler, second, handler.UserId))).Succeeded);
        inbox = await Inbox(f, handler, f.AgencyA);
        Assert.Contains(inbox.ByHandler, h => h.Key != "" && h.Value == 1);
        Assert.True((await f.Run(sp => sp.GetRequiredService<Withdraw>().RunAsync(handler, second, null))).Succeeded);
        inbox = await Inbox(f, handler, f.AgencyA);
        Assert.Equal(1, inbox.OpenCount);
        Assert.Equal(2, inbox.ByStatus.GetValueOrDefault(RequestStatus.Withdrawn));
    }

    private static Task<Guid> Stamp(RequestsFixture f, Guid agency) =>
        f.Run(sp => sp.GetRequiredService<Gongkai.Data.GongkaiDb>().Set<RequestStamp>().Where(s => s.AgencyId == agency).Select(s => s.Value).FirstOrDefaultAsync());

    [Fact]
    public async Task Every_request_save_moves_its_agency_s_stamp_and_this_process_knows_the_move_is_its_own()
    {
        await using var f = await RequestsFixture.CreateAsync(Day);
        var handler = f.Actor(f.AgencyA, StaffRole.request_handler);
        var (a0, b0) = (await Stamp(f, f.AgencyA), await Stamp(f, f.AgencyB));

        var receipt = await Submit(f, "jya", "2024年秋季学期招生划片方案");
        var a1 = await Stamp(f, f.AgencyA);
        Assert.NotEqual(a0, a1);
        Assert.Equal(b0, await Stamp(f, f.AgencyB)); // another agency's stamp stays
        Assert.True(OwnRequestStamps.OnlyOwnSince(a0, a1));

        // A step writes the request and a log line; a value written by someone else breaks the chain.
        Assert.True((await f.Run(sp => sp.GetRequiredService<Withdraw>().RunAsync(handler, receipt.RequestId, "申请人撤回"))).Succeeded);
        var a2 = await Stamp(f, f.AgencyA);
        Assert.NotEqual(a1, a2);
        Assert.True(OwnRequestStamps.OnlyOwnSince(a0, a2));
        Assert.False(OwnRequestStamps.OnlyOwnSince(Guid.NewGuid(), a2));
    }

    [Fact]
    public async Task A_write_by_another_process_shows_within_a_few_seconds()
    {
        await using var f = await RequestsFixture.CreateAsync(Day);
        var handler = f.Actor(f.AgencyA, StaffRole.request_handler);
        var receipt = await Submit(f, "jya", "2024年秋季学期招生划片方案");
        Assert.DoesNotContain("other.process", (await Inbox(f, handler, f.AgencyA)).ByHandler.Keys);

        // Another process writes straight to the database: this process's save signals never hear of it.
        await using (var scope = f.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Gongkai.Data.GongkaiDb>();
            var connection = new Microsoft.Data.Sqlite.SqliteConnection(Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetConnectionString(db.Database));
            await using (connection)
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                // As every process's save does (SaveSignals): the write, and a new value of its agency's request stamp.
                command.CommandText = "UPDATE disclosure_requests SET HandlerId = 'other.process' WHERE QueryCode = $code; "
                    + "UPDATE request_stamps SET Value = $stamp WHERE AgencyId = (SELECT AgencyId FROM disclosure_requests WHERE QueryCode = $code)";
                command.Parameters.AddWithValue("$code", receipt.QueryCode);
                command.Parameters.AddWithValue("$stamp", Guid.NewGuid().ToString().ToUpperInvariant());
                Assert.Equal(2, await command.ExecuteNonQueryAsync());
            }
        }

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!(await Inbox(f, handler, f.AgencyA)).ByHandler.ContainsKey("other.process"))
        {
            Assert.True(waited.Elapsed < 3 * InboxSnapshots.PollInterval, "another process's write did not show within 3 s");
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task The_start_up_warm_up_reads_the_inbox_and_writes_nothing()
    {
        await using var f = await RequestsFixture.CreateAsync(Day);
        var handler = f.Actor(f.AgencyA, StaffRole.request_handler);
        await Submit(f, "jya", "2024年秋季学期招生划片方案");
        var stamps = (await Stamp(f, f.AgencyA), await Stamp(f, f.AgencyB));
        var audit = await f.Run(sp => sp.GetRequiredService<Gongkai.Data.GongkaiDb>().AuditEntries.CountAsync());
        var events = await f.Run(sp => sp.GetRequiredService<Gongkai.Data.GongkaiDb>().RequestEvents.CountAsync());

        await InboxWarmUp.RunAsync(f.Services, CancellationToken.None);

        Assert.True(f.Services.GetRequiredService<InboxSnapshots>().Preloaded.IsCompletedSuccessfully);
        Assert.Equal(stamps, (await Stamp(f, f.AgencyA), await Stamp(f, f.AgencyB)));
        Assert.Equal(audit, await f.Run(sp => sp.GetRequiredService<Gongkai.Data.GongkaiDb>().AuditEntries.CountAsync()));
        Assert.Equal(events, await f.Run(sp => sp.GetRequiredService<Gongkai.Data.GongkaiDb>().RequestEvents.CountAsync()));
        Assert.Equal(1, (await Inbox(f, handler, f.AgencyA)).OpenCount);
    }
}
