// Request benchmarks (issue 5): the staff inbox of an agency holding 100,000 requests, and online
// submissions through HTTP on SQLite. Both run the real web app (Release build) as a separate
// process on loopback and talk to it with HttpClient.
//
//   dotnet build -c Release src/Gongkai.Web
//   dotnet run -c Release --project bench/Gongkai.Bench.Requests -- inbox          # seeds once into /tmp, then times the inbox
//   dotnet run -c Release --project bench/Gongkai.Bench.Requests -- inbox-cold     # one GET every 6 s
//   dotnet run -c Release --project bench/Gongkai.Bench.Requests -- inbox-write    # each GET right after a new submission
//   dotnet run -c Release --project bench/Gongkai.Bench.Requests -- inbox-start    # first pages after start, idle CPU, a page after 130 s idle
//   dotnet run -c Release --project bench/Gongkai.Bench.Requests -- inbox-memory   # managed memory held by the inbox snapshots (in-process)
//   dotnet run -c Release --project bench/Gongkai.Bench.Requests -- detail         # staff detail page (repeat-request check)
//   dotnet run -c Release --project bench/Gongkai.Bench.Requests -- submit [secs]  # fresh database, 64 concurrent clients
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Gongkai;
using Gongkai.Data;
using Gongkai.Demo;
using Gongkai.Requests;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

var mode = args.FirstOrDefault() ?? "inbox";
var repo = FindRepo();
var webDll = Environment.GetEnvironmentVariable("GONGKAI_BENCH_WEB_DLL") ?? Path.Combine(repo, "src/Gongkai.Web/bin/Release/net10.0/Gongkai.Web.dll"); // override: a published build, e.g. ReadyToRun
if (!File.Exists(webDll)) { Console.Error.WriteLine($"build the web app first: dotnet build -c Release src/Gongkai.Web ({webDll} missing)"); return 2; }
const string Key = "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=";

return mode switch
{
    "inbox" => await InboxAsync(),
    "inbox-direct" => await InboxDirectAsync(),
    "inbox-cold" => await InboxColdAsync(),
    "inbox-write" => await InboxAfterWriteAsync(),
    "inbox-start" => await InboxAfterStartAsync(),
    "inbox-memory" => await InboxMemoryAsync(),
    "detail" => await DetailAsync(),
    "submit" => await SubmitAsync(args.Length > 1 ? int.Parse(args[1]) : 30, args.Length > 2 ? int.Parse(args[2]) : 64),
    _ => Usage(),
};

int Usage() { Console.Error.WriteLine("usage: inbox | inbox-direct | inbox-cold | inbox-write | inbox-start | inbox-memory | detail | submit [seconds] [connections]"); return 2; }

