// Throughput of the report reader on one core: the five real samples, plus each of them wrapped as
// an HTML page, read round-robin. Target (issue 7): at least 200 reports per second.
using System.Diagnostics;
using System.Net;
using Gongkai.ReportReading;

var dir = FindSamples();
var texts = Directory.GetFiles(dir, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
texts.AddRange(texts.Select(t => "<html><body>" + string.Concat(t.Split('\n').Select(l => $"<p>{WebUtility.HtmlEncode(l)}</p>\n")) + "</body></html>").ToList());
Console.WriteLine($"{texts.Count} inputs, {texts.Sum(t => t.Length):N0} characters in all");

const int Reports = 2000;
var sink = 0;
for (var i = 0; i < texts.Count * 20; i++) sink += ReadReport.Read(texts[i % texts.Count]).Cells.Count; // warm-up
var best = TimeSpan.MaxValue;
for (var round = 1; round <= 5; round++)
{
    var sw = Stopwatch.StartNew();
    for (var i = 0; i < Reports; i++) sink += ReadReport.Read(texts[i % texts.Count]).Cells.Count;
    sw.Stop();
    best = sw.Elapsed < best ? sw.Elapsed : best;
    Console.WriteLine($"round {round}: {Reports} reports in {sw.Elapsed.TotalMilliseconds:N0} ms = {Reports / sw.Elapsed.TotalSeconds:N0} reports/s");
}
Console.WriteLine($"best: {Reports / best.TotalSeconds:N0} reports/s ({best.TotalMilliseconds * 1000 / Reports:N0} µs per report); checksum {sink}");

static string FindSamples()
{
    for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
    {
        var candidate = Path.Combine(d.FullName, "tests", "Gongkai.Core.Tests", "ReportReading", "Samples");
        if (Directory.Exists(candidate)) return candidate;
    }
    throw new DirectoryNotFoundException("tests/Gongkai.Core.Tests/ReportReading/Samples not found; run from the repository.");
}
