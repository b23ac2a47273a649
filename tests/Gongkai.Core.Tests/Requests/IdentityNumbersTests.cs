using Gongkai.Requests;

namespace Gongkai.Core.Tests.Requests;

public class IdentityNumbersTests
{
    [Theory]
    [InlineData("11010519491231002X")] // the example of GB 11643-1999
    [InlineData("440524188001010014")]
    [InlineData("110101199003074477")]
    [InlineData("11010519491231002x")] // lower-case x is accepted
    [InlineData(" 110101199003074477 ")]
    public void Valid_resident_ids_pass(string id) => Assert.Null(IdentityNumbers.CheckResidentId(id));

    [Theory]
    [InlineData("110101199003074478", "校验位")]
    [InlineData("11010519491231002Y", "最后一位")]
    [InlineData("1101011990030744", "18位")]
    [InlineData("11010119900230447X", "出生日期")] // 30 February
    [InlineData("11010A199003074477", "前17位")]
    [InlineData("", "请填写")]
    [InlineData(null, "请填写")]
    public void Invalid_resident_ids_are_refused_with_a_reason(string? id, string expectedFragment)
    {
        var error = IdentityNumbers.CheckResidentId(id);
        Assert.NotNull(error);
        Assert.Contains(expectedFragment, error);
    }

    [Fact]
    public void Every_single_digit_change_of_a_valid_id_is_caught()
    {
        const string valid = "440524188001010014";
        for (var i = 14; i < 18; i++)
            for (var d = '0'; d <= '9'; d++)
            {
                if (valid[i] == d) continue;
                var changed = valid[..i] + d + valid[(i + 1)..];
                Assert.NotNull(IdentityNumbers.CheckResidentId(changed));
            }
    }

    [Theory]
    [InlineData("91350100M000100Y43")]
    [InlineData("91440300708461136T")]
    [InlineData("91440300708461136t")]
    public void Valid_credit_codes_pass(string code) => Assert.Null(IdentityNumbers.CheckCreditCode(code));

    [Theory]
    [InlineData("91350100M000100Y44", "校验位")]
    [InlineData("91350100M000100I43", "不允许的字符")]
    [InlineData("91350100M000100", "18位")]
    public void Invalid_credit_codes_are_refused(string code, string expectedFragment) =>
        Assert.Contains(expectedFragment, IdentityNumbers.CheckCreditCode(code));

    [Fact]
    public void Masking_keeps_only_the_ends() =>
        Assert.Equal("110*************77", IdentityNumbers.Mask("110101199003074477"));
}
