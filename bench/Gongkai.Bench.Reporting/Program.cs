// Report-builder benchmark (issue 6): one agency's report from 100,000 requests received in a year,
// and the aggregated report of 300 agencies with 1,000,000 requests.
//
//   dotnet run -c Release --project bench/Gongkai.Bench.Reporting                 # SQLite, cached in /tmp
//   dotnet run -c Release --project bench/Gongkai.Bench.Reporting -- --generate   # only (re)build the cached data
//   GONGKAI_BENCH_PG="Host=…;Database=…" dotnet run -c Release --project bench/Gongkai.Bench.Reporting -- --postgres
//
// The data (300 agencies, 1,000,000 request rows, no event rows: the report reads the projection
// columns) is generated once — prepared INSERTs in one transaction — and reused: SQLite keeps it in
// /tmp/gongkai-bench-reporting (GONGKAI_BENCH_DIR overrides; delete the folder to regenerate),
// PostgreSQL in the given database (generated when it holds no agencies). Migrations added since
// are applied to the cached data on start.
using System.Data.Common;
using System.Diagnostics;
using Gongkai;
using Gongkai.Agencies;
using Gongkai.Data;
using Gongkai.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

var postgres = args.Contains("--postgres");
var generateOnly = args.Contains("--generate");
var dir = Environment.GetEnvironmentVariable("GONGKAI_BENCH_DIR") ?? Path.Combine(Path.GetTempPath(), "gongkai-bench-reporting");
var settings = new Dictionary<string, string?> { ["Database:Provider"] = postgres ? "postgres" : "sqlite", ["Database:DataDir"] = dir };
if (postgres)
    settings["ConnectionStrings:Gongkai"] = Environment.GetEnvironmentVariable("GONGKAI_BENCH_PG")
        ?? throw new InvalidOperationException("--postgres needs GONGKAI_BENCH_PG (a connection string to an empty or previously generated database)");
