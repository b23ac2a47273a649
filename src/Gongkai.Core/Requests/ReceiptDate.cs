using Cal = Gongkai.Calendar;

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

    /// <summary>The intake dates as recorded in the register event's note (internal).</summary>
    public static string Record(Channel channel, IntakeDates d)
    {
        var parts = new List<string> { $"到达 {d.ArrivedOn:yyyy-MM-dd}" };
        if (d.SignedOn is { } s) parts.Add($"签收 {s:yyyy-MM-dd}");
        if (d.ConfirmedOn is { } c) parts.Add($"确认 {c:yyyy-MM-dd}");
        return $"{channel.Label()}：{string.Join("，", parts)}";
    }

    /// <summary>Why <paramref name="receivedOn"/> is the receipt date, citing the item of Art. 31 the channel falls under.</summary>
    public static string Explain(Channel channel, IntakeDates d, DateOnly receivedOn)
    {
        var on = Cal.ChineseDate.Long(receivedOn);
        var arrived = Cal.ChineseDate.Long(d.ArrivedOn);
        var text = channel switch
        {
            Channel.InPerson => $"申请人于{arrived}当面提交申请，依《政府信息公开条例》第三十一条第（一）项，以提交之日为收到申请之日：{on}。",
            Channel.Letter => $"申请以需要签收的邮寄方式于{arrived}送达，本机关于{on}签收，依《政府信息公开条例》第三十一条第（二）项，以签收之日为收到申请之日。",
            Channel.LetterOrdinary => $"申请以平常信函寄送，于{arrived}收到，政府信息公开工作机构于{on}与申请人确认，依《政府信息公开条例》第三十一条第（二）项，以确认之日为收到申请之日。",
            Channel.Fax or Channel.Email => $"申请通过{channel.Label()}于{arrived}提交，双方于{on}确认，依《政府信息公开条例》第三十一条第（三）项，以双方确认之日为收到申请之日。",
            _ => d.ConfirmedOn is null
                ? $"申请于{arrived}以其他方式提交，未记录确认日期，以到达之日为收到申请之日：{on}。"
                : $"申请于{arrived}以其他方式提交，双方于{on}确认，参照《政府信息公开条例》第三十一条第（三）项，以确认之日为收到申请之日。",
        };
        if (receivedOn < Cal.ReceiptDate.Regulation2019EffectiveOn)
            text += "该申请在2019年5月15日之前收到，适用2008年施行的《政府信息公开条例》（答复期限15个工作日，可延长15个工作日）。";
        return text;
    }
}
