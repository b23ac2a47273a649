using System.IO.Compression;
using Gongkai.Requests;

namespace Gongkai.Core.Tests.Requests;

public class ReplyLetterTests
{
    private static readonly RemedyBodies Bodies = new("示范县人民政府", "示范县人民法院");

    private static ReplyLetter Partial() => ReplyLetter.Compose(
        DecisionSituation.Partial, "示范县自然资源局", "Q2024ABCD", "张三", new DateOnly(2024, 3, 4),
        "2023年土地征收补偿方案", "第3页涉及个人身份信息，已作遮盖处理。", new DateOnly(2024, 3, 20), Bodies);

    [Fact]
    public void A_partial_letter_states_the_reasons_the_basis_and_the_remedies()
    {
        var letter = Partial();
        Assert.Contains("部分公开", letter.Title);
        var text = string.Join("\n", letter.Paragraphs);
        Assert.Contains("2024年3月4日", text);
        Assert.Contains("2023年土地征收补偿方案", text);
        Assert.Contains("第3页涉及个人身份信息", text);
        Assert.Contains("第三十七条", text);
        Assert.Contains("六十日内向示范县人民政府申请行政复议", letter.Remedies);
        Assert.Contains("六个月内向示范县人民法院提起行政诉讼", letter.Remedies);
        Assert.Equal("2024年3月20日", letter.DateLine);
    }

    [Fact]
    public void A_withdrawal_letter_carries_no_remedies_notice()
    {
        var letter = ReplyLetter.Compose(DecisionSituation.Withdrawn, "局", "Q1", "李四", new DateOnly(2024, 1, 2), "x", null, new DateOnly(2024, 1, 3), Bodies);
        Assert.Null(letter.Remedies);
    }

    [Fact]
    public void The_html_escapes_what_the_applicant_wrote()
    {
        var letter = ReplyLetter.Compose(DecisionSituation.Disclosed, "局", "Q1", "<b>王</b>", new DateOnly(2024, 1, 2), "<script>alert(1)</script>", null, new DateOnly(2024, 1, 3), Bodies);
        var html = LetterRendering.ToHtml(letter);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.Contains("@page", html);
    }

    [Fact]
    public void The_docx_is_a_word_package_containing_the_letter_text()
    {
        var bytes = LetterRendering.ToDocx(Partial());
        using var zip = new ZipArchive(new MemoryStream(bytes));
        var entry = zip.GetEntry("word/document.xml");
        Assert.NotNull(entry);
        using var reader = new StreamReader(entry.Open());
        var xml = reader.ReadToEnd();
        Assert.Contains("政府信息公开申请答复书（部分公开）", xml);
        Assert.Contains("示范县人民法院", xml);
        Assert.Contains("w:pgSz", xml);
    }
}
