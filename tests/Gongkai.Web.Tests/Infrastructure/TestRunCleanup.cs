using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: Xunit.TestFramework("Gongkai.Web.Tests.Infrastructure.TestRunCleanup", "Gongkai.Web.Tests")]

namespace Gongkai.Web.Tests.Infrastructure;

/// <summary>
/// xunit's own framework, plus one step when the run ends (the framework is disposed before the test host exits,
/// which may kill the process without running ProcessExit handlers): delete the seeded demo template folder.
/// </summary>
public sealed class TestRunCleanup : XunitTestFramework
{
    public TestRunCleanup(IMessageSink messageSink) : base(messageSink) => DisposalTracker.Add(new EndOfRun());

    private sealed class EndOfRun : IDisposable
    {
        public void Dispose() => DemoTemplate.DeleteSqliteTemplate();
    }
}
