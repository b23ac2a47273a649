namespace Gongkai.Requests;

/// <summary>How a request reached the agency; the Art. 31 receipt-date rule depends on it.</summary>
public enum Channel
{
    InPerson,
    /// <summary>Post that the agency signs for (挂号、EMS…).</summary>
    Letter,
    /// <summary>Ordinary post with no signature: the office confirms with the applicant on the day it arrives.</summary>
    LetterOrdinary,
    Fax,
    Email,
    Online,
    Other,
}

/// <summary>The form in which the applicant wants the information (Art. 29(3), Art. 40).</summary>
public enum ProvisionForm { Electronic, Paper }

/// <summary>How the applicant wants to obtain it (获取信息的方式、途径).</summary>
public enum Delivery { Online, Email, Post, Pickup }

public static class IntakeKeys
{
    private static readonly (Channel Channel, string Key, string Label)[] Channels =
    [
        (Channel.InPerson, "in_person", "当面提交"),
        (Channel.Letter, "letter", "信函（需签收）"),
        (Channel.LetterOrdinary, "letter_ordinary", "平常信函"),
        (Channel.Fax, "fax", "传真"),
        (Channel.Email, "email", "电子邮件"),
        (Channel.Online, "online", "网上申请"),
        (Channel.Other, "other", "其他"),
    ];

    public static string Key(this Channel c) => Channels.Single(x => x.Channel == c).Key;
    public static string Label(this Channel c) => Channels.Single(x => x.Channel == c).Label;

    public static bool TryParseChannel(string? key, out Channel channel)
    {
        foreach (var x in Channels)
            if (x.Key == key) { channel = x.Channel; return true; }
        channel = default;
        return false;
    }

    public static string Key(this ProvisionForm f) => f == ProvisionForm.Electronic ? "electronic" : "paper";
    public static string Label(this ProvisionForm f) => f == ProvisionForm.Electronic ? "电子文档" : "纸质文本";

    public static bool TryParseForm(string? key, out ProvisionForm form)
    {
        switch (key)
        {
            case "electronic": form = ProvisionForm.Electronic; return true;
            case "paper": form = ProvisionForm.Paper; return true;
            default: form = default; return false;
        }
    }

    public static string Key(this Delivery d) => d switch
    {
        Delivery.Online => "online",
        Delivery.Email => "email",
        Delivery.Post => "post",
        _ => "pickup",
    };

    public static string Label(this Delivery d) => d switch
    {
        Delivery.Online => "网上获取",
        Delivery.Email => "电子邮件",
        Delivery.Post => "邮寄",
        _ => "当面领取",
    };

    public static bool TryParseDelivery(string? key, out Delivery delivery)
    {
        foreach (var d in Enum.GetValues<Delivery>())
            if (d.Key() == key) { delivery = d; return true; }
        delivery = default;
        return false;
    }
}
