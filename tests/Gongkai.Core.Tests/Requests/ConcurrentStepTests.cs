using Gongkai.Common;
using Gongkai.Requests;
using Gongkai.Staff;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Core.Tests.Requests;

/// <summary>
/// Two staff members acting on the same request at the same moment both read its log and append the next line:
/// one step is saved, the other is refused with a Chinese message (never an exception), and the log and the audit
/// hold exactly the saved steps.
/// </summary>
public sealed class ConcurrentStepTests
{
    private static readonly DateOnly Day = new(2024, 9, 23);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Simultaneous_steps_on_one_request_save_one_line_each_and_refuse_the_rest_in_chinese(bool postgres)
    {
        string? connection = null;
        if (postgres)
        {
            var server = await PostgresServer.SharedAsync();
            if (!server.RequireOrReport(nameof(ConcurrentStepTests))) return;
            connection = await server.CreateDatabaseAsync("core_steps");
        }
        await using var f = await RequestsFixture.CreateAsync(Day, connection);
        var handler = f.Actor(f.AgencyA, StaffRole.request_handler);
        var receipt = await f.Run(sp => sp.GetRequiredService<SubmitRequest>().RunAsync("jya", new ApplicationForm
        {
            ApplicantType = "natural_person", Name = "李四", IdNumber = "110101199003074477", Phone = "13800138000",
            Description = "2024年秋季学期招生划片方案", Form = "electronic", Delivery = "online",
        }));
        Assert.True(receipt.Succeeded);
        var id = receipt.Value.RequestId;

        var refused = 0;
        var saved = 0;
        for (var round = 0; round < 5; round++)
        {
            using var start = new Barrier(6);
            var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() =>
            {
                start.SignalAndWait();
                return f.Run(sp => sp.GetRequiredService<AssignHandler>().RunAsync(handler, id, handler.UserId));
            })));
            foreach (var r in results)
            {
                if (r.Succeeded) saved++;
                else
                {
                    Assert.Equal("edited_meanwhile", Assert.Single(r.Errors).Code);
                    Assert.Contains("刷新", r.Errors[0].Message);
                    refused++;
                }
            }
        }

        Assert.Equal(30, saved + refused);
        var (assigned, audited) = await f.Run(async sp =>
        {
            var db = sp.GetRequiredService<Gongkai.Data.GongkaiDb>();
            return (await db.RequestEvents.CountAsync(e => e.RequestId == id && e.Type == RequestEventType.Assigned),
                await db.AuditEntries.CountAsync(a => a.Action == "requests.assign"));
        });
        Assert.Equal(saved, assigned);
        Assert.Equal(saved, audited);
    }
}
