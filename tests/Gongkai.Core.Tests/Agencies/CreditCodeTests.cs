using Gongkai.Agencies;

namespace Gongkai.Core.Tests.Agencies;

public class CreditCodeTests
{
    [Theory]
    // The worked example of GB 32100-2015 and the code of a central organ as published.
    [InlineData("91350100M000100Y43")]
    [InlineData("11100000000013127D")]
    public void Accepts_codes_with_a_correct_check_character(string code) =>
        Assert.True(CreditCode.IsValid(code));

    [Theory]
    [InlineData("91350100M000100Y44")] // check character altered
    [InlineData("91350100M000100Y4")] // 17 characters
    [InlineData("91350100M000100Y433")] // 19 characters
    [InlineData("91350100M0001O0Y43")] // letter O is outside the alphabet
    [InlineData("")]
    public void Rejects_codes_with_a_wrong_length_alphabet_or_check(string code) =>
        Assert.False(CreditCode.IsValid(code));

    [Fact]
    public void Completing_a_prefix_yields_a_valid_code_and_changing_any_character_invalidates_it()
    {
        var code = CreditCode.Complete("11439901004310001");
        Assert.True(CreditCode.IsValid(code));
        for (var i = 0; i < 17; i++)
        {
            var other = CreditCode.Alphabet[(CreditCode.Alphabet.IndexOf(code[i]) + 1) % 31];
            var altered = code[..i] + other + code[(i + 1)..];
            Assert.False(CreditCode.IsValid(altered), $"position {i + 1}");
        }
    }

    [Fact]
    public void Problem_explains_the_wrong_character_position_in_chinese()
    {
        Assert.Contains("第 11 位", CreditCode.Problem("91350100M0I0100Y43"));
        Assert.Contains("校验位", CreditCode.Problem("91350100M000100Y44"));
        Assert.Null(CreditCode.Problem("91350100M000100Y43"));
    }
}
