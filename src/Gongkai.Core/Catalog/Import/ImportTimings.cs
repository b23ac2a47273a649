using System.Diagnostics;

namespace Gongkai.Catalog.Import;

/// <summary>Wall-clock time of an import by phase, summed over chunks (for the benchmark; cheap enough to keep on).</summary>
public sealed class ImportTimings
{
    private readonly List<(string Phase, TimeSpan Time)> _phases = [];

    public IReadOnlyList<(string Phase, TimeSpan Time)> Phases => _phases;

    internal long Start() => Stopwatch.GetTimestamp();

    /// <summary>Adds the time since <paramref name="since"/> to <paramref name="phase"/> and returns a new start.</summary>
    internal long Add(string phase, long since)
    {
        var now = Stopwatch.GetTimestamp();
        var elapsed = Stopwatch.GetElapsedTime(since, now);
        var i = _phases.FindIndex(p => p.Phase == phase);
        if (i < 0) _phases.Add((phase, elapsed));
        else _phases[i] = (phase, _phases[i].Time + elapsed);
        return now;
    }
}
