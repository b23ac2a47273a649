namespace Gongkai.Agencies;

/// <summary>
/// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet (no I, O, S, V, Z);
/// the last one is a check character computed from the first 17 with weights 3^i mod 31.
/// </summary>
public static class CreditCode
{
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public static bool IsValid(string? code) =>
        code is { Length: 18 } && CheckCharacter(code.AsSpan(0, 17)) is { } check && check == code[17];

    /// <summary>The check character for a 17-character prefix, or null when the prefix has a character outside the alphabet.</summary>
    public static char? CheckCharacter(ReadOnlySpan<char> prefix)
    {
        if (prefix.Length != 17) return null;
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(prefix[i]);
            if (value < 0) return null;
            sum += value * Weights[i];
        }
        var check = (31 - sum % 31) % 31;
        return Alphabet[check];
    }

    /// <summary>Appends the check character; used by the demo seeder and tests.</summary>
    public static string Complete(string prefix17) =>
        prefix17 + (CheckCharacter(prefix17) ?? throw new ArgumentException("Not a valid 17-character prefix.", nameof(prefix17)));

    /// <summary>Explains in Chinese what is wrong, or null when the code is valid.</summary>
    public static string? Problem(string code)
    {
        if (code.Length != 18) return $"统一社会信用代码应为 18 位（现在是 {code.Length} 位）。";
        for (var i = 0; i < 18; i++)
            if (Alphabet.IndexOf(code[i]) < 0)
                return $"统一社会信用代码第 {i + 1} 位“{code[i]}”不是允许的字符（只能是数字和除 I、O、S、V、Z 以外的大写字母）。";
        return IsValid(code) ? null : "统一社会信用代码的校验位不正确，请核对后重新填写。";
    }
}
