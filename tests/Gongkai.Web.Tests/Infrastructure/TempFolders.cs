using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Gongkai.Web.Tests.Infrastructure;

/// <summary>
/// The temp folders of a test run (the demo template, each app's data folder), named <c>{prefix}-{guid}</c> in the
/// temp directory, each marked with the test process that owns it. Fixtures delete theirs when disposed; a folder
/// left behind by a run that was killed (its owner process is gone) is swept at the start of the next run.
/// </summary>
public static class TempFolders
{
    public const string OwnerFile = ".gongkai-test-owner";
    private static readonly string[] Prefixes = ["gongkai-test", "gongkai-template"];
    /// <summary>Folders from before the owner marker are only swept once this old, so a run in progress keeps its own.</summary>
    private static readonly TimeSpan UnmarkedAge = TimeSpan.FromHours(3);
    private static readonly Lazy<bool> Swept = new(SweepStale);

    private static string Me
    {
        get
        {
            using var self = Process.GetCurrentProcess();
            return $"{Environment.ProcessId} {self.StartTime.ToUniversalTime().Ticks}";
        }
    }

    /// <summary>Creates a new empty folder owned by this process.</summary>
    public static string Create(string prefix)
    {
        _ = Swept.Value;
        var path = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        File.WriteAllText(Path.Combine(path, OwnerFile), Me);
        return path;
    }

    /// <summary>Deletes the folder, first closing pooled SQLite connections to files in it. Never throws.</summary>
    public static void Delete(string path)
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(path, recursive: true); }
        catch (DirectoryNotFoundException) { }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    private static bool SweepStale()
    {
        foreach (var prefix in Prefixes)
        foreach (var dir in Directory.EnumerateDirectories(Path.GetTempPath(), prefix + "-*"))
        {
            if (IsStale(dir)) Delete(dir);
        }
        return true;
    }

    private static bool IsStale(string dir)
    {
        try
        {
            var marker = Path.Combine(dir, OwnerFile);
            if (!File.Exists(marker)) return DateTime.UtcNow - Directory.GetLastWriteTimeUtc(dir) > UnmarkedAge;
            var parts = File.ReadAllText(marker).Split(' ');
            // An empty or partial marker may be one being written right now: only stale once old.
            if (parts.Length != 2 || !int.TryParse(parts[0], out var pid) || !long.TryParse(parts[1], out var started))
                return DateTime.UtcNow - File.GetLastWriteTimeUtc(marker) > UnmarkedAge;
            try
            {
                using var owner = Process.GetProcessById(pid);
                // A start time far from the marker's: the id was reused, the owner is gone. Not compared exactly: on Linux
                // .NET derives it from the boot time as seen by the reading process, which differs by milliseconds between
                // processes (an exact comparison made concurrent test runs delete each other's folders).
                return Math.Abs(owner.StartTime.ToUniversalTime().Ticks - started) > TimeSpan.TicksPerSecond * 2;
            }
            catch (ArgumentException) { return true; } // no such process
        }
        catch (IOException) { return false; }
        catch (UnauthorizedAccessException) { return false; }
        catch (InvalidOperationException) { return false; }
    }
}
