using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Gongkai.Bench.Search;

/// <summary>
/// A PostgreSQL 15 cluster kept in a folder under /tmp between runs (initdb the first time), started
/// on a free loopback port for the run and stopped when disposed. Run as root: the server runs as
/// the postgres user, as in tests/Gongkai.Web.Tests/Infrastructure/PostgresServer.cs.
/// </summary>
public sealed class PgCluster : IAsyncDisposable
{
    private const string BinDir = "/usr/lib/postgresql/15/bin";
    private readonly string _root;

    private PgCluster(string root, int port)
    {
        _root = root;
        ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=bench;Timeout=30;Command Timeout=0";
    }

    public string ConnectionString { get; }

    private string ReadyFile => Path.Combine(_root, "ready");

    public bool Ready => File.Exists(ReadyFile);

    public void MarkReady() => File.WriteAllText(ReadyFile, DateTime.UtcNow.ToString("O"));

    private string Data => Path.Combine(_root, "data");

    public static async Task<PgCluster> StartAsync(string root)
    {
        if (Directory.Exists(root) && !File.Exists(Path.Combine(root, "ready"))) Directory.Delete(root, true);
        var fresh = !Directory.Exists(root);
        var port = FreePort();
        var cluster = new PgCluster(root, port);
        if (fresh)
        {
            Directory.CreateDirectory(root);
            await Run("chown", "postgres:postgres", root);
            await AsPostgres("initdb", "-D", cluster.Data, "--locale=C.UTF-8", "-E", "UTF8", "-A", "trust", "-U", "postgres");
        }
        // A modest production-like configuration for a 2-core, 24 GiB machine.
        await AsPostgres("pg_ctl", "-D", cluster.Data, "-l", Path.Combine(root, "server.log"), "-w", "-t", "120", "-o",
            $"-c listen_addresses=127.0.0.1 -p {port} -k {root} -c fsync=off -c synchronous_commit=off -c full_page_writes=off " +
            "-c shared_buffers=2GB -c effective_cache_size=8GB -c work_mem=32MB -c max_wal_size=8GB -c jit=off", "start");
        if (fresh)
        {
            await using var c = new NpgsqlConnection(cluster.ConnectionString.Replace("Database=bench", "Database=postgres"));
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand("CREATE DATABASE bench ENCODING 'UTF8' TEMPLATE template0", c);
            await cmd.ExecuteNonQueryAsync();
        }
        return cluster;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await AsPostgres("pg_ctl", "-D", Data, "-m", "fast", "-w", "stop");
    }

    private static Task AsPostgres(string tool, params string[] args) => Run("runuser", ["-u", "postgres", "--", Path.Combine(BinDir, tool), .. args]);

    private static async Task Run(string file, params string[] args)
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