var services = new ServiceCollection().AddLogging().AddGongkaiCore(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).BuildServiceProvider();
var ready = Path.Combine(dir, "generated.ok");
try
{
    bool generated;
    using (var scope = services.CreateScope())
    {
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
        generated = postgres ? await db.Database.CanConnectAsync() && (await db.Database.GetAppliedMigrationsAsync()).Any() && await db.Agencies.AnyAsync()
                             : File.Exists(ready);
    }
    if (!generated && !postgres && Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
    var sw = Stopwatch.StartNew();
    using (var scope = services.CreateScope()) await scope.ServiceProvider.GetRequiredService<MigrateDatabase>().RunAsync();
    Console.WriteLine($"migrations checked/applied in {sw.Elapsed.TotalSeconds:0.0} s");
    if (!generated)
    {
        sw.Restart();
        await GenerateAsync(services, postgres);
        if (!postgres) await File.WriteAllTextAsync(ready, DateTime.UtcNow.ToString("O"));
        Console.WriteLine($"generated 300 agencies and 1,000,000 requests in {sw.Elapsed.TotalSeconds:0.0} s");
    }
    else Console.WriteLine(postgres ? "reusing the generated PostgreSQL database" : $"reusing {dir}");
    if (generateOnly) return;

    // Wall-clock and this process's CPU time (SQLite runs in-process; a PostgreSQL server's CPU is not included).
    async Task<(double Wall, double Cpu)> Time(Func<IServiceProvider, Task> body)
    {
        using var scope = services.CreateScope();
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await body(scope.ServiceProvider);
        var wall = watch.Elapsed.TotalMilliseconds;
        process.Refresh();
        return (wall, (process.TotalProcessorTime - cpu).TotalMilliseconds);
    }

    async Task Measure(string label, Func<IServiceProvider, Task> body, int runs = 5)
    {
        await Time(body); // warm-up
        var times = new List<(double Wall, double Cpu)>();
        for (var i = 0; i < runs; i++) times.Add(await Time(body));
        var wall = times.Select(t => t.Wall).Order().ToList();
        var cpu = times.Select(t => t.Cpu).Order().ToList();
        Console.WriteLine($"{label}: wall best {wall[0]:0} ms, median {wall[runs / 2]:0} ms; CPU best {cpu[0]:0} ms, median {cpu[runs / 2]:0} ms ({runs} runs)");
    }

    await Measure("one agency (d001, 100,000 requests received in 2024), GenerateReport v2021", async sp =>
    {
        var r = await sp.GetRequiredService<GenerateReport>().RunAsync("d001", 2024);
        if (r.Value.Figures.Cells["applications.new.total"] != 100_000) throw new InvalidOperationException("unexpected count");
    });
    var d001 = await services.CreateScope().ServiceProvider.GetRequiredService<GongkaiDb>().Agencies.Where(a => a.Code == "d001").Select(a => a.Id).SingleAsync();
    await Measure("  of which table 三's grouped queries (ReportRecordQueries.TallyAsync, d001)", async sp =>
        await ReportRecordQueries.TallyAsync(sp.GetRequiredService<GongkaiDb>(), [d001], 2024, byAgency: false));
    await Measure("  of which all loading (ReportRecordQueries.LoadForAsync, d001)", async sp =>
        await ReportRecordQueries.LoadForAsync(sp.GetRequiredService<GongkaiDb>(), [d001], 2024, ReportFormat.V2021, new ReportingOptions()));
    if (args.Contains("--one")) return;
    await Measure("aggregated (gov, whole tree: 300 agencies, 1,000,000 requests), GenerateReport v2021", async sp =>
    {
        var r = await sp.GetRequiredService<GenerateReport>().RunAsync("gov", 2024, scope: ReportScope.tree);
        if (r.Value.Figures.Cells["applications.new.total"] is not > 800_000) throw new InvalidOperationException("unexpected count");
        if (ReportChecks.BlocksPublication(r.Value.Checks)) throw new InvalidOperationException("checks fail");
    }, runs: 3);
    await Measure("aggregation check (gov vs its own records + 299 child reports)", async sp =>
    {
        var r = await sp.GetRequiredService<CheckAggregation>().RunAsync("gov", 2024);
        if (r.Value.Failures.Count > 0) throw new InvalidOperationException("aggregation differs");
    }, runs: 3);
}
finally
{
    await services.DisposeAsync();
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
}

static async Task GenerateAsync(IServiceProvider services, bool postgres)
{
    const int agencies = 300;
    using (var scope = services.CreateScope())
    {
        var add = scope.ServiceProvider.GetRequiredService<AddAgency>();
        await add.RunAsync(new AgencyDetails { Code = "gov", Name = "基准县人民政府", CreditCode = CreditCode.Complete("11439901004310001"), Kind = AgencyKind.government }, "bench");
        for (var i = 1; i < agencies; i++)
        {
            var r = await add.RunAsync(new AgencyDetails { Code = $"d{i:000}", Name = $"基准县第{i}局", CreditCode = CreditCode.Complete($"1143990100{4310001 + i:0000000}"), ParentCode = "gov" }, "bench");
            if (!r.Succeeded) throw new InvalidOperationException(r.Errors[0].Message);
        }
    }

    // d001 gets 100,000 requests received in 2024; the other 900,000 spread over the remaining
    // agencies from 2023-10 to 2024-12; about 10 % still open.
    var rng = new Random(42);
    using var insertScope = services.CreateScope();
    var db = insertScope.ServiceProvider.GetRequiredService<GongkaiDb>();
    var ids = await db.Agencies.AsNoTracking().Where(a => a.Code != "gov").OrderBy(a => a.Code).Select(a => a.Id).ToListAsync();
    var connection = db.Database.GetDbConnection();
    await connection.OpenAsync();
    string[] kinds = ["natural_person", "natural_person", "natural_person", "legal_person.commercial", "legal_person.research", "legal_person.public_welfare", "legal_person.legal_service", "legal_person.other"];
    string[] channels = ["online", "online", "letter", "in_person", "email", "fax", "other"];
    var leaves = ReportKeys.Leaves.Select(l => l.Key()).ToArray();
    if (postgres)
    {
        // The same distribution drawn by the server (generate_series + random()): one statement, seconds.
        await using var fill = connection.CreateCommand();
        fill.CommandTimeout = 1800;
        fill.CommandText = """
            INSERT INTO disclosure_requests ("Id", "AgencyId", "QueryCode", "PasswordCipher", "SubmittedAt", "ApplicantKind", "ApplicantName", "Description", "Form", "Delivery", "Channel", "ReceivedOn", "Status", "IsOpen", "ResultLeaf", "DecidedOn")
            SELECT gen_random_uuid(), (@ids::uuid[])[CASE WHEN n <= 100000 THEN 1 ELSE 2 + n % (cardinality(@ids::uuid[]) - 1) END], 'B' || lpad(n::text, 7, '0'), 'x', timestamptz '2024-01-01 00:00:00+00',
                   (@kinds::text[])[1 + floor(random() * cardinality(@kinds::text[]))::int], '申请人', '基准数据', 'Paper', 'Pickup',
                   (@channels::text[])[1 + floor(random() * cardinality(@channels::text[]))::int], rec,
                   CASE WHEN dec IS NULL THEN 'InProgress' ELSE 'Closed' END, dec IS NULL,
                   CASE WHEN dec IS NULL THEN NULL ELSE (@leaves::text[])[1 + floor(random() * cardinality(@leaves::text[]))::int] END, dec
            FROM (SELECT n, rec, CASE WHEN random() < 0.1 OR rec + d > date '2025-06-30' THEN NULL ELSE rec + d END AS dec
                  FROM (SELECT n, CASE WHEN n <= 100000 THEN date '2024-01-01' + floor(random() * 366)::int ELSE date '2023-10-01' + floor(random() * 457)::int END AS rec,
                               1 + floor(random() * 39)::int AS d
                        FROM generate_series(1, 1000000) AS n) x) y
            """;
        foreach (var (name, value) in new (string, object)[] { ("ids", ids.ToArray()), ("kinds", kinds), ("channels", channels), ("leaves", leaves) })
        {
            var parameter = fill.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = value;
            fill.Parameters.Add(parameter);
        }
        await fill.ExecuteNonQueryAsync();
        await using var vacuum = connection.CreateCommand();
        vacuum.CommandTimeout = 1800;
        vacuum.CommandText = "VACUUM ANALYZE disclosure_requests";
        await vacuum.ExecuteNonQueryAsync();
        return;
    }
    await using var tx = await connection.BeginTransactionAsync();
    await using var insert = connection.CreateCommand();
    insert.Transaction = tx;
    insert.CommandText = "INSERT INTO disclosure_requests (\"Id\", \"AgencyId\", \"QueryCode\", \"PasswordCipher\", \"SubmittedAt\", \"ApplicantKind\", \"ApplicantName\", \"Description\", \"Form\", \"Delivery\", \"Channel\", \"ReceivedOn\", \"Status\", \"IsOpen\", \"ResultLeaf\", \"DecidedOn\") " +
                         "VALUES (@id, @agency, @code, 'x', @submitted, @kind, '申请人', '基准数据', 'Paper', 'Pickup', @channel, @received, @status, @open, @leaf, @decided)";
    var p = new Dictionary<string, DbParameter>();
    foreach (var name in new[] { "id", "agency", "code", "submitted", "kind", "channel", "received", "status", "open", "leaf", "decided" })
    {
        var parameter = insert.CreateParameter();
        parameter.ParameterName = "@" + name;
        insert.Parameters.Add(parameter);
        p[name] = parameter;
    }
    // SQLite stores what EF writes there: GUIDs as upper-case text, dates as ISO text, booleans as 0/1.
    static string Guid_(Guid g) => g.ToString().ToUpperInvariant();
    static string Date(DateOnly d) => d.ToString("yyyy-MM-dd");
    p["submitted"].Value = "2024-01-01 00:00:00+00:00";
    insert.Prepare();
    for (var n = 0; n < 1_000_000; n++)
    {
        var agency = n < 100_000 ? ids[0] : ids[1 + n % (ids.Count - 1)];
        var received = n < 100_000 ? new DateOnly(2024, 1, 1).AddDays(rng.Next(0, 366)) : new DateOnly(2023, 10, 1).AddDays(rng.Next(0, 457));
        var decided = rng.Next(10) == 0 ? (DateOnly?)null : received.AddDays(rng.Next(1, 40));
        if (decided > new DateOnly(2025, 6, 30)) decided = null;
        p["id"].Value = Guid_(Guid.NewGuid());
        p["agency"].Value = Guid_(agency);
        p["code"].Value = $"B{n:0000000}";
        p["kind"].Value = kinds[rng.Next(kinds.Length)];
        p["channel"].Value = channels[rng.Next(channels.Length)];
        p["received"].Value = Date(received);
        p["status"].Value = decided is null ? "InProgress" : "Closed";
        p["open"].Value = decided is null ? 1 : 0;
        p["leaf"].Value = decided is null ? DBNull.Value : leaves[rng.Next(leaves.Length)];
        p["decided"].Value = decided is null ? DBNull.Value : Date(decided.Value);
        await insert.ExecuteNonQueryAsync();
    }
    await tx.CommitAsync();
    await using var after = connection.CreateCommand();
    // Fold the write-ahead log back into the database so the reads are not charged for it.
    after.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
    await after.ExecuteNonQueryAsync();
}
