using System.Globalization;

namespace Gongkai.Requests;

/// <summary>The bodies an agency's applicants may turn to; configured per agency (Art. 51).</summary>
public sealed record RemedyBodies(string ReconsiderationBody, string Court);

/// <summary>
/// A reply letter (告知书) as content: the renderers turn it into printable HTML and DOCX. Everything
/// in it follows from the decision's situation; the handler adds only <c>detail</c>.
/// </summary>
public sealed record ReplyLetter(
    string Title,
    string Number,
    string Salutation,
    IReadOnlyList<string> Paragraphs,
    string? Remedies,
    string Signature,
    string DateLine)
{
    public static ReplyLetter Compose(
        DecisionSituation situation,
        string agencyName,
        string queryCode,
        string applicantName,
        DateOnly receivedOn,
        string description,
        string? detail,
        DateOnly decidedOn,
        RemedyBodies remedies)
    {
        var info = situation.Info();
        var body = info.LetterBody
            .Replace("{description}", Shorten(description), StringComparison.Ordinal)
            .Replace("{detail}", detail?.Trim() ?? "", StringComparison.Ordinal);
        var paragraphs = new List<string>
        {
            $"本机关于{ChineseDate(receivedOn)}收到您提出的政府信息公开申请（查询码：{queryCode}）。现答复如下：",
            body,
            $"依据{info.LegalBasis}的规定，特此告知。",
        };
        // A withdrawal is the applicant's own act: there is nothing of ours to challenge.
        string? remediesText = situation == DecisionSituation.Withdrawn ? null : RemediesNotice(remedies);
        return new ReplyLetter(
            info.Template.Title(),
            $"依申请公开答复〔{decidedOn.Year}〕{queryCode}号",
            $"{applicantName}：",
            paragraphs,
            remediesText,
            agencyName,
            ChineseDate(decidedOn));
    }

    public static string RemediesNotice(RemedyBodies b) =>
        $"如您对本答复不服，可以自收到本答复之日起六十日内向{b.ReconsiderationBody}申请行政复议，" +
        $"也可以自收到本答复之日起六个月内向{b.Court}提起行政诉讼。";

    public static string ChineseDate(DateOnly d) =>
        d.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    // Descriptions can be long; the letter quotes the start and the applicant knows the rest.
    private static string Shorten(string description)
    {
        var d = description.Trim().ReplaceLineEndings(" ");
        return d.Length <= 120 ? d : d[..120] + "……";
    }
}