async Task<int> InboxAsync()
{
    var dir = Path.Combine(Path.GetTempPath(), "gongkai-bench-requests-100k");
    if (!File.Exists(Path.Combine(dir, "seeded"))) await SeedAsync(dir);
    await using var app = await WebApp.StartAsync(webDll, dir, Key);
    var client = app.Client();
    await LoginAsync(client, "jyj.handler");
    foreach (var (label, path) in new[]
             {
                 ("在办 (open, first page)", "/staff/requests?view=open"),
                 ("已逾期 (overdue)", "/staff/requests?view=overdue"),
                 ("即将到期 (due soon)", "/staff/requests?view=due_soon"),
                 ("已办结 by status, page 1", "/staff/requests?status=Closed"),
                 ("已办结 by status, page 500", "/staff/requests?status=Closed&p=500"),
             })
    {
        var bytes = 0;
        for (var i = 0; i < 5; i++) bytes = await GetOk(client, path); // warm-up
        var times = new List<double>();
        var cpu = app.CpuTime();
        for (var i = 0; i < 40; i++)
        {
            var sw = Stopwatch.StartNew();
            await GetOk(client, path);
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        var cpuEach = (app.CpuTime() - cpu).TotalMilliseconds / times.Count;
        Console.WriteLine($"{label,-32} p50 {times[times.Count / 2],7:0.0} ms   p95 {times[(int)(times.Count * 0.95)],7:0.0} ms   max {times[^1],7:0.0} ms   server CPU {cpuEach,6:0.0} ms/page   HTML {bytes / 1024.0,5:0.0} KB");
    }
    return 0;
}

// One GET every 6 s, past what was the snapshot's 5 s lifetime: before the third round each such page read the counts
// and open requests again; since the fourth the snapshot has no lifetime (reloaded only when another process's write
// moves the agency's request stamp, InboxSnapshots).
async Task<int> InboxColdAsync()
{
    var dir = Path.Combine(Path.GetTempPath(), "gongkai-bench-requests-100k");
    if (!File.Exists(Path.Combine(dir, "seeded"))) await SeedAsync(dir);
    await using var app = await WebApp.StartAsync(webDll, dir, Key);
    var client = app.Client();
    await LoginAsync(client, "jyj.handler");
    foreach (var (label, path) in new[] { ("在办, 6 s after the last page", "/staff/requests?view=open"), ("已办结 page 500, 6 s after the last page", "/staff/requests?status=Closed&p=500") })
    {
        for (var i = 0; i < 3; i++) await GetOk(client, path); // warm-up (JIT)
        var times = new List<double>();
        for (var i = 0; i < 8; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(6));
            var sw = Stopwatch.StartNew();
            await GetOk(client, path);
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        Console.WriteLine($"{label,-34} p50 {times[times.Count / 2],7:0.0} ms   max {times[^1],7:0.0} ms   (8 GETs)");
    }
    return 0;
}

// The first inbox pages after the web app starts (its snapshots preloaded in the background meanwhile), the server's
// CPU while nobody asks for anything (the background loop polling the request stamps), and a page after 130 s idle
// (before the fourth round, snapshots unused for 2 minutes were dropped and the next page read everything itself).
async Task<int> InboxAfterStartAsync()
{
    var dir = Path.Combine(Path.GetTempPath(), "gongkai-bench-requests-100k");
    if (!File.Exists(Path.Combine(dir, "seeded"))) await SeedAsync(dir);
    var started = Stopwatch.StartNew();
    await using var app = await WebApp.StartAsync(webDll, dir, Key);
    Console.WriteLine($"web app answering after {started.Elapsed.TotalSeconds:0.0} s; waiting 5 s for the preload");
    await Task.Delay(TimeSpan.FromSeconds(5));
    var client = app.Client();
    await LoginAsync(client, "jyj.handler");
    foreach (var (label, path) in new[] { ("在办, first GET after start", "/staff/requests?view=open"), ("已办结 page 500, first GET after start", "/staff/requests?status=Closed&p=500"), ("在办, second GET", "/staff/requests?view=open") })
    {
        var sw = Stopwatch.StartNew();
        await GetOk(client, path);
        Console.WriteLine($"{label,-40} {sw.Elapsed.TotalMilliseconds,7:0.0} ms");
    }
    var cpu = app.CpuTime();
    await Task.Delay(TimeSpan.FromSeconds(20));
    Console.WriteLine($"idle server CPU (stamp polling): {(app.CpuTime() - cpu).TotalMilliseconds / 20:0.0} ms per second");
    await Task.Delay(TimeSpan.FromSeconds(90));
    cpu = app.CpuTime();
    await Task.Delay(TimeSpan.FromSeconds(20));
    Console.WriteLine($"idle server CPU 110–130 s after: {(app.CpuTime() - cpu).TotalMilliseconds / 20:0.0} ms per second");
    foreach (var (label, path) in new[] { ("在办 after 130 s idle", "/staff/requests?view=open"), ("已办结 page 500 right after", "/staff/requests?status=Closed&p=500"), ("在办 again", "/staff/requests?view=open") })
    {
        var sw = Stopwatch.StartNew();
        await GetOk(client, path);
        Console.WriteLine($"{label,-40} {sw.Elapsed.TotalMilliseconds,7:0.0} ms");
    }
    return 0;
}

// Managed memory held by one agency's inbox snapshot (its open rows with their clock inputs, and today's deadlines
// computed): GC.GetTotalMemory around a second load of the 100,000-request agency, the first one having warmed up EF's
// query cache and the deadline memo (whose entries are shared by equal clock inputs, so not counted here).
async Task<int> InboxMemoryAsync()
{
    var dir = Path.Combine(Path.GetTempPath(), "gongkai-bench-requests-100k");
    if (!File.Exists(Path.Combine(dir, "seeded"))) await SeedAsync(dir);
    await using var services = CoreServices(dir);
    using var scope = services.CreateScope();
    await scope.ServiceProvider.GetRequiredService<MigrateDatabase>().RunAsync(); // as the web app does on start (SQLite)
    var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
    var clocks = scope.ServiceProvider.GetRequiredService<RequestClocks>();
    var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
    var agency = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(db.Agencies.Where(a => a.Code == "jyj").Select(a => a.Id));
    var (warm, _) = await OpenDeadlines.LoadAsync(db, agency, CancellationToken.None);
    OpenDeadlines.Deadlines(warm, clocks, today);
    warm = null;
    var before = GC.GetTotalMemory(forceFullCollection: true);
    var (snapshot, stamps) = await OpenDeadlines.LoadAsync(db, agency, CancellationToken.None);
    var rowsOnly = GC.GetTotalMemory(forceFullCollection: true);
    OpenDeadlines.Deadlines(snapshot, clocks, today);
    var after = GC.GetTotalMemory(forceFullCollection: true);
    Console.WriteLine($"{snapshot.Open.Count} open requests: snapshot {(rowsOnly - before) / 1048576.0:0.00} MB open rows + {(after - rowsOnly) / 1048576.0:0.00} MB deadlines = {(after - before) / 1048576.0:0.00} MB ({(after - before) / (double)Math.Max(1, snapshot.Open.Count):0} bytes per open request)");
    GC.KeepAlive(snapshot);
    GC.KeepAlive(stamps);
    return 0;
}

// The page right after a request write: each round submits one online request (as a citizen would) and then GETs the
// inbox tab, so the page always follows a write that made the cached snapshot stale.
async Task<int> InboxAfterWriteAsync()
{
    var dir = Path.Combine(Path.GetTempPath(), "gongkai-bench-requests-100k");
    if (!File.Exists(Path.Combine(dir, "seeded"))) await SeedAsync(dir);
    await using var app = await WebApp.StartAsync(webDll, dir, Key);
    var client = app.Client();
    await LoginAsync(client, "jyj.handler");
    var citizen = app.Client();
    var n = 0;
    async Task Submit()
    {
        var body = new
        {
            applicantType = "natural_person", name = "写后读申请人", idNumber = "110101199003074477", phone = "13700137000",
            description = $"写后读基准 {Guid.NewGuid():N} 第{++n}号：2024年部门预算", form = "electronic", delivery = "online",
        };
        using var response = await citizen.PostAsJsonAsync("/api/v1/agencies/jyj/requests", body);
        if (response.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException($"submit: {(int)response.StatusCode}");
    }
    foreach (var (label, path) in new[] { ("在办, right after a write", "/staff/requests?view=open"), ("已逾期, right after a write", "/staff/requests?view=overdue"), ("已办结 page 500, right after a write", "/staff/requests?status=Closed&p=500") })
    {
        for (var i = 0; i < 5; i++) { await Submit(); await GetOk(client, path); } // warm-up (JIT)
        var times = new List<double>();
        var cpu = app.CpuTime();
        var cpuSubmit = TimeSpan.Zero;
        for (var i = 0; i < 40; i++)
        {
            var c0 = app.CpuTime();
            await Submit();
            cpuSubmit += app.CpuTime() - c0;
            var sw = Stopwatch.StartNew();
            await GetOk(client, path);
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        var cpuEach = ((app.CpuTime() - cpu) - cpuSubmit).TotalMilliseconds / times.Count;
        Console.WriteLine($"{label,-38} p50 {times[times.Count / 2],7:0.0} ms   p95 {times[(int)(times.Count * 0.95)],7:0.0} ms   max {times[^1],7:0.0} ms   server CPU {cpuEach,6:0.0} ms/page (40 GETs)");
    }
    return 0;
}

// The staff detail page (with the repeat-request check, SimilarRequests) of requests of the 100,000-request agency.
async Task<int> DetailAsync()
{
    var dir = Path.Combine(Path.GetTempPath(), "gongkai-bench-requests-100k");
    if (!File.Exists(Path.Combine(dir, "seeded"))) await SeedAsync(dir);
    await using var app = await WebApp.StartAsync(webDll, dir, Key);
    var client = app.Client();
    await LoginAsync(client, "jyj.handler");
    // A request whose description shares no term with any other: the candidate query finds nothing and so
    // looks at every request of the agency within the window (the worst case for SimilarRequests).
    var marker = Guid.NewGuid().ToString("N")[..8];
    using (var citizen = app.Client())
    using (var response = await citizen.PostAsJsonAsync("/api/v1/agencies/jyj/requests", new
    {
        applicantType = "natural_person", name = "详情基准申请人", idNumber = "110101199003074477", phone = "13700137000",
        description = $"鹦鹉螺号潜艇维修记录 {marker}", form = "electronic", delivery = "online",
    }))
        if (response.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException($"submit: {(int)response.StatusCode}");
    string unique;
    using (var c = new SqliteConnection($"Data Source={Path.Combine(dir, "gongkai.db")};Mode=ReadOnly"))
    {
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT Id FROM disclosure_requests WHERE Description LIKE '%{marker}%'";
        unique = ((string)cmd.ExecuteScalar()!).ToLowerInvariant();
    }
    foreach (var (label, list) in new[] { ("detail of an open request", "/staff/requests?view=open&p=3"), ("detail of a closed request", "/staff/requests?status=Closed&p=40"), ("detail, description like no other", "") })
    {
        var html = list.Length == 0 ? "" : await client.GetStringAsync(list);
        var ids = list.Length == 0 ? [unique] : Regex.Matches(html, "href=\"/staff/requests/([0-9a-f-]{36})\"").Select(m => m.Groups[1].Value).Distinct().ToList();
        if (ids.Count == 0) throw new InvalidOperationException("no requests listed on " + list);
        for (var i = 0; i < 5; i++) await GetOk(client, "/staff/requests/" + ids[i % ids.Count]); // warm-up
        var times = new List<double>();
        var cpu = app.CpuTime();
        for (var i = 0; i < 40; i++)
        {
            var sw = Stopwatch.StartNew();
            await GetOk(client, "/staff/requests/" + ids[(i + 5) % ids.Count]);
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        var cpuEach = (app.CpuTime() - cpu).TotalMilliseconds / times.Count;
        Console.WriteLine($"{label,-34} p50 {times[times.Count / 2],7:0.0} ms   p95 {times[(int)(times.Count * 0.95)],7:0.0} ms   max {times[^1],7:0.0} ms   server CPU {cpuEach,6:0.0} ms/page (40 GETs, {ids.Count} requests)");
    }
    return 0;
}

// The same inbox read in-process (no HTTP, no page), split into its parts, to see where the time goes.
async Task<int> InboxDirectAsync()
{
    var dir = Path.Combine(Path.GetTempPath(), "gongkai-bench-requests-100k");
    if (!File.Exists(Path.Combine(dir, "seeded"))) await SeedAsync(dir);
    await using var services = CoreServices(dir);
    Guid agency;
    using (var scope = services.CreateScope())
    {
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
        agency = Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(db.Agencies.Where(a => a.Code == "jyj").Select(a => a.Id)).Result;
    }
    var actor = new StaffActor(Guid.NewGuid(), "bench", agency, new HashSet<Gongkai.Staff.StaffRole> { Gongkai.Staff.StaffRole.request_handler });
    using (var scope = services.CreateScope())
    {
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
        Console.WriteLine(Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToQueryString(
            db.DisclosureRequests.Where(r => r.AgencyId == agency && r.IsOpen).Select(r => new { r.Id, r.HandlerId, r.ClockInputs })));
    }
    for (var round = 0; round < 5; round++)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
        var clocks = scope.ServiceProvider.GetRequiredService<RequestClocks>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var sw = Stopwatch.StartNew();
        var byStatus = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AsNoTracking(db.DisclosureRequests).Where(r => r.AgencyId == agency).GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }));
        var t1 = sw.Elapsed.TotalMilliseconds;
        var open = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AsNoTracking(db.DisclosureRequests).Where(r => r.AgencyId == agency && r.IsOpen).Select(r => new { r.Id, r.HandlerId, r.ClockInputs }));
        var t2 = sw.Elapsed.TotalMilliseconds;
        _ = clocks.Calendar;
        var t3 = sw.Elapsed.TotalMilliseconds;
        var overdue = open.Count(o => clocks.Deadline(o.ClockInputs!, today).Overdue);
        var t4 = sw.Elapsed.TotalMilliseconds;
        Console.WriteLine($"  parts: status counts {t1:0.0} ms, open rows {t2 - t1:0.0} ms, calendar {t3 - t2:0.0} ms, {open.Count} deadlines {t4 - t3:0.0} ms ({overdue} overdue)");
    }
    foreach (var view in new[] { "open", "overdue", "due_soon", null })
    {
        var times = new List<double>();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < 25; i++)
        {
            using var scope = services.CreateScope();
            var queries = scope.ServiceProvider.GetRequiredService<RequestQueries>();
            var sw = Stopwatch.StartNew();
            var page = await queries.InboxAsync(actor, agency, new InboxFilter(view, view is null ? RequestStatus.Closed : null));
            times.Add(sw.Elapsed.TotalMilliseconds);
            if (i == 0) Console.WriteLine($"  {view ?? "status=Closed"}: {page.Rows.Count} rows of {page.Total}; open {page.OpenCount}, overdue {page.OverdueCount}, due soon {page.DueSoonCount}");
        }
        times.Sort();
        var cpuEach = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / times.Count;
        Console.WriteLine($"InboxAsync {view ?? "status=Closed",-14} p50 {times[times.Count / 2],7:0.0} ms   min {times[0],7:0.0} ms   CPU {cpuEach,6:0.0} ms each");
    }
    return 0;
}

