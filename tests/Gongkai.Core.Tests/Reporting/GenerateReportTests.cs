using Gongkai.Appeals;
using Gongkai.Core.Tests.Requests;
using Gongkai.Data;
using Gongkai.Reporting;
using Gongkai.Requests;
using Gongkai.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Core.Tests.Reporting.RecordSets;

namespace Gongkai.Core.Tests.Reporting;

/// <summary>Reports built from real stored records (SQLite, real migrations), through the use cases.</summary>
public class GenerateReportTests
{
    private const string Header = "received_on,channel,applicant_type,applicant_name,description,result,decided_on,extended\n";

    // The register of 示范县教育局 (jya); the comment after each line says where 2024's table 三 counts it.
    private const string Register = Header +
        "2023-12-15,online,natural_person,甲,一,result.granted,2024-01-08,false\n" +            // carried over, granted
        "2023-11-20,letter,legal_person.commercial,乙公司,二,,,false\n" +                        // carried over, carried forward
        "2024-02-01,online,natural_person,丙,三,result.partial,2024-02-20,false\n" +
        "2024-03-01,in_person,natural_person,丁,四,result.withheld.third_party,2024-03-25,true\n" +
        "2024-04-01,email,legal_person.research,某研究院,五,result.unable.not_held,2024-04-10,false\n" +
        "2024-05-06,online,legal_person.legal_service,某律所,六,result.not_processed.repeat,2024-05-10,false\n" +
        "2024-06-03,fax,legal_person.public_welfare,某基金会,七,result.other.other,2024-06-20,false\n" +
        "2024-12-20,online,legal_person.other,某协会,八,result.granted,2025-01-10,true\n" +    // carried forward
        "2024-12-28,online,natural_person,戊,九,,,false\n" +                                       // carried forward
        "2023-03-01,online,natural_person,己,十,result.granted,2023-03-10,false\n" +             // not in 2024
        "2024-07-01,other,natural_person,庚,十一,result.other.no_correction,2024-08-01,false\n";

    private static readonly string[] Expected2024 =
    [
        //                                 np com res pw ls oth total
        "new                                4  0   1  1  1  1   8",
        "carried_over                       1  1   0  0  0  0   2",
        "result.granted                     1  0   0  0  0  0   1",
        "result.partial                     1  0   0  0  0  0   1",
        "result.withheld.third_party        1  0   0  0  0  0   1",
        "result.unable.not_held             0  0   1  0  0  0   1",
        "result.not_processed.repeat        0  0   0  0  1  0   1",
        "result.other.other                 0  0   0  1  0  0   1",
        "result.other.no_correction         1  0   0  0  0  0   1",
        "result.total                       4  0   1  1  1  0   7",
        "carry_forward                      1  1   0  0  0  1   3",
    ];

    private static async Task<RequestsFixture> WithRegisterAsync()
    {
        var f = await RequestsFixture.CreateAsync(new DateOnly(2025, 6, 1));
        var (n, errors) = await f.Run(sp => sp.GetRequiredService<ImportRegister>().RunAsync("jya", new StringReader(Register), "test"));
        Assert.Empty(errors);
        Assert.Equal(11, n);
        return f;
    }

    [Fact]
    public async Task An_imported_register_yields_exactly_the_table_three_it_implies()
    {
        await using var f = await WithRegisterAsync();
        var report = (await f.Run(sp => sp.GetRequiredService<GenerateReport>().RunAsync("jya", 2024))).Value;
        var expected = Table(Expected2024);
        foreach (var (key, value) in report.Figures.Cells.Where(c => c.Key.StartsWith("applications.", StringComparison.Ordinal)))
            Assert.True(value == expected.GetValueOrDefault(key), $"{key}: expected {expected.GetValueOrDefault(key)}, got {value}");
        Assert.All(report.Checks, c => Assert.True(c.Ok, c.Rule));
        Assert.Equal(ReportFormat.V2021, report.Figures.Format);
    }

