using Gongkai.Common;

namespace Gongkai.Core.Tests.Common;

public class ChinaTimeTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public void Today_is_the_date_in_Beijing_not_in_UTC()
    {
        var lateEveningUtc = new DateTimeOffset(2024, 9, 30, 17, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateOnly(2024, 10, 1), ChinaTime.Today(new FixedClock(lateEveningUtc)));
    }
}
