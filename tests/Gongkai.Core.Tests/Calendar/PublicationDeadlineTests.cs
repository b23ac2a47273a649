using Gongkai.Calendar;

namespace Gongkai.Core.Tests.Calendar;

public class PublicationDeadlineTests
{
    [Fact]
    public void Proactive_information_is_due_twenty_working_days_after_it_is_formed()
    {
        var r = PublicationDeadline.Compute(WorkingCalendar.Embedded, new DateOnly(2025, 9, 26));
        Assert.Equal(SpecHolidays.AddWorkingDays(new DateOnly(2025, 9, 26), 20), r.Due);
        Assert.Contains("第二十六条", r.Explanation);
        Assert.Contains("信息形成或者变更之日", r.Explanation);
    }

    [Fact]
    public void A_statutory_period_set_by_another_law_prevails()
    {
        var r = PublicationDeadline.Compute(WorkingCalendar.Embedded, new DateOnly(2025, 3, 3), (5, "《某某法》第十条"));
        Assert.Equal(SpecHolidays.AddWorkingDays(new DateOnly(2025, 3, 3), 5), r.Due);
        Assert.Contains("《某某法》第十条", r.Explanation);
    }

    [Fact]
    public void Mailbox_reply_period_follows_the_configured_local_rule()
    {
        var options = new MailboxDeadlineOptions { ReplyWorkingDays = 10, Basis = "《某县领导信箱管理办法》第八条" };
        var r = MailboxReplyDeadline.Compute(WorkingCalendar.Embedded, new DateOnly(2025, 4, 30), options);
        Assert.Equal(SpecHolidays.AddWorkingDays(new DateOnly(2025, 4, 30), 10), r.Due);
        Assert.Contains("劳动节", r.Explanation);
        Assert.Contains("《某县领导信箱管理办法》第八条", r.Explanation);
        Assert.Empty(options.Validate());
        Assert.NotEmpty(new MailboxDeadlineOptions { ReplyWorkingDays = 0 }.Validate());
    }
}
