// Report-builder benchmark (issue 6): one agency's report from 100,000 requests received in a year,
// and the aggregated report of 300 agencies with 1,000,000 requests. SQLite in a temp folder;
// requests are bulk-inserted as rows (no event log rows: the report reads the projection columns).
using System.Diagnostics;
using Gongkai;
using Gongkai.Agencies;
using Gongkai.Data;
using Gongkai.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

var dir = Path.Combine(Path.GetTempPath(), $"gongkai-bench-report-{Guid.NewGuid():N}");
var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Provider"] = "sqlite", ["Database:DataDir"] = dir }).Build();
var services = new ServiceCollection().AddLogging().AddGongkaiCore(config).BuildServiceProvider();
try
{
    using (var scope = services.CreateScope()) await scope.ServiceProvider.GetRequiredService<MigrateDatabase>().RunAsync();
    const int agencies = 300;
    var codes = new List<string>();
    using (var scope = services.CreateScope())
    {
        var add = scope.ServiceProvider.GetRequiredService<AddAgency>();
        await add.RunAsync(new AgencyDetails { Code = "gov", Name = "基准县人民政府", CreditCode = CreditCode.Complete("11439901004310001"), Kind = AgencyKind.government }, "bench");
        for (var i = 1; i < agencies; i++)
        {
            var code = $"d{i:000}";
            var r = await add.RunAsync(new AgencyDetails { Code = code, Name = $"基准县第{i}局", CreditCode = CreditCode.Complete($"1143990100{4310001 + i:0000000}"), ParentCode = "gov" }, "bench");
            if (!r.Succeeded) throw new InvalidOperationException(r.Errors[0].Message);
            codes.Add(code);
        }
    }

    // d001 gets 100,000 requests received in 2024; the other 899,999 spread over the remaining agencies.
    var rng = new Random(42);
    var sw = Stopwatch.StartNew();
    using (var scope = services.CreateScope())
    {
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
        var ids = await db.Agencies.AsNoTracking().Where(a => a.Code != "gov").OrderBy(a => a.Code).Select(a => a.Id).ToListAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var rawIds = new Dictionary<Guid, string>();
        using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT Id FROM agencies";
            using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync()) rawIds[Guid.Parse(reader.GetString(0))] = reader.GetString(0);
        }
        string[] kinds = ["natural_person", "natural_person", "natural_person", "legal_person.commercial", "legal_person.research", "legal_person.public_welfare", "legal_person.legal_service", "legal_person.other"];
        string[] channels = ["online", "online", "letter", "in_person", "email", "fax", "other"];
        using var tx = await connection.BeginTransactionAsync();
        using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = "INSERT INTO disclosure_requests (Id, AgencyId, QueryCode, PasswordCipher, SubmittedAt, ApplicantKind, ApplicantName, Description, Form, Delivery, Channel, ReceivedOn, Status, IsOpen, ResultLeaf, DecidedOn) " +
                             "VALUES ($id, $agency, $code, 'x', '2024-01-01 00:00:00+00:00', $kind, '申请人', '基准数据', 'Paper', 'Pickup', $channel, $received, $status, $open, $leaf, $decided)";
        var p = new Dictionary<string, System.Data.Common.DbParameter>();
        foreach (var name in new[] { "$id", "$agency", "$code", "$kind", "$channel", "$received", "$status", "$open", "$leaf", "$decided" })
        {
            var parameter = insert.CreateParameter();
            parameter.ParameterName = name;
            insert.Parameters.Add(parameter);
            p[name] = parameter;
        }
        var leaves = ReportKeys.Leaves.Select(l => l.Key()).ToArray();
        for (var n = 0; n < 1_000_000; n++)
        {
            var agency = n < 100_000 ? ids[0] : ids[1 + n % (ids.Count - 1)];
            var received = new DateOnly(2023, 10, 1).AddDays(rng.Next(n < 100_000 ? 92 : 0, 457)); // 2023-10-01 … 2024-12-31
            if (n < 100_000) received = new DateOnly(2024, 1, 1).AddDays(rng.Next(0, 366));
            var decided = rng.Next(10) == 0 ? (DateOnly?)null : received.AddDays(rng.Next(1, 40));
            if (decided > new DateOnly(2025, 6, 30)) decided = null;
            p["$id"].Value = Guid.NewGuid().ToString().ToUpperInvariant();
            p["$agency"].Value = rawIds[agency];
            p["$code"].Value = $"B{n:0000000}";
            p["$kind"].Value = kinds[rng.Next(kinds.Length)];
            p["$channel"].Value = channels[rng.Next(channels.Length)];
            p["$received"].Value = received.ToString("yyyy-MM-dd");
            p["$status"].Value = decided is null ? "InProgress" : "Closed";
            p["$open"].Value = decided is null ? 1 : 0;
            p["$leaf"].Value = decided is null ? DBNull.Value : leaves[rng.Next(leaves.Length)];
            p["$decided"].Value = decided is null ? DBNull.Value : decided.Value.ToString("yyyy-MM-dd");
            insert.ExecuteNonQuery();
        }
        await tx.CommitAsync();
        // Fold the write-ahead log back into the database so the reads below are not charged for it.
        using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        await checkpoint.ExecuteNonQueryAsync();
    }
    Console.WriteLine($"inserted 1,000,000 requests in {sw.Elapsed.TotalSeconds:0.0} s");

    async Task<double> Time(Func<IServiceProvider, Task> body)
    {
        using var scope = services.CreateScope();
        var watch = Stopwatch.StartNew();
        await body(scope.ServiceProvider);
        return watch.Elapsed.TotalMilliseconds;
    }

    async Task Measure(string label, Func<IServiceProvider, Task> body)
    {
        await Time(body); // warm-up
        var best = double.MaxValue;
        for (var i = 0; i < 3; i++) best = Math.Min(best, await Time(body));
        Console.WriteLine($"{label}: best of 3 {best:0.0} ms");
    }

    await Measure("one agency (d001, 100,000 requests received in 2024), GenerateReport v2021", async sp =>
    {
        var r = await sp.GetRequiredService<GenerateReport>().RunAsync("d001", 2024);
        if (r.Value.Figures.Cells["applications.new.total"] != 100_000) throw new InvalidOperationException("unexpected count");
    });
    var facts = await (await Task.FromResult(services.CreateScope())).ServiceProvider.GetRequiredService<GenerateReport>().RunAsync("d001", 2024);
    await Measure("  of which the pure builder (ReportBuilder.Build over the loaded facts)", _ =>
    {
        ReportBuilder.Build(ReportFormat.V2021, 2024, facts.Value.Records);
        return Task.CompletedTask;
    });
    await Measure("aggregated (gov, whole tree: 300 agencies, 1,000,000 requests), GenerateReport v2021", async sp =>
    {
        var r = await sp.GetRequiredService<GenerateReport>().RunAsync("gov", 2024, scope: ReportScope.tree);
        if (ReportChecks.BlocksPublication(r.Value.Checks)) throw new InvalidOperationException("checks fail");
    });
    await Measure("aggregation check (gov vs its own records + 299 child reports)", async sp =>
    {
        var r = await sp.GetRequiredService<CheckAggregation>().RunAsync("gov", 2024);
        if (r.Value.Failures.Count > 0) throw new InvalidOperationException("aggregation differs");
    });
}
finally
{
    await services.DisposeAsync();
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
}
