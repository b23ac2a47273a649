namespace Gongkai.Calendar;

/// <summary>
/// Art. 26: proactive information is published within 20 working days from the day it is formed
/// or changed, unless a law or administrative regulation sets another period (then that prevails).
/// </summary>
public static class PublicationDeadline
{
    public const int StatutoryWorkingDays = 20;

    /// <param name="statutoryOverride">A different period set by a law or regulation, with its citation.</param>
    public static DeadlineResult Compute(WorkingCalendar calendar, DateOnly formedOrChangedOn,
        (int WorkingDays, string Basis)? statutoryOverride = null, StartDayRule rule = StartDayRule.NextDay) =>
        calendar.ComputeDeadline(new DeadlineRequest(
            formedOrChangedOn,
            statutoryOverride?.WorkingDays ?? StatutoryWorkingDays,
            rule,
            "信息形成或者变更之日",
            statutoryOverride?.Basis ?? "《政府信息公开条例》第二十六条，属于主动公开范围的政府信息应当自形成或者变更之日起20个工作日内予以公开"));
}

/// <summary>The reply period for leader-mailbox letters. Not set by the regulation: each government fixes its own.</summary>
public sealed class MailboxDeadlineOptions
{
    public const string SectionName = "Mailbox";

    /// <summary>Working days to reply after a letter is received; 15 is a common local rule, change it to yours.</summary>
    public int ReplyWorkingDays { get; set; } = 15;

    /// <summary>The local rule the period comes from, shown in explanations.</summary>
    public string Basis { get; set; } = "本级人民政府关于领导信箱办理的规定";

    public StartDayRule StartDayRule { get; set; } = StartDayRule.NextDay;

    public IEnumerable<string> Validate()
    {
        if (ReplyWorkingDays is < 1 or > 120) yield return "Mailbox:ReplyWorkingDays must be between 1 and 120.";
        if (string.IsNullOrWhiteSpace(Basis)) yield return "Mailbox:Basis must name the local rule.";
    }
}

public static class MailboxReplyDeadline
{
    public static DeadlineResult Compute(WorkingCalendar calendar, DateOnly receivedOn, MailboxDeadlineOptions options) =>
        calendar.ComputeDeadline(new DeadlineRequest(receivedOn, options.ReplyWorkingDays, options.StartDayRule, "来信收到之日", options.Basis));
}
