using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Gongkai.Web.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL 15 cluster for the whole test run: initdb into a temp folder owned by
/// the postgres user, listening on 127.0.0.1 at a free port, stopped and deleted when the run ends.
/// Each test factory gets its own database via <see cref="CreateDatabaseAsync"/>.
/// With CI=true a cluster that cannot start fails the tests; otherwise they report it loudly and pass.
/// </summary>
public sealed class PostgresServer
{
    private const string BinDir = "/usr/lib/postgresql/15/bin";
    private static readonly Lazy<Task<PostgresServer>> Instance = new(StartAsync);

    private readonly string _root;
    private readonly int _port;

    private PostgresServer(string root, int port, string? unavailable)
    {
        _root = root;
        _port = port;
        UnavailableReason = unavailable;
    }

    public static Task<PostgresServer> SharedAsync() => Instance.Value;

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public string? UnavailableReason { get; }
    public bool IsAvailable => UnavailableReason is null;

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={_port};Username=postgres;Database={database};Timeout=30;Include Error Detail=true";

    /// <summary>Creates a database with a unique name (empty, or a copy of <paramref name="template"/>) and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix, string template = "template0")
    {
        if (!IsAvailable) throw new InvalidOperationException(UnavailableReason);
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(60, prefix.Length + 33)].ToLowerInvariant();
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE \"{template}\"", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    /// <summary>Fails under CI; elsewhere writes a loud notice and returns false so the caller can stop.</summary>
    public bool RequireOrReport(string test)
    {
        if (IsAvailable) return true;
        var message = $"PostgreSQL tests NOT RUN ({test}): {UnavailableReason}";
        if (InCi) throw new InvalidOperationException(message + " — CI=true requires PostgreSQL.");
        Console.Error.WriteLine(new string('!', 80));
        Console.Error.WriteLine("!!! " + message);
        Console.Error.WriteLine(new string('!', 80));
        return false;
    }

    private static async Task<PostgresServer> StartAsync()
    {
        var root = Path.Combine(Path.GetTempPath(), $"gongkai-pg-{Guid.NewGuid():N}");
        if (!File.Exists(Path.Combine(BinDir, "initdb")))
            return new PostgresServer(root, 0, $"PostgreSQL binaries not found in {BinDir}.");
        var port = FreePort();
        var data = Path.Combine(root, "data");
        try
        {
            Directory.CreateDirectory(root);
            var asRoot = Environment.UserName == "root";
            if (asRoot) await RunAsync("chown", ["postgres:postgres", root]);
            await RunAsPostgresAsync(asRoot, "initdb", ["-D", data, "--locale=C.UTF-8", "-E", "UTF8", "-A", "trust", "-U", "postgres"]);
            await RunAsPostgresAsync(asRoot, "pg_ctl", ["-D", data, "-l", Path.Combine(root, "server.log"), "-w", "-t", "60", "-o",
                $"-c listen_addresses=127.0.0.1 -p {port} -k {root} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
                "start"]);
            StartWatchdog(asRoot, data, root);
            return new PostgresServer(root, port, null);
        }
        catch (Exception e)
        {
            return new PostgresServer(root, port, $"could not start a throwaway cluster: {e.Message}");
        }
    }

    /// <summary>
    /// The test host is often killed by the runner rather than exiting, so no in-process hook is
    /// reliable: a detached shell waits for this process to disappear, then stops the cluster and
    /// deletes its folder.
    /// </summary>
    private static void StartWatchdog(bool asRoot, string data, string root)
    {
        var pgCtl = Path.Combine(BinDir, "pg_ctl");
        var stop = asRoot ? $"runuser -u postgres -- {pgCtl}" : pgCtl;
        var script = $"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 2; done; " +
                     $"{stop} -D '{data}' -m immediate -w stop >/dev/null 2>&1; rm -rf '{root}'";
        var start = new ProcessStartInfo("setsid") { UseShellExecute = false, RedirectStandardOutput = false, RedirectStandardError = false };
        foreach (var a in new[] { "sh", "-c", script }) start.ArgumentList.Add(a);
        Process.Start(start)?.Dispose();
    }

    private static Task RunAsPostgresAsync(bool asRoot, string tool, string[] args) =>
        asRoot ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(BinDir, tool), .. args])
               : RunAsync(Path.Combine(BinDir, tool), args);

    private static async Task RunAsync(string file, string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {process.ExitCode}: {await stderr}{await stdout}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
