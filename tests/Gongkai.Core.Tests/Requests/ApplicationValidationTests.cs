using Gongkai.Requests;

namespace Gongkai.Core.Tests.Requests;

public class ApplicationValidationTests
{
    private static ApplicationForm Good() => new()
    {
        ApplicantType = "natural_person",
        Name = "张三",
        IdNumber = "110101199003074477",
        Phone = "13800138000",
        Email = "zhangsan@example.cn",
        Address = "示范县人民路1号",
        Description = "2023年示范县城区道路改造工程的立项批复文件",
        Form = "electronic",
        Delivery = "online",
    };

    [Fact]
    public void A_complete_form_is_accepted_with_typed_values()
    {
        var (app, errors) = ApplicationValidation.Validate(Good());
        Assert.Empty(errors);
        Assert.NotNull(app);
        Assert.Equal(ApplicantKind.NaturalPerson, app.Kind);
        Assert.Equal(Delivery.Online, app.Delivery);
    }

    [Fact]
    public void Every_bad_field_is_reported_at_once_in_chinese()
    {
        var (app, errors) = ApplicationValidation.Validate(new ApplicationForm { ApplicantType = "person", Form = "fax", Delivery = "pigeon" });
        Assert.Null(app);
        Assert.Equal(new[] { "applicantType", "delivery", "description", "form", "name", "phone" }, errors.Keys.Order().ToArray());
        Assert.All(errors.Values, m => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", m));
    }

    [Fact]
    public void A_bad_id_checksum_is_reported_on_the_id_field()
    {
        var (_, errors) = ApplicationValidation.Validate(Good() with { IdNumber = "110101199003074478" });
        Assert.Contains("校验位", errors["idNumber"]);
    }

    [Fact]
    public void Organisations_give_a_credit_code_instead_of_a_resident_id()
    {
        var org = Good() with { ApplicantType = "legal_person.legal_service", Name = "某律师事务所", IdNumber = "91350100M000100Y43" };
        Assert.Empty(ApplicationValidation.Validate(org).Errors);
        var (_, errors) = ApplicationValidation.Validate(org with { IdNumber = "110101199003074477" });
        Assert.Contains("统一社会信用代码", errors["idNumber"]);
    }

    [Fact]
    public void Oversized_fields_are_refused()
    {
        var (_, errors) = ApplicationValidation.Validate(Good() with { Description = new string('字', 2001), Name = new string('名', 101), Address = new string('址', 201) });
        Assert.Contains("2000", errors["description"]);
        Assert.Contains("100", errors["name"]);
        Assert.Contains("200", errors["address"]);
    }

    [Fact]
    public void Delivery_by_email_needs_an_email_and_by_post_an_address()
    {
        Assert.Contains("电子邮箱", ApplicationValidation.Validate(Good() with { Delivery = "email", Email = "" }).Errors["email"]);
        Assert.Contains("通信地址", ApplicationValidation.Validate(Good() with { Delivery = "post", Address = null }).Errors["address"]);
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("a@b")]
    [InlineData("张三 <a@b.cn>")]
    public void Malformed_emails_are_refused(string email) =>
        Assert.True(ApplicationValidation.Validate(Good() with { Email = email }).Errors.ContainsKey("email"));

    [Fact]
    public void The_same_form_has_the_same_fingerprint_and_a_different_one_does_not()
    {
        var a = ApplicationValidation.Validate(Good()).Application!;
        var b = ApplicationValidation.Validate(Good() with { Name = " 张三 ", IdNumber = "110101199003074477 " }).Application!;
        var c = ApplicationValidation.Validate(Good() with { Description = "另一份文件的名称" }).Application!;
        Assert.Equal(a.Fingerprint("A01"), b.Fingerprint("A01"));
        Assert.NotEqual(a.Fingerprint("A01"), c.Fingerprint("A01"));
        Assert.NotEqual(a.Fingerprint("A01"), a.Fingerprint("A02"));
    }
}
