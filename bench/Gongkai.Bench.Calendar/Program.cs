// Calendar benchmark: one million "add 20 working days" must take under one second.
// Run: dotnet run -c Release --project bench/Gongkai.Bench.Calendar
using System.Diagnostics;
using Gongkai.Calendar;

const int N = 1_000_000;
var calendar = WorkingCalendar.Embedded;
var clock = new RequestClock(calendar);

// Start dates spread over every day of 2008–2026 so that holidays, make-up days and year ends all occur.
var first = new DateOnly(2008, 1, 1).DayNumber;
var span = new DateOnly(2026, 11, 30).DayNumber - first;
var starts = new DateOnly[N];
var random = new Random(42);
for (var i = 0; i < N; i++) starts[i] = DateOnly.FromDayNumber(first + random.Next(span));

Measure("AddWorkingDays(start, 20)", N, () =>
{
    long sum = 0;
    foreach (var s in starts) sum += calendar.AddWorkingDays(s, 20).DayNumber;
    return sum;
});

Measure("AddWorkingDays(start, 20) + TouchesUnpublished", N, () =>
{
    long sum = 0;
    foreach (var s in starts)
    {
        var due = calendar.AddWorkingDays(s, 20);
        sum += due.DayNumber + (calendar.TouchesUnpublished(s, due) ? 1 : 0);
    }
    return sum;
});

const int Explained = 100_000;
Measure("ComputeDeadline(start, 20) with Chinese explanation", Explained, () =>
{
    long sum = 0;
    for (var i = 0; i < Explained; i++) sum += calendar.ComputeDeadline(starts[i], 20).Explanation.Length;
    return sum;
});

Measure("RequestClock.Compute (receipt, consultation, extension)", Explained, () =>
{
    long sum = 0;
    for (var i = 0; i < Explained; i++)
    {
        var s = starts[i];
        var r = clock.Compute(new RequestClockInput(
        [
            new RequestReceived(s, ReceiptChannel.InPerson),
            new ConsultationStarted(s.AddDays(3), ConsultedParty.ThirdParty, "t"),
            new ConsultationEnded(s.AddDays(10), "t"),
            new DeadlineExtended(s.AddDays(12), 10),
        ], s.AddDays(14)));
        sum += r.Value!.DueOn!.Value.DayNumber;
    }
    return sum;
});

static void Measure(string name, int count, Func<long> body)
{
    body(); // warm-up (JIT, tiering)
    var best = TimeSpan.MaxValue;
    long check = 0;
    for (var round = 0; round < 5; round++)
    {
        var sw = Stopwatch.StartNew();
        check = body();
        sw.Stop();
        if (sw.Elapsed < best) best = sw.Elapsed;
    }
    Console.WriteLine($"{name,-58} {count,9:N0} ops  best of 5: {best.TotalMilliseconds,9:F1} ms  ({best.TotalNanoseconds / count,8:F1} ns/op)  [check {check}]");
}
