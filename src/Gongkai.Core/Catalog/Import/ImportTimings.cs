using System.Diagnostics;

namespace Gongkai.Catalog.Import;

/// <summary>
/// Wall-clock and process CPU time of an import by phase, summed over chunks (printed by the
/// benchmark; cheap enough to keep on). The search documents are built on another thread while
/// rows are written, so the CPU of a write phase includes whatever that thread did meanwhile.
/// </summary>
public sealed class ImportTimings
{
    private readonly List<(string Phase, TimeSpan Wall, TimeSpan Cpu)> _phases = [];

    public IReadOnlyList<(string Phase, TimeSpan Wall, TimeSpan Cpu)> Phases => _phases;

    internal (long Wall, TimeSpan Cpu) Start() => (Stopwatch.GetTimestamp(), Environment.CpuUsage.TotalTime);

    /// <summary>Adds the time since <paramref name="since"/> to <paramref name="phase"/> and returns a new start.</summary>
    internal (long Wall, TimeSpan Cpu) Add(string phase, (long Wall, TimeSpan Cpu) since)
    {
        var now = Start();
        var (wall, cpu) = (Stopwatch.GetElapsedTime(since.Wall, now.Wall), now.Cpu - since.Cpu);
        var i = _phases.FindIndex(p => p.Phase == phase);
        if (i < 0) _phases.Add((phase, wall, cpu));
        else _phases[i] = (phase, _phases[i].Wall + wall, _phases[i].Cpu + cpu);
        return now;
    }
}
