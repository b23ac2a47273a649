namespace Gongkai.Requests;

/// <summary>
/// The dates an intake records so that the Art. 31 receipt date (收到申请之日) can be derived:
/// the day it arrived, the day the office signed for it, and the day both sides confirmed it.
/// </summary>
public sealed record IntakeDates(DateOnly ArrivedOn, DateOnly? SignedOn = null, DateOnly? ConfirmedOn = null);

public static class ReceiptDate
{
    /// <summary>
    /// Art. 31: in person → the day of submission; signed post → the day signed for; ordinary post →
    /// the day the office confirmed with the applicant; internet channels and fax → the day both sides
    /// confirmed. E-mail is a data message (数据电文) and is treated like the internet channel.
    /// Returns the date, or a Chinese message naming the missing date.
    /// </summary>
    public static (DateOnly? Date, string? Error) For(Channel channel, IntakeDates d)
    {
        DateOnly? date = channel switch
        {
            Channel.InPerson => d.ArrivedOn,
            Channel.Letter => d.SignedOn,
            Channel.LetterOrdinary or Channel.Fax or Channel.Email or Channel.Online => d.ConfirmedOn,
            _ => d.ConfirmedOn ?? d.ArrivedOn,
        };
        if (date is null)
            return (null, channel == Channel.Letter
                ? "需签收的信函以签收之日为收到申请之日，请填写签收日期。"
                : "该渠道以与申请人确认之日为收到申请之日，请填写确认日期。");
        if (date < d.ArrivedOn)
            return (null, "签收或确认日期不能早于申请到达日期，请核对。");
        return (date, null);
    }
}