async Task SeedAsync(string dir)
{
    if (Directory.Exists(dir)) Directory.Delete(dir, true);
    var sw = Stopwatch.StartNew();
    var services = CoreServices(dir);
    using (var scope = services.CreateScope()) await scope.ServiceProvider.GetRequiredService<MigrateDatabase>().RunAsync();
    using (var scope = services.CreateScope()) await scope.ServiceProvider.GetRequiredService<DemoSeeder>().RunAsync();
    // 100,000 register lines for 教育局 (jyj): 90 % decided over 2020–2026, 10 % open, received over the last 60 days.
    var rng = new Random(42);
    var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
    string[] kinds = ["natural_person", "natural_person", "natural_person", "legal_person.commercial", "legal_person.research", "legal_person.public_welfare", "legal_person.legal_service", "legal_person.other"];
    string[] channels = ["online", "online", "letter", "in_person", "email", "fax", "other"];
    string[] results = ["result.granted", "result.partial", "result.unable.not_held", "result.other.other"];
    for (var batch = 0; batch < 10; batch++)
    {
        var csv = new StringBuilder("received_on,channel,applicant_type,applicant_name,description,result,decided_on,extended\n");
        for (var n = 0; n < 10_000; n++)
        {
            var open = n % 10 == 0;
            var received = open ? today.AddDays(-rng.Next(0, 60)) : new DateOnly(2020, 1, 1).AddDays(rng.Next(0, today.DayNumber - new DateOnly(2020, 1, 1).DayNumber - 40));
            var decided = open ? "" : received.AddDays(rng.Next(1, 40)).ToString("yyyy-MM-dd");
            csv.Append($"{received:yyyy-MM-dd},{channels[rng.Next(channels.Length)]},{kinds[rng.Next(kinds.Length)]},申请人{batch}-{n},关于某事项的政府信息 第{batch * 10_000 + n}号," +
                       $"{(open ? "" : results[rng.Next(results.Length)])},{decided},{(rng.Next(20) == 0 ? "true" : "false")}\n");
        }
        using var scope = services.CreateScope();
        var (imported, errors) = await scope.ServiceProvider.GetRequiredService<ImportRegister>().RunAsync("jyj", new StringReader(csv.ToString()), "bench");
        if (errors.Count > 0) throw new InvalidOperationException(string.Join("\n", errors.Take(5).Select(e => $"{e.Line}: {e.Message}")));
        Console.WriteLine($"imported {(batch + 1) * 10_000:N0} requests ({sw.Elapsed.TotalSeconds:0} s)");
    }
    await services.DisposeAsync();
    SqliteConnection.ClearAllPools();
    await File.WriteAllTextAsync(Path.Combine(dir, "seeded"), today.ToString("yyyy-MM-dd"));
}