    [Fact]
    public async Task Appeals_recorded_through_the_use_cases_fill_table_four_in_their_year_end_state()
    {
        await using var f = await WithRegisterAsync();
        var actor = f.Actor(f.AgencyA, StaffRole.request_handler, StaffRole.office_head);
        var ids = await f.Run(sp => sp.GetRequiredService<GongkaiDb>().DisclosureRequests.OrderBy(r => r.ReceivedOn).Select(r => r.Id).ToListAsync());
        async Task<RequestAppeal> File(Guid request, AppealKind kind, string filed) =>
            (await f.Run(sp => sp.GetRequiredService<RecordAppeal>().RunAsync(actor, request, kind, D(filed), "示范县人民政府", null))).Value;
        async Task Conclude(RequestAppeal a, AppealOutcome outcome, string on) =>
            Assert.True((await f.Run(sp => sp.GetRequiredService<RecordAppealOutcome>().RunAsync(actor, a.Id, outcome, D(on)))).Succeeded);

        var upheld = await File(ids[2], AppealKind.Reconsideration, "2024-03-10");
        await Conclude(upheld, AppealOutcome.Upheld, "2024-05-01");
        var other = await File(ids[3], AppealKind.Reconsideration, "2024-04-01");
        await Conclude(other, AppealOutcome.Other, "2024-06-01");
        var late = await File(ids[4], AppealKind.Reconsideration, "2024-11-01");
        await Conclude(late, AppealOutcome.Upheld, "2025-02-01");
        await File(ids[5], AppealKind.LitigationDirect, "2024-07-01");
        var afterReview = await File(ids[2], AppealKind.LitigationAfterReview, "2024-06-01");
        await Conclude(afterReview, AppealOutcome.Upheld, "2024-10-01");

        var figures = (await f.Run(sp => sp.GetRequiredService<GenerateReport>().RunAsync("jya", 2024))).Value.Figures;
        Assert.Equal([1m, 0m, 1m, 1m, 3m], new[] { "upheld", "corrected", "other", "pending", "total" }.Select(c => figures.Cells[$"review.{c}"]!.Value));
        Assert.Equal([0m, 0m, 0m, 1m, 1m], new[] { "upheld", "corrected", "other", "pending", "total" }.Select(c => figures.Cells[$"litigation.direct.{c}"]!.Value));
        Assert.Equal([1m, 0m, 0m, 0m, 1m], new[] { "upheld", "corrected", "other", "pending", "total" }.Select(c => figures.Cells[$"litigation.after_review.{c}"]!.Value));
    }

    [Fact]
    public async Task The_government_report_over_the_tree_sums_its_departments()
    {
        await using var f = await WithRegisterAsync();
        var other = Header + "2024-05-01,online,natural_person,辛,十二,result.granted,2024-05-09,false\n";
        Assert.Empty((await f.Run(sp => sp.GetRequiredService<ImportRegister>().RunAsync("mzb", new StringReader(other), "test"))).Errors);

        var generate = (Func<string, ReportScope, Task<GeneratedReport>>)(async (code, scope) =>
            (await f.Run(sp => sp.GetRequiredService<GenerateReport>().RunAsync(code, 2024, scope: scope))).Value);
        var own = await generate("gov", ReportScope.own);
        var tree = await generate("gov", ReportScope.tree);
        Assert.Equal(0, own.Figures.Cells["applications.new.total"]);
        Assert.Equal(9, tree.Figures.Cells["applications.new.total"]);
        Assert.Equal(2, tree.Figures.Cells["applications.result.granted.natural_person"]);

        var check = await f.Run(sp => sp.GetRequiredService<CheckAggregation>().RunAsync("gov", 2024));
        Assert.True(check.Succeeded);
        Assert.Empty(check.Value.Failures);
        Assert.Equal(["jya", "mzb"], check.Value.Children.Select(c => c.Code).Order());
    }

