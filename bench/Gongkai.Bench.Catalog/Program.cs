// Catalogue import benchmark: importing 100,000 rows must take under 60 s (issue 4).
// Run: dotnet run -c Release --project bench/Gongkai.Bench.Catalog [-- ROWS] [--postgres | --postgres-only]
// Generates a CSV of ROWS realistic rows (default 100,000, seed 42), then times the whole
// ImportCatalog.RunAsync (read + validate + write + search index) into a fresh SQLite database,
// and into a throwaway PostgreSQL 15 cluster with --postgres (needs /usr/lib/postgresql/15/bin).
using System.Diagnostics;
using System.Text;
using Gongkai;
using Gongkai.Agencies;
using Gongkai.Bench.Catalog;
using Gongkai.Catalog;
using Gongkai.Catalog.Import;
using Gongkai.Data;
using Gongkai.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

var rows = args.Select(a => int.TryParse(a, out var n) ? n : 0).FirstOrDefault(n => n > 0);
if (rows == 0) rows = 100_000;
var onlyPostgres = args.Contains("--postgres-only");
var withPostgres = onlyPostgres || args.Contains("--postgres");

var root = Path.Combine(Path.GetTempPath(), $"gongkai-bench-catalog-{Guid.NewGuid():N}");
Directory.CreateDirectory(root);
var csvPath = Path.Combine(root, "catalog.csv");
var sw = Stopwatch.StartNew();
CsvGenerator.Write(csvPath, rows, seed: 42);
Console.WriteLine($"generated {rows:N0} rows, {new FileInfo(csvPath).Length / 1024.0 / 1024.0:0.0} MB, in {sw.Elapsed.TotalSeconds:0.0} s");

if (args.Contains("--phases")) { Phases.Run(csvPath); return; }
try
{
    if (!onlyPostgres) await ImportAsync("SQLite", new() { ["Database:Provider"] = "sqlite", ["Database:DataDir"] = Path.Combine(root, "sqlite") });
    if (withPostgres)
    {
        await using var pg = await ThrowawayPostgres.StartAsync(Path.Combine(root, "pg"));
        await ImportAsync("PostgreSQL", new() { ["Database:Provider"] = "postgres", ["ConnectionStrings:Gongkai"] = pg.ConnectionString }, pg.ServerCpu);
    }
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    try { Directory.Delete(root, true); } catch (IOException) { }
}

async Task ImportAsync(string name, Dictionary<string, string?> settings, Func<TimeSpan>? serverCpu = null)
{
    var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    var services = new ServiceCollection();
    services.AddLogging();
    services.AddGongkaiCore(configuration);
    await using var provider = services.BuildServiceProvider();
    Guid agencyId;
    await using (var scope = provider.CreateAsyncScope())
    {
        await scope.ServiceProvider.GetRequiredService<MigrateDatabase>().RunAsync();
        var added = await scope.ServiceProvider.GetRequiredService<AddAgency>().RunAsync(new AgencyDetails
        {
            Code = "gov", Name = "测试县人民政府", CreditCode = DemoAgencies.CreditCodeFor(0), Kind = AgencyKind.government,
        }, "bench");
        agencyId = added.Value.Id;
    }

    await using (var scope = provider.CreateAsyncScope())
    {
        var actor = CatalogActor.System("bench", agencyId);
        await using var file = File.OpenRead(csvPath);
        var timer = new Clock();
        var serverBefore = serverCpu?.Invoke();
        var import = scope.ServiceProvider.GetRequiredService<ImportCatalog>();
        var outcome = await import.RunAsync(actor, "gov", file);
        var elapsed = timer.ToString();
        var server = serverBefore is { } before ? $", plus {(serverCpu!() - before).TotalSeconds:0.0} s CPU of the database server" : "";
        foreach (var (phase, wall, cpu) in import.Timings.Phases) Console.WriteLine($"  {phase,-26} {wall.TotalSeconds,7:0.00} s wall {cpu.TotalSeconds,7:0.00} s CPU");
        if (outcome.Problems.Count > 0) throw new InvalidOperationException(string.Join("\n", outcome.Problems.Take(5)));
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
        var published = await db.PublishedItems.CountAsync();
        Console.WriteLine($"{name}: imported {outcome.Imported:N0} rows in {elapsed} of this process " +
                          $"({outcome.Imported / timer.Wall.TotalSeconds:N0} rows/s wall){server}; {published:N0} published rows in the database");
    }
}

/// <summary>Wall-clock and this process's CPU time since the last restart (the machine is shared, so both are given).</summary>
sealed class Clock
{
    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private TimeSpan _cpu = Process.GetCurrentProcess().TotalProcessorTime;
    public TimeSpan Wall => _wall.Elapsed;
    public TimeSpan Cpu => Process.GetCurrentProcess().TotalProcessorTime - _cpu;
    public void Restart() { _wall.Restart(); _cpu = Process.GetCurrentProcess().TotalProcessorTime; }
    public override string ToString() => $"{Wall.TotalSeconds:0.0} s wall, {Cpu.TotalSeconds:0.0} s CPU";
}

static class Phases
{
    public static void Run(string csvPath)
    {
        var t = new Clock();
        using var f = File.OpenRead(csvPath);
        var read = CatalogCsv.Read(f, new DateOnly(2026, 12, 3));
        Console.WriteLine($"  read+validate: {t} ({read.Rows.Count} rows, {read.Problems.Count} problems)");
        t.Restart();
        long sum = 0;
        foreach (var r in read.Rows) sum += Gongkai.Catalog.SafeMarkdown.ToPlainText(r.Body).Length;
        Console.WriteLine($"  plain text: {t}");
        t.Restart();
        foreach (var r in read.Rows) sum += Gongkai.Search.ChineseTokenizer.Tokenize(r.Body).Count;
        Console.WriteLine($"  tokenize bodies: {t}");
        t.Restart();
        foreach (var r in read.Rows) sum += Gongkai.Search.SearchDocument.Build(r.Title, r.DocNo, r.Keywords, r.Summary, r.Body).TsVector.Length;
        Console.WriteLine($"  search documents: {t}");
    }
}