async Task<int> SubmitAsync(int seconds, int connections)
{
    var dir = Path.Combine(Path.GetTempPath(), $"gongkai-bench-submit-{Guid.NewGuid():N}");
    try
    {
        await using var app = await WebApp.StartAsync(webDll, dir, Key);
        var before = CountOnline(dir);
        var client = app.Client();
        var run = Guid.NewGuid().ToString("N")[..8];
        long counter = 0, created = 0, failed = 0;
        var latencies = new List<double>[connections];
        var until = Stopwatch.StartNew();
        string? firstFailure = null;
        // Warm-up: a few seconds, not counted in the rate but counted in the rows.
        async Task Worker(int w, TimeSpan length, bool record)
        {
            latencies[w] ??= [];
            var sw = Stopwatch.StartNew();
            while (sw.Elapsed < length)
            {
                var n = Interlocked.Increment(ref counter);
                var body = new
                {
                    applicantType = "natural_person", name = "压测申请人", idNumber = "110101199003074477", phone = "13700137000",
                    description = $"基准测试申请 {run} 第{n}号：2024年部门预算", form = "electronic", delivery = "online",
                };
                var t = Stopwatch.StartNew();
                try
                {
                    using var response = await client.PostAsJsonAsync("/api/v1/agencies/jyj/requests", body);
                    if (response.StatusCode == HttpStatusCode.Created) Interlocked.Increment(ref created);
                    else
                    {
                        Interlocked.Increment(ref failed);
                        firstFailure ??= $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                    }
                }
                catch (Exception e)
                {
                    Interlocked.Increment(ref failed);
                    firstFailure ??= e.Message;
                }
                if (record) latencies[w].Add(t.Elapsed.TotalMilliseconds);
            }
        }
        await Task.WhenAll(Enumerable.Range(0, connections).Select(w => Worker(w, TimeSpan.FromSeconds(3), false)));
        var warm = created;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(w => Worker(w, TimeSpan.FromSeconds(seconds), true)));
        var elapsed = clock.Elapsed.TotalSeconds;
        var measured = created - warm;
        var all = latencies.SelectMany(l => l).OrderBy(x => x).ToList();
        await app.DisposeAsync();
        var rows = CountOnline(dir) - before;
        Console.WriteLine($"{connections} connections, {elapsed:0.0} s: {measured:N0} created = {measured / elapsed:0} submissions/s " +
                          $"(latency p50 {all[all.Count / 2]:0.0} ms, p95 {all[(int)(all.Count * 0.95)]:0.0} ms, p99 {all[(int)(all.Count * 0.99)]:0.0} ms)");
        Console.WriteLine($"answered 201: {created:N0} (incl. warm-up); failed: {failed:N0}; new rows in the database: {rows:N0} → {(rows == created ? "none lost" : "MISMATCH")}");
        if (firstFailure is not null) Console.WriteLine($"first failure: {firstFailure}");
        return rows == created && failed == 0 ? 0 : 1;
    }
    finally
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(dir, true); } catch (IOException) { }
    }
}

