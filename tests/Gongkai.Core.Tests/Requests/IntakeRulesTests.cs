using Gongkai.Requests;
using Gongkai.Search;

namespace Gongkai.Core.Tests.Requests;

/// <summary>The Art. 31 receipt date per staff-intake channel and the similarity rule used by Art. 44 and the apply page.</summary>
public class IntakeRulesTests
{
    private static readonly DateOnly Arrived = new(2026, 11, 2);

    [Theory]
    [InlineData(Channel.InPerson, null, null, "2026-11-02", "第三十一条第（一）项")]
    [InlineData(Channel.Letter, "2026-11-03", null, "2026-11-03", "以签收之日")]
    [InlineData(Channel.LetterOrdinary, null, "2026-11-02", "2026-11-02", "以确认之日")]
    [InlineData(Channel.Fax, null, "2026-11-04", "2026-11-04", "第三十一条第（三）项")]
    [InlineData(Channel.Email, null, "2026-11-05", "2026-11-05", "以双方确认之日")]
    [InlineData(Channel.Other, null, null, "2026-11-02", "以到达之日")]
    [InlineData(Channel.Other, null, "2026-11-06", "2026-11-06", "以确认之日")]
    public void Each_channel_takes_its_receipt_date_and_explains_it(Channel channel, string? signed, string? confirmed, string expected, string because)
    {
        var dates = new IntakeDates(Arrived, signed is null ? null : DateOnly.Parse(signed), confirmed is null ? null : DateOnly.Parse(confirmed));
        var (date, error) = ReceiptDate.For(channel, dates);
        Assert.Null(error);
        Assert.Equal(DateOnly.Parse(expected), date);
        Assert.Contains(because, ReceiptDate.Explain(channel, dates, date!.Value));
    }

    [Fact]
    public void A_signed_letter_without_signing_date_or_a_fax_without_confirmation_is_refused_in_chinese()
    {
        Assert.Contains("请填写签收日期", ReceiptDate.For(Channel.Letter, new IntakeDates(Arrived)).Error);
        Assert.Contains("请填写确认日期", ReceiptDate.For(Channel.Fax, new IntakeDates(Arrived)).Error);
        Assert.Contains("不能早于申请到达日期", ReceiptDate.For(Channel.Email, new IntakeDates(Arrived, ConfirmedOn: Arrived.AddDays(-1))).Error);
    }

    [Fact]
    public void A_request_received_before_15_May_2019_is_explained_under_the_2008_regulation()
    {
        var on = new DateOnly(2019, 5, 14);
        Assert.Contains("2008年施行", ReceiptDate.Explain(Channel.InPerson, new IntakeDates(on), on));
        Assert.DoesNotContain("2008年施行", ReceiptDate.Explain(Channel.InPerson, new IntakeDates(on.AddDays(1)), on.AddDays(1)));
    }

    [Fact]
    public void Descriptions_asking_for_the_same_information_overlap_and_boilerplate_does_not_count()
    {
        var a = TextSimilarity.Terms("请提供城关第一小学2025年学区划分方案");
        var b = TextSimilarity.Terms("申请公开城關第一小學2025年學區劃分方案及附图"); // traditional characters fold to simplified
        var c = TextSimilarity.Terms("县教育局体育器材采购合同");
        Assert.True(TextSimilarity.Overlap(a, b) >= 0.6);
        Assert.Equal(0, TextSimilarity.Overlap(a, c));
        Assert.Empty(TextSimilarity.Terms("申请公开政府信息"));
        Assert.Equal(0, TextSimilarity.Overlap(TextSimilarity.Terms("学区"), a)); // one shared term is not enough
    }
}