    [Fact]
    public async Task Inputs_are_recorded_with_who_and_when_but_never_over_a_computed_cell()
    {
        await using var f = await WithRegisterAsync();
        var edit = (Func<string, decimal?, Task<Gongkai.Common.Result>>)(async (key, value) =>
            await f.Run(sp => sp.GetRequiredService<EditReport>().RecordInputAsync("jya", 2024, key, value, "staff:王")));
        var refused = await edit("applications.new.total", 99);
        Assert.Equal("report.input_computed", Assert.Single(refused.Errors).Code);
        Assert.Contains("自动计算", refused.Errors[0].Message);
        Assert.Equal("report.input_key", Assert.Single((await edit("applications.bogus", 1)).Errors).Code);
        Assert.True((await edit("proactive.admin_fees.amount_10k_cny", 2.5m)).Succeeded);
        Assert.True((await edit("proactive.admin_fees.amount_10k_cny", 3m)).Succeeded);

        var db = f.Services.CreateScope().ServiceProvider.GetRequiredService<GongkaiDb>();
        var inputs = await db.AnnualReports.SelectMany(r => r.Inputs).OrderBy(i => i.Seq).ToListAsync();
        Assert.Equal([2.5m, 3m], inputs.Select(i => i.Value!.Value));
        Assert.All(inputs, i => Assert.Equal("staff:王", i.RecordedBy));
        var report = (await f.Run(sp => sp.GetRequiredService<GenerateReport>().RunAsync("jya", 2024))).Value;
        Assert.Equal(3m, report.Figures.Cells["proactive.admin_fees.amount_10k_cny"]);
        Assert.Equal(8, report.Figures.Cells["applications.new.total"]);
    }

    [Fact]
    public async Task Publishing_freezes_the_figures_is_audited_and_ends_editing()
    {
        await using var f = await WithRegisterAsync();
        Assert.True((await f.Run(sp => sp.GetRequiredService<EditReport>().EditNarrativeAsync("jya", 2024, NarrativeSection.problems, "## 问题\n人手不足。", "staff:王"))).Succeeded);
        Assert.True((await f.Run(sp => sp.GetRequiredService<EditReport>().PublishAsync("jya", 2024, "staff:王"))).Succeeded);

        // A request registered afterwards for 2024 does not change the published report.
        var late = Header + "2024-08-01,online,natural_person,壬,补录,result.granted,2024-08-05,false\n";
        Assert.Empty((await f.Run(sp => sp.GetRequiredService<ImportRegister>().RunAsync("jya", new StringReader(late), "test"))).Errors);
        var report = (await f.Run(sp => sp.GetRequiredService<GenerateReport>().RunAsync("jya", 2024))).Value;
        Assert.Equal(AnnualReportState.published, report.State);
        Assert.Equal(8, report.Figures.Cells["applications.new.total"]);
        Assert.Equal("## 问题\n人手不足。", report.Narrative[NarrativeSection.problems]);
        Assert.StartsWith("2024年，示范县教育局", report.Narrative[NarrativeSection.overview]);

        var again = await f.Run(sp => sp.GetRequiredService<EditReport>().RecordInputAsync("jya", 2024, "proactive.admin_fees.amount_10k_cny", 1, "staff:王"));
        Assert.Equal("report.published", Assert.Single(again.Errors).Code);
        var audit = await f.Run(sp => sp.GetRequiredService<GongkaiDb>().AuditEntries.Where(a => a.Action == "report.publish").ToListAsync());
        Assert.Single(audit);
    }

    [Fact]
    public async Task Unknown_agency_and_out_of_range_year_are_refused_in_chinese()
    {
        await using var f = await RequestsFixture.CreateAsync(new DateOnly(2025, 6, 1));
        var unknown = await f.Run(sp => sp.GetRequiredService<GenerateReport>().RunAsync("nope", 2024));
        Assert.Contains("找不到代码为“nope”的机关", Assert.Single(unknown.Errors).Message);
        var future = await f.Run(sp => sp.GetRequiredService<GenerateReport>().RunAsync("jya", 2026));
        Assert.Contains("年度应在2008年至2025年之间", Assert.Single(future.Errors).Message);
    }
}