static long CountOnline(string dir)
{
    using var c = new SqliteConnection($"Data Source={Path.Combine(dir, "gongkai.db")};Mode=ReadOnly");
    c.Open();
    using var cmd = c.CreateCommand();
    cmd.CommandText = "SELECT COUNT(*) FROM disclosure_requests WHERE Channel = 'online'";
    return (long)cmd.ExecuteScalar()!;
}

static async Task<int> GetOk(HttpClient client, string path)
{
    using var response = await client.GetAsync(path);
    if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{path}: {(int)response.StatusCode}");
    return (await response.Content.ReadAsByteArrayAsync()).Length;
}

static async Task LoginAsync(HttpClient client, string user)
{
    var html = await client.GetStringAsync("/staff/login");
    var token = WebUtility.HtmlDecode(Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);
    var response = await client.PostAsync("/staff/login", new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["Input.UserName"] = user, ["Input.Password"] = DemoStaff.Password, ["__RequestVerificationToken"] = token,
    }));
    if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"login failed: {(int)response.StatusCode}");
}

ServiceProvider CoreServices(string dir)
{
    var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Database:Provider"] = "sqlite", ["Database:DataDir"] = dir, ["Requests:PersonalDataKey"] = Key,
    }).Build();
    return new ServiceCollection().AddLogging().AddGongkaiCore(config).BuildServiceProvider();
}

