// Search benchmark (issue 4, point 6): first page of results with 1,000,000 published items, on
// SQLite (FTS5) and PostgreSQL (tsvector + GIN). The generated databases are cached under
// /tmp/gongkai-bench-search so that re-runs only time the queries.
//
//   dotnet run -c Release --project bench/Gongkai.Bench.Search -- [sqlite|postgres|both] [--rows N] [--runs N] [--cap COUNTCAP] [--cache DIR] [--no-load: time a SQLite database still being loaded]
using System.Diagnostics;
using Gongkai;
using Gongkai.Agencies;
using Gongkai.Bench.Search;
using Gongkai.Data;
using Gongkai.Search;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

var engine = args.FirstOrDefault(a => a is "sqlite" or "postgres" or "both") ?? "both";
var rows = Option("--rows", 1_000_000);
var runs = Option("--runs", 100);
var cap = Option("--cap", Gongkai.Search.SearchCatalog.DefaultCountCap);
var root = args.Contains("--cache") ? args[Array.IndexOf(args, "--cache") + 1] : Path.Combine("/tmp", "gongkai-bench-search");
Directory.CreateDirectory(root);

(string Name, string Q)[] queries =
[
    ("common two-character word", "公开"),
    ("common two-character word", "医保"),
    ("rare two-character word", "候鸟"),
    ("single character", "税"),
    ("文号 (with [] brackets)", "开府办发[2019]38号"),
    ("phrase in quotes", "\"征地补偿\""),
    ("two words (AND)", "医保 公开"),
    ("traditional characters", "醫保"),
    ("no result", "量子计算"),
];

if (engine is "sqlite" or "both")
{
    var dir = Path.Combine(root, $"sqlite-{rows}");
    var services = Services(new() { ["Database:Provider"] = "sqlite", ["Database:DataDir"] = dir, ["Search:CountCap"] = cap.ToString() });
    if (!File.Exists(Path.Combine(dir, "ready")) && !args.Contains("--no-load"))
    {
        if (Directory.Exists(dir)) Directory.Delete(dir, true);
        await Prepare(services);
        await Loader.LoadSqliteAsync(services, rows);
        await File.WriteAllTextAsync(Path.Combine(dir, "ready"), DateTime.UtcNow.ToString("O"));
    }
    else await Migrate(services);
    await Measure("SQLite", services);
}

if (engine is "postgres" or "both")
{
    await using var pg = await PgCluster.StartAsync(Path.Combine(root, $"pg-{rows}"));
    var services = Services(new() { ["Database:Provider"] = "postgres", ["ConnectionStrings:Gongkai"] = pg.ConnectionString, ["Search:CountCap"] = cap.ToString() });
    if (!pg.Ready)
    {
        await Prepare(services);
        await Loader.LoadPostgresAsync(services, pg.ConnectionString, rows);
        pg.MarkReady();
    }
    else await Migrate(services);
    await Measure("PostgreSQL", services);
}

int Option(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1]) : fallback;
}

static ServiceProvider Services(Dictionary<string, string?> settings)
{
    var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    return new ServiceCollection().AddLogging().AddGongkaiCore(config).BuildServiceProvider();
}

// A cached database gets the migrations added since it was generated (e.g. 20261204200001_SearchTitleTable).
static async Task Migrate(ServiceProvider services)
{
    using var scope = services.CreateScope();
    var applied = await scope.ServiceProvider.GetRequiredService<MigrateDatabase>().RunAsync();
    if (applied.Count > 0) Console.WriteLine($"applied {string.Join(", ", applied)}");
}

static async Task Prepare(ServiceProvider services)
{
    using (var scope = services.CreateScope()) await scope.ServiceProvider.GetRequiredService<MigrateDatabase>().RunAsync();
    using (var scope = services.CreateScope())
    {
        var add = scope.ServiceProvider.GetRequiredService<AddAgency>();
        await add.RunAsync(new AgencyDetails { Code = "gov", Name = "基准县人民政府", CreditCode = CreditCode.Complete("11439901004310001"), Kind = AgencyKind.government }, "bench");
        for (var i = 1; i < Corpus.Agencies; i++)
        {
            var r = await add.RunAsync(new AgencyDetails { Code = $"d{i:000}", Name = $"基准县第{i}局", CreditCode = CreditCode.Complete($"1143990100{4310001 + i:0000000}"), ParentCode = "gov" }, "bench");
            if (!r.Succeeded) throw new InvalidOperationException(r.Errors[0].Message);
        }
    }
}

async Task Measure(string name, ServiceProvider services)
{
    if (runs <= 0) return;
    Console.WriteLine($"## {name}, {rows:N0} items, Search:CountCap {cap:N0}, {runs} runs per query (after 5 warm-up runs)");
    Console.WriteLine("| query | q | total shown | first page p50 | p95 | page + facets p50 | p95 |");
    Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
    foreach (var (label, q) in queries)
    {
        var filter = new CatalogFilter { Q = q };
        var page = new List<double>();
        var both = new List<double>();
        CatalogPage? last = null;
        for (var i = 0; i < runs + 5; i++)
        {
            using var scope = services.CreateScope();
            var search = scope.ServiceProvider.GetRequiredService<SearchCatalog>();
            var sw = Stopwatch.StartNew();
            last = await search.RunAsync(filter);
            var t1 = sw.Elapsed.TotalMilliseconds;
            await search.FacetsAsync(filter);
            var t2 = sw.Elapsed.TotalMilliseconds;
            if (i < 5) continue;
            page.Add(t1);
            both.Add(t2);
        }
        var total = last!.TotalIsCapped ? $"{last.Total:N0}+" : $"{last.Total:N0}";
        Console.WriteLine($"| {label} | `{q}` | {total} | {P(page, 50):F1} ms | {P(page, 95):F1} ms | {P(both, 50):F1} ms | {P(both, 95):F1} ms |");
    }
    Console.WriteLine();
}

static double P(List<double> xs, int p)
{
    var s = xs.OrderBy(x => x).ToList();
    return s[Math.Clamp((int)Math.Ceiling(p / 100.0 * s.Count) - 1, 0, s.Count - 1)];
}
