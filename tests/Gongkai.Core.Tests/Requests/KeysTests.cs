using Gongkai.Requests;

namespace Gongkai.Core.Tests.Requests;

public class KeysTests
{
    [Theory]
    [InlineData("natural_person", ApplicantKind.NaturalPerson)]
    [InlineData("legal_person.commercial", ApplicantKind.LegalPersonCommercial)]
    [InlineData("legal_person.research", ApplicantKind.LegalPersonResearch)]
    [InlineData("legal_person.public_welfare", ApplicantKind.LegalPersonPublicWelfare)]
    [InlineData("legal_person.legal_service", ApplicantKind.LegalPersonLegalService)]
    [InlineData("legal_person.other", ApplicantKind.LegalPersonOther)]
    public void Applicant_kind_keys_round_trip(string key, ApplicantKind kind)
    {
        Assert.True(ApplicantKinds.TryParse(key, out var parsed));
        Assert.Equal(kind, parsed);
        Assert.Equal(key, kind.Key());
    }

    [Theory]
    [InlineData("legal_person")]
    [InlineData("NaturalPerson")]
    [InlineData("")]
    public void Unknown_applicant_keys_are_refused(string key) => Assert.False(ApplicantKinds.TryParse(key, out _));

    [Fact]
    public void Every_channel_delivery_and_form_key_round_trips()
    {
        foreach (var c in Enum.GetValues<Channel>())
        {
            Assert.True(IntakeKeys.TryParseChannel(c.Key(), out var back));
            Assert.Equal(c, back);
        }
        foreach (var d in Enum.GetValues<Delivery>())
        {
            Assert.True(IntakeKeys.TryParseDelivery(d.Key(), out var back));
            Assert.Equal(d, back);
        }
        foreach (var f in Enum.GetValues<ProvisionForm>())
        {
            Assert.True(IntakeKeys.TryParseForm(f.Key(), out var back));
            Assert.Equal(f, back);
        }
    }

    [Theory]
    [InlineData(Channel.InPerson, "2024-03-01", null, null, "2024-03-01")]
    [InlineData(Channel.Letter, "2024-03-01", "2024-03-04", null, "2024-03-04")]
    [InlineData(Channel.LetterOrdinary, "2024-03-01", null, "2024-03-01", "2024-03-01")]
    [InlineData(Channel.Fax, "2024-03-01", null, "2024-03-05", "2024-03-05")]
    [InlineData(Channel.Online, "2024-03-01", null, "2024-03-02", "2024-03-02")]
    [InlineData(Channel.Email, "2024-03-01", null, "2024-03-06", "2024-03-06")]
    public void Receipt_date_follows_article_31_per_channel(Channel channel, string arrived, string? signed, string? confirmed, string expected)
    {
        var (date, error) = ReceiptDate.For(channel, new IntakeDates(DateOnly.Parse(arrived),
            signed is null ? null : DateOnly.Parse(signed), confirmed is null ? null : DateOnly.Parse(confirmed)));
        Assert.Null(error);
        Assert.Equal(DateOnly.Parse(expected), date);
    }

    [Fact]
    public void A_signed_letter_without_its_signing_date_has_no_receipt_date()
    {
        var (date, error) = ReceiptDate.For(Channel.Letter, new IntakeDates(new DateOnly(2024, 3, 1), ConfirmedOn: new DateOnly(2024, 3, 1)));
        Assert.Null(date);
        Assert.Contains("签收日期", error);
    }

    [Fact]
    public void A_confirmation_before_arrival_is_refused()
    {
        var (_, error) = ReceiptDate.For(Channel.Fax, new IntakeDates(new DateOnly(2024, 3, 5), ConfirmedOn: new DateOnly(2024, 3, 4)));
        Assert.NotNull(error);
    }
}