static string FindRepo()
{
    var d = new DirectoryInfo(AppContext.BaseDirectory);
    while (d is not null && !File.Exists(Path.Combine(d.FullName, "Gongkai.sln"))) d = d.Parent;
    return d?.FullName ?? throw new InvalidOperationException("run from inside the repository");
}

/// <summary>The web app in Release as a child process on a free loopback port; killed on dispose.</summary>
sealed class WebApp : IAsyncDisposable
{
    private readonly Process _process;
    public string Url { get; }
    private WebApp(Process process, string url) { _process = process; Url = url; }

    public static async Task<WebApp> StartAsync(string dll, string dataDir, string key)
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var url = $"http://127.0.0.1:{port}";
        var info = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        info.Environment["ASPNETCORE_URLS"] = url;
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Database__Provider"] = "sqlite";
        info.Environment["Database__DataDir"] = dataDir;
        info.Environment["Requests__PersonalDataKey"] = key;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("[web] " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new WebApp(process, url);
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var i = 0; i < 240; i++)
        {
            if (process.HasExited) throw new InvalidOperationException("the web app exited on start");
            try { if ((await probe.GetAsync(url + "/")).IsSuccessStatusCode) return app; } catch (HttpRequestException) { } catch (TaskCanceledException) { }
            await Task.Delay(500);
        }
        await app.DisposeAsync();
        throw new TimeoutException("the web app did not answer within 2 minutes");
    }

    /// <summary>CPU time the server process has used (all its threads): on a busy shared machine, a fairer figure than wall-clock.</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    public HttpClient Client() => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer(), MaxConnectionsPerServer = 256,
    }) { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(60) };

    private bool _disposed;

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
