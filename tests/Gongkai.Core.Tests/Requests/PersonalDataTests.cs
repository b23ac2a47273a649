using System.Security.Cryptography;
using Gongkai.Requests;

namespace Gongkai.Core.Tests.Requests;

public class PersonalDataTests
{
    private static readonly PersonalDataProtector Protector = new(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    [Fact]
    public void Protected_values_round_trip_and_do_not_contain_the_plain_text()
    {
        var stored = Protector.Protect("110101199003074477");
        Assert.DoesNotContain("110101", stored);
        Assert.Equal("110101199003074477", Protector.Unprotect(stored));
    }

    [Fact]
    public void Encrypting_twice_gives_different_ciphertexts() =>
        Assert.NotEqual(Protector.Protect("13800138000"), Protector.Protect("13800138000"));

    [Fact]
    public void A_tampered_value_is_rejected()
    {
        var bytes = Convert.FromBase64String(Protector.Protect("13800138000"));
        bytes[^1] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => Protector.Unprotect(Convert.ToBase64String(bytes)));
    }

    [Fact]
    public void Another_key_cannot_read_the_value()
    {
        var other = new PersonalDataProtector(new byte[32]);
        Assert.ThrowsAny<CryptographicException>(() => other.Unprotect(Protector.Protect("secret")));
    }

    [Fact]
    public void The_blind_index_matches_the_same_number_however_typed_and_depends_on_the_key()
    {
        Assert.Equal(Protector.BlindIndex("11010519491231002X"), Protector.BlindIndex(" 11010519491231002x"));
        Assert.NotEqual(Protector.BlindIndex("11010519491231002X"), Protector.BlindIndex("440524188001010014"));
        Assert.NotEqual(Protector.BlindIndex("11010519491231002X"), new PersonalDataProtector(new byte[32]).BlindIndex("11010519491231002X"));
    }

    [Fact]
    public void A_key_of_the_wrong_size_is_refused_at_start() =>
        Assert.Throws<ArgumentException>(() => new PersonalDataProtector(new byte[16]));

    [Fact]
    public void Phones_are_masked_in_the_middle() =>
        Assert.Equal("138****8000", PersonalDataProtector.MaskPhone("13800138000"));

    [Fact]
    public void Query_codes_and_passwords_avoid_look_alike_characters()
    {
        for (var i = 0; i < 200; i++)
        {
            var code = QueryCredentials.NewQueryCode(new DateOnly(2024, 5, 1));
            Assert.Matches("^2024-[2-9A-HJKMNP-Z]{8}$", code);
            Assert.Matches("^[2-9A-HJKMNP-Z]{10}$", QueryCredentials.NewPassword());
        }
    }

    [Fact]
    public void Passwords_match_case_insensitively_and_only_exactly()
    {
        Assert.True(QueryCredentials.Matches("ABCD234567", " abcd234567 "));
        Assert.False(QueryCredentials.Matches("ABCD234567", "ABCD23456"));
        Assert.False(QueryCredentials.Matches("ABCD234567", null));
    }
}
