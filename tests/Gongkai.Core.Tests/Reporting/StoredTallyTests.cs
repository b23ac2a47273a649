using System.Data.Common;
using Gongkai.Agencies;
using Gongkai.Core.Tests.Requests;
using Gongkai.Data;
using Gongkai.Reporting;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Core.Tests.Reporting.RecordSets;

namespace Gongkai.Core.Tests.Reporting;

/// <summary>
/// The hand-made county's requests stored in a real database (SQLite, PostgreSQL) under two
/// departments of one government: table 三 as counted by SQL grouping (<see cref="ReportRecordQueries.TallyAsync"/>)
/// must equal the hand-written tables and the in-memory count for every cell, for the tree and per
/// agency, this year and last year; drill-down must list as many requests as each cell counts.
/// </summary>
public abstract class StoredTallyTests
{
    protected abstract Task<Dictionary<string, string?>?> DatabaseSettingsAsync(string dataDir);

    private sealed class Stored(ServiceProvider services, string dir) : IAsyncDisposable
    {
        public ServiceProvider Services => services;
        public async Task<T> Run<T>(Func<IServiceProvider, Task<T>> action)
        {
            await using var scope = services.CreateAsyncScope();
            return await action(scope.ServiceProvider);
        }
        public async ValueTask DisposeAsync()
        {
            await services.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }

