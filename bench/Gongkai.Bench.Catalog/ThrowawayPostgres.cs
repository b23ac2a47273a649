using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Gongkai.Bench.Catalog;

/// <summary>
/// A PostgreSQL 15 cluster in a temp folder for one benchmark run (as the web tests start one):
/// initdb, listen on 127.0.0.1 at a free port, stopped and deleted on dispose. Durability settings
/// are those of the tests (fsync off), so the figure is the import's own work, not the disk's.
/// </summary>
internal sealed class ThrowawayPostgres : IAsyncDisposable
{
    private const string BinDir = "/usr/lib/postgresql/15/bin";
    private readonly string _root;
    private readonly bool _asRoot;

    private ThrowawayPostgres(string root, bool asRoot, string connectionString) =>
        (_root, _asRoot, ConnectionString) = (root, asRoot, connectionString);

    public string ConnectionString { get; }

    public static async Task<ThrowawayPostgres> StartAsync(string root)
    {
        Directory.CreateDirectory(root);
        var asRoot = Environment.UserName == "root";
        if (asRoot) await RunAsync("chown", ["postgres:postgres", root]);
        var port = FreePort();
        var data = Path.Combine(root, "data");
        await RunPgAsync(asRoot, "initdb", ["-D", data, "--locale=C.UTF-8", "-E", "UTF8", "-A", "trust", "-U", "postgres"]);
        await RunPgAsync(asRoot, "pg_ctl", ["-D", data, "-l", Path.Combine(root, "server.log"), "-w", "-t", "60", "-o",
            $"-c listen_addresses=127.0.0.1 -p {port} -k {root} -c fsync=off -c synchronous_commit=off -c full_page_writes=off", "start"]);
        var server = $"Host=127.0.0.1;Port={port};Username=postgres;Timeout=30;Command Timeout=600";
        await using (var connection = new NpgsqlConnection(server + ";Database=postgres"))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE DATABASE bench ENCODING 'UTF8' TEMPLATE template0", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new ThrowawayPostgres(root, asRoot, server + ";Database=bench");
    }

    /// <summary>
    /// CPU time used so far by the whole cluster: the postmaster, its live children (backends,
    /// background writers) and the children that have exited (counted in the postmaster's
    /// cutime/cstime). Read from /proc, in clock ticks of 10 ms.
    /// </summary>
    public TimeSpan ServerCpu()
    {
        var postmaster = int.Parse(File.ReadLines(Path.Combine(_root, "data", "postmaster.pid")).First());
        long ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            string stat;
            try { stat = File.ReadAllText(Path.Combine(dir, "stat")); } catch (IOException) { continue; }
            // Fields after the command name "(…)": state ppid … utime(14) stime(15) cutime(16) cstime(17), 1-based.
            var f = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ppid = int.Parse(f[1]);
            if (pid == postmaster) ticks += long.Parse(f[11]) + long.Parse(f[12]) + long.Parse(f[13]) + long.Parse(f[14]);
            else if (ppid == postmaster) ticks += long.Parse(f[11]) + long.Parse(f[12]);
        }
        return TimeSpan.FromMilliseconds(ticks * 10);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try { await RunPgAsync(_asRoot, "pg_ctl", ["-D", Path.Combine(_root, "data"), "-m", "immediate", "-w", "stop"]); }
        finally { try { Directory.Delete(_root, true); } catch (IOException) { } catch (UnauthorizedAccessException) { } }
    }

    private static Task RunPgAsync(bool asRoot, string tool, string[] args) =>
        asRoot ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(BinDir, tool), .. args]) : RunAsync(Path.Combine(BinDir, tool), args);

    private static async Task RunAsync(string file, string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {process.ExitCode}: {await stderr}{await stdout}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
