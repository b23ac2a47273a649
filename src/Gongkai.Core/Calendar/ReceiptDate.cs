using Gongkai.Common;
namespace Gongkai.Calendar;

/// <summary>The date of receipt of a request by channel (条例 Art. 31), and the regime it puts the request under.</summary>
public static class ReceiptDate
{
    /// <summary>国务院令第711号 took effect on this day (Art. 56); requests received before it follow the 2008 regulation.</summary>
    public static readonly DateOnly Regulation2019EffectiveOn = new(2019, 5, 15);

    public sealed record Determination(ClockRegime Regime, DateOnly? ReceivedOn, string Explanation, IReadOnlyList<string> Findings);

    public static Result<Determination> Determine(RequestReceived e)
    {
        if (e.ConfirmedOn is { } c && c < e.On)
            return Result<Determination>.Fail(new Error("confirmation_before_arrival",
                $"确认日期（{c:yyyy-MM-dd}）早于申请到达日期（{e.On:yyyy-MM-dd}），请检查日期。"));

        var findings = new List<string>();
        var arrived = ChineseDate.Long(e.On);
        var (date, text) = e.Channel switch
        {
            ReceiptChannel.InPerson => ((DateOnly?)e.On,
                $"申请人于{arrived}当面提交申请，依《政府信息公开条例》第三十一条第（一）项，以提交之日为收到申请之日。"),
            ReceiptChannel.SignedPost => (e.On,
                $"申请以需要签收的邮寄方式提交，本机关于{arrived}签收，依《政府信息公开条例》第三十一条第（二）项，以签收之日为收到申请之日。"),
            ReceiptChannel.OrdinaryPost => (e.ConfirmedOn, e.ConfirmedOn is { } oc
                ? $"申请以平常信函寄送，于{arrived}收到，政府信息公开工作机构于{ChineseDate.Long(oc)}与申请人确认，依《政府信息公开条例》第三十一条第（二）项，以确认之日为收到申请之日。"
                : $"申请以平常信函寄送，于{arrived}收到，尚未与申请人确认；依《政府信息公开条例》第三十一条第（二）项，确认之日才是收到申请之日，期限尚未起算。"),
            _ => (e.ConfirmedOn, e.ConfirmedOn is { } ic
                ? $"申请通过{ChannelName(e.Channel)}于{arrived}提交，双方于{ChineseDate.Long(ic)}确认，依《政府信息公开条例》第三十一条第（三）项，以双方确认之日为收到申请之日。"
                : $"申请通过{ChannelName(e.Channel)}于{arrived}提交，双方尚未确认；依《政府信息公开条例》第三十一条第（三）项，双方确认之日才是收到申请之日，期限尚未起算。"),
        };

        if (date is { } d && d >= Regulation2019EffectiveOn)
        {
            if (e.Channel == ReceiptChannel.OrdinaryPost && d > e.On)
                findings.Add($"平常信函应于收到当日与申请人确认，本件于{ChineseDate.Long(e.On)}收到、{ChineseDate.Long(d)}才确认。");
            return Result<Determination>.Ok(new(ClockRegime.Regulation2019, d, text, findings));
        }
        if (e.On < Regulation2019EffectiveOn)
        {
            // The 2008 regulation had no per-channel rule: the day the request reached the organ
            // (or was confirmed, when that was recorded) is the receipt date.
            var received = e.ConfirmedOn ?? e.On;
            return Result<Determination>.Ok(new(ClockRegime.Regulation2008, received,
                $"申请于{ChineseDate.Long(received)}收到（{ChannelName(e.Channel)}）。2008年施行的《政府信息公开条例》未规定各渠道收到申请之日的确定规则，以本机关收到之日为准。",
                findings));
        }
        return Result<Determination>.Ok(new(ClockRegime.Regulation2019, null, text, findings));
    }

    public static string ChannelName(ReceiptChannel channel) => channel switch
    {
        ReceiptChannel.InPerson => "当面提交",
        ReceiptChannel.SignedPost => "邮寄（需签收）",
        ReceiptChannel.OrdinaryPost => "平常信函",
        ReceiptChannel.Fax => "政府信息公开工作机构的传真",
        ReceiptChannel.Email => "电子邮件（互联网渠道）",
        ReceiptChannel.Online => "网上申请平台（互联网渠道）",
        _ => throw new ArgumentOutOfRangeException(nameof(channel)),
    };
}
