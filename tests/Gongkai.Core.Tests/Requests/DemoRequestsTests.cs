using System.Diagnostics;
using Gongkai.Appeals;
using Gongkai.Demo;
using Gongkai.Reporting;
using Gongkai.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Gongkai.Core.Tests.Requests;

public class DemoRequestsTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_demo_county_has_years_of_requests_whose_reports_all_balance_and_seeding_again_adds_nothing()
    {
        await using var test = await TestDatabase.CreateAsync();
        var watch = Stopwatch.StartNew();
        await test.Get<DemoSeeder>().RunAsync(new SyncProgress(p => output.WriteLine($"{watch.Elapsed.TotalSeconds,6:0.0} s  {p.Title}")));
        output.WriteLine($"demo seeded in {watch.Elapsed.TotalSeconds:0.0} s");

        var db = test.NewDb();
        var requests = await db.DisclosureRequests.AsNoTracking()
            .Select(r => new { r.Id, r.ReceivedOn, r.DecidedOn, r.ResultLeaf, r.Channel, r.ApplicantKind, r.IsOpen }).ToListAsync();
        var events = await db.RequestEvents.AsNoTracking().Select(e => new { e.RequestId, e.Type, e.Situation }).ToListAsync();
        var appeals = await db.RequestAppeals.AsNoTracking().Select(a => new { a.Kind, a.Outcome }).ToListAsync();
        output.WriteLine($"{requests.Count} requests, {events.Count} events, {appeals.Count} appeals");

        // Every channel, applicant kind and table-三 leaf.
        Assert.Equal(Enum.GetValues<Channel>().ToHashSet(), requests.Select(r => r.Channel).ToHashSet());
        Assert.Equal(ApplicantKinds.All.ToHashSet(), requests.Select(r => r.ApplicantKind).ToHashSet());
        Assert.Equal(Enum.GetValues<ResultLeaf>().Select(l => l.Key()).ToHashSet(), requests.Where(r => r.ResultLeaf != null).Select(r => r.ResultLeaf!).ToHashSet());
        Assert.Equal(Enum.GetValues<DecisionSituation>().Where(s => s != DecisionSituation.Withdrawn).ToHashSet(),
            events.Where(e => e.Situation != null).Select(e => e.Situation!.Value).ToHashSet());

        // 补正 answered and not, consultations, extensions, fees paid and unpaid, withdrawals.
        bool Has(RequestEventType t) => events.Any(e => e.Type == t);
        foreach (var t in new[] { RequestEventType.CorrectionReceived, RequestEventType.ConsultationStarted, RequestEventType.ConsultationReplied,
                     RequestEventType.Extended, RequestEventType.FeeNotified, RequestEventType.FeePaid, RequestEventType.Withdrawn,
                     RequestEventType.Reopened, RequestEventType.Closed })
            Assert.True(Has(t), t.ToString());
        Assert.Contains(requests, r => r.ResultLeaf == ResultLeaf.OtherNoCorrection.Key());
        Assert.Contains(requests, r => r.ResultLeaf == ResultLeaf.OtherFeeUnpaid.Key());

        // Open across a year end: received in one year, decided in a later one (or still open).
        for (var year = DemoRequests.FirstYear; year <= 2025; year++)
            Assert.Contains(requests, r => r.ReceivedOn.Year == year && (r.DecidedOn is null || r.DecidedOn.Value.Year > year));
        Assert.Contains(requests, r => r.IsOpen);

        // Appeals of both kinds (and a lawsuit after review) in every state.
        foreach (var kind in Enum.GetValues<AppealKind>().Where(k => k != AppealKind.LitigationAfterReview))
            foreach (var outcome in Enum.GetValues<AppealOutcome>())
                Assert.True(appeals.Any(a => a.Kind == kind && a.Outcome == outcome), $"{kind} {outcome}");
        Assert.Contains(appeals, a => a.Kind == AppealKind.LitigationAfterReview);

        // Every agency's v2021 report of every full year passes every check and has requests in table 三.
        var agencies = await db.Agencies.AsNoTracking().Select(a => a.Code).ToListAsync();
        for (var year = DemoRequests.FirstYear; year <= 2025; year++)
            foreach (var code in agencies)
            {
                var report = await test.Get<GenerateReport>().RunAsync(code, year, ReportFormat.V2021);
                Assert.True(report.Succeeded, code);
                var failed = report.Value.Checks.Where(c => !c.Ok).Select(c => $"{c.Rule}: {string.Join("; ", c.Failures)}");
                Assert.True(report.Value.Checks.All(c => c.Ok), $"{code} {year}: {string.Join(" | ", failed)}");
                Assert.True(report.Value.Figures.Get("applications.new.total") > 0, $"{code} {year}: no new requests");
            }

        // The step again (as after a restart) adds nothing.
        await using (var scope = test.Services.CreateAsyncScope())
            await new DemoRequests().RunAsync(new DemoContext(scope.ServiceProvider, []), default);
        Assert.Equal(requests.Count, await test.NewDb().DisclosureRequests.CountAsync());
        Assert.Equal(appeals.Count, await test.NewDb().RequestAppeals.CountAsync());
    }
}

/// <summary>Reports at once on the caller's thread (Progress&lt;T&gt; would post to the pool).</summary>
file sealed class SyncProgress(Action<DemoProgress> report) : IProgress<DemoProgress>
{
    public void Report(DemoProgress value) => report(value);
}