    private async Task<Stored?> StoreCountyAsync()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"gongkai-tally-{Guid.NewGuid():N}");
        var settings = await DatabaseSettingsAsync(dir);
        if (settings is null) return null;
        settings["Requests:PersonalDataKey"] = RequestsFixture.Key;
        var clock = new MovableClock(DateTimeOffset.UtcNow);
        clock.SetDay(new DateOnly(2026, 6, 1));
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(clock)
            .AddGongkaiCore(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).BuildServiceProvider();
        var stored = new Stored(services, dir);
        await stored.Run(async sp => { await sp.GetRequiredService<MigrateDatabase>().RunAsync(); return 0; });
        var ids = await stored.Run(async sp =>
        {
            var add = sp.GetRequiredService<AddAgency>();
            var gov = await add.RunAsync(new AgencyDetails { Code = "gov", Name = "示范县人民政府", CreditCode = CreditCode.Complete("11439901004310001"), Kind = AgencyKind.government }, "test");
            var a = await add.RunAsync(new AgencyDetails { Code = "jya", Name = "示范县教育局", CreditCode = CreditCode.Complete("11439901004310002"), ParentCode = "gov" }, "test");
            var b = await add.RunAsync(new AgencyDetails { Code = "mzb", Name = "示范县民政局", CreditCode = CreditCode.Complete("11439901004310003"), ParentCode = "gov" }, "test");
            Assert.True(gov.Succeeded && a.Succeeded && b.Succeeded);
            return new[] { a.Value.Id, b.Value.Id };
        });
        await stored.Run(async sp =>
        {
            var db = sp.GetRequiredService<GongkaiDb>();
            var postgres = !db.Database.IsSqlite();
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO disclosure_requests (\"Id\", \"AgencyId\", \"QueryCode\", \"PasswordCipher\", \"SubmittedAt\", \"ApplicantKind\", \"ApplicantName\", \"Description\", \"Form\", \"Delivery\", \"Channel\", \"ReceivedOn\", \"Status\", \"IsOpen\", \"ResultLeaf\", \"DecidedOn\") " +
                                 "VALUES (@id, @agency, @code, 'x', @submitted, @kind, '申请人', '测试', 'Paper', 'Pickup', 'online', @received, @status, @open, @leaf, @decided)";
            void Set(string name, object? value)
            {
                var p = insert.CreateParameter();
                p.ParameterName = "@" + name;
                p.Value = value ?? DBNull.Value;
                insert.Parameters.Add(p);
            }
            object Id(Guid g) => postgres ? g : g.ToString().ToUpperInvariant();
            object? Day(DateOnly? d) => d is not { } x ? null : postgres ? x : x.ToString("yyyy-MM-dd");
            var n = 0;
            foreach (var r in County().Requests)
            {
                insert.Parameters.Clear();
                Set("id", Id(r.Id));
                Set("agency", Id(ids[n % 2]));
                Set("code", $"T{n++:0000}");
                Set("submitted", postgres ? new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero) : "2024-01-01 00:00:00+00:00");
                Set("kind", r.Column.Key());
                Set("received", Day(r.ReceivedOn));
                Set("status", r.IsDecided ? "Closed" : "InProgress");
                Set("open", postgres ? !r.IsDecided : r.IsDecided ? 0 : 1);
                Set("leaf", r.Leaf?.Key());
                Set("decided", Day(r.DecidedOn));
                await insert.ExecuteNonQueryAsync();
            }
            return 0;
        });
        return stored;
    }

    private static IEnumerable<string> ApplicationKeys(ReportFigures f) => f.Cells.Keys.Where(k => k.StartsWith("applications.", StringComparison.Ordinal));

    [Fact]
    public async Task Sql_grouped_table_three_equals_the_hand_written_tables_and_the_in_memory_count()
    {
        await using var stored = await StoreCountyAsync();
        if (stored is null) return;
        foreach (var (format, year) in new[] { (ReportFormat.V2021, 2024), (ReportFormat.V2021, 2025), (ReportFormat.V2019, 2024) })
        {
            var report = (await stored.Run(sp => sp.GetRequiredService<GenerateReport>().RunAsync("gov", year, format, ReportScope.tree))).Value;
            Assert.Empty(report.Records.Requests);
            Assert.NotNull(report.Records.Tallies);
            var expected = ReportBuilder.Build(format, year, County());
            foreach (var key in ApplicationKeys(expected))
                Assert.True(expected.Cells[key] == report.Figures.Cells[key], $"{format} {year} {key}: in memory {expected.Cells[key]}, SQL {report.Figures.Cells[key]}");
            // Last year's table comes from the same tallies.
            if (year == 2025)
            {
                var lastYear = ReportBuilder.Build(format, 2024, County());
                foreach (var key in ApplicationKeys(lastYear))
                    Assert.True(lastYear.Cells[key] == report.PreviousYear!.Cells[key], $"previous {key}");
            }
            Assert.Equal(County().ReceivedByMonth(year), report.Records.ReceivedByMonth(year));
        }
        var figures2024 = (await stored.Run(sp => sp.GetRequiredService<GenerateReport>().RunAsync("gov", 2024, ReportFormat.V2021, ReportScope.tree))).Value.Figures;
        foreach (var (key, value) in Table(County2024))
            Assert.True(figures2024.Cells[key] == value, $"{key}: expected {value}, got {figures2024.Cells[key]}");
        var figures2025 = (await stored.Run(sp => sp.GetRequiredService<GenerateReport>().RunAsync("gov", 2025, ReportFormat.V2021, ReportScope.tree))).Value.Figures;
        foreach (var (key, value) in Table(County2025))
            Assert.True(figures2025.Cells[key] == value, $"{key}: expected {value}, got {figures2025.Cells[key]}");
    }

    [Fact]
    public async Task Per_agency_tallies_add_up_to_the_tree_and_the_aggregation_check_passes()
    {
        await using var stored = await StoreCountyAsync();
        if (stored is null) return;
        var (all, tree, own) = await stored.Run(async sp =>
        {
            var db = sp.GetRequiredService<GongkaiDb>();
            var ids = await db.Agencies.Select(a => a.Id).ToListAsync();
            var jya = await db.Agencies.Where(a => a.Code == "jya").Select(a => a.Id).SingleAsync();
            var tree = await ReportRecordQueries.TallyAsync(db, ids, 2025, byAgency: true);
            return (ids, tree, tree.Of(new HashSet<Guid> { jya }));
        });
        foreach (var year in new[] { 2024, 2025 })
        {
            var expected = ReportBuilder.Build(ReportFormat.V2021, year, County());
            var fromTallies = ReportBuilder.Build(ReportFormat.V2021, year, new ReportRecords([], [], [], tree));
            foreach (var key in ApplicationKeys(expected))
                Assert.True(expected.Cells[key] == fromTallies.Cells[key], $"{year} {key}");
            var jya = ReportBuilder.Build(ReportFormat.V2021, year, new ReportRecords([], [], [], own));
            var jyaExpected = ReportBuilder.Build(ReportFormat.V2021, year, County() with { Requests = [.. County().Requests.Where((_, i) => i % 2 == 0)] });
            foreach (var key in ApplicationKeys(jyaExpected))
                Assert.True(jyaExpected.Cells[key] == jya.Cells[key], $"jya {year} {key}");
        }
        Assert.Equal(3, all.Count);
        foreach (var year in new[] { 2024, 2025 })
        {
            var check = await stored.Run(sp => sp.GetRequiredService<CheckAggregation>().RunAsync("gov", year));
            Assert.True(check.Succeeded);
            Assert.Empty(check.Value.Failures);
            Assert.Equal(["jya", "mzb"], check.Value.Children.Select(c => c.Code).Order());
        }
    }

    [Theory]
    [InlineData(ReportFormat.V2021, 2024)]
    [InlineData(ReportFormat.V2021, 2025)]
    [InlineData(ReportFormat.V2019, 2024)]
    public async Task Drill_down_loads_exactly_the_requests_each_table_three_cell_counts(ReportFormat format, int year)
    {
        await using var stored = await StoreCountyAsync();
        if (stored is null) return;
        var report = (await stored.Run(sp => sp.GetRequiredService<GenerateReport>().RunAsync("gov", year, format, ReportScope.tree))).Value;
        foreach (var key in ApplicationKeys(report.Figures))
        {
            var records = await stored.Run(sp => ReportRecordQueries.ForDrillDownAsync(sp.GetRequiredService<GongkaiDb>(), report, key));
            var (kind, ids) = ReportDrillDown.Select(format, year, key, records);
            Assert.Equal(DrillKind.Requests, kind);
            Assert.True(report.Figures.Cells[key] == ids.Count, $"{key}: cell {report.Figures.Cells[key]}, drill-down {ids.Count}");
            if (!key.EndsWith(".total", StringComparison.Ordinal))
                Assert.True(records.Requests.Count == ids.Count, $"{key}: loaded {records.Requests.Count} requests for {ids.Count}");
        }
    }
}

public sealed class SqliteStoredTallyTests : StoredTallyTests
{
    protected override Task<Dictionary<string, string?>?> DatabaseSettingsAsync(string dataDir) =>
        Task.FromResult<Dictionary<string, string?>?>(new() { ["Database:Provider"] = "sqlite", ["Database:DataDir"] = dataDir });
}

public sealed class PostgresStoredTallyTests : StoredTallyTests
{
    protected override async Task<Dictionary<string, string?>?> DatabaseSettingsAsync(string dataDir)
    {
        var server = await PostgresServer.SharedAsync();
        if (!server.RequireOrReport(nameof(PostgresStoredTallyTests))) return null;
        return new()
        {
            ["Database:Provider"] = "postgres", ["Database:DataDir"] = dataDir,
            ["ConnectionStrings:Gongkai"] = await server.CreateDatabaseAsync("core_tally"),
        };
    }
}
