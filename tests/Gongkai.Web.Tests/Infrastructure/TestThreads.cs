using System.Runtime.CompilerServices;

namespace Gongkai.Web.Tests.Infrastructure;

/// <summary>
/// Every test app of a run (dozens of in-process servers, the browser tests' live one among them) shares this
/// process's thread pool, and the concurrent-save tests make SQLite writers wait on each other inside the driver's
/// blocking busy retries. On 2 cores the pool adds threads only slowly, so a browser page's static files could wait
/// behind them until Playwright's 30 s timeout. Starting with more threads keeps one test class from starving another.
/// </summary>
internal static class TestThreads
{
    [ModuleInitializer]
    internal static void Raise()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), Math.Max(io, 64));
    }
}
