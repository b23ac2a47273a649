using System.Globalization;
using Gongkai.Agencies;

namespace Gongkai.Requests;

/// <summary>
/// Checks the identity documents Art. 29 asks for: the 18-digit resident identity number
/// (GB 11643-1999) for natural persons and the unified social credit code (GB 32100-2015) for
/// organisations. Each returns null when valid, otherwise a Chinese sentence saying what to fix.
/// </summary>
public static class IdentityNumbers
{
    private static readonly int[] ResidentWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string ResidentCheckChars = "10X98765432";

    public static string? CheckResidentId(string? value)
    {
        var id = Normalize(value);
        if (id.Length == 0) return "请填写居民身份证号码。";
        if (id.Length != 18) return "居民身份证号码应为18位，请核对位数。";
        for (var i = 0; i < 17; i++)
            if (!char.IsAsciiDigit(id[i])) return "居民身份证号码前17位应为数字，请核对。";
        if (!char.IsAsciiDigit(id[17]) && id[17] != 'X') return "居民身份证号码最后一位应为数字或字母X，请核对。";
        if (!DateOnly.TryParseExact(id.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth.Year < 1880)
            return "居民身份证号码中的出生日期（第7至14位）不是有效日期，请核对。";
        if (id[17] != ResidentCheckDigit(id)) return "居民身份证号码校验位不正确，请逐位核对后重新填写。";
        return null;
    }

    public static char ResidentCheckDigit(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * ResidentWeights[i];
        return ResidentCheckChars[sum % 11];
    }

    /// <summary>The applicant-form wording over the one GB 32100 checksum in <see cref="CreditCode"/>.</summary>
    public static string? CheckCreditCode(string? value)
    {
        var code = Normalize(value);
        if (code.Length == 0) return "请填写统一社会信用代码。";
        if (code.Length != 18) return "统一社会信用代码应为18位，请核对位数。";
        if (code.Any(c => CreditCode.Alphabet.IndexOf(c) < 0)) return "统一社会信用代码含有不允许的字符（不使用I、O、Z、S、V），请核对。";
        return CreditCode.IsValid(code) ? null : "统一社会信用代码校验位不正确，请逐位核对后重新填写。";
    }

    /// <summary>Trims and upper-cases, so a lower-case x or pasted spaces are not rejected.</summary>
    public static string Normalize(string? value) =>
        (value ?? "").Trim().Replace(" ", "").ToUpperInvariant();

    /// <summary>Shows the first 3 and last 2 characters only: enough for staff to tell two applicants apart.</summary>
    public static string Mask(string? value)
    {
        var v = Normalize(value);
        if (v.Length <= 5) return new string('*', v.Length);
        return v[..3] + new string('*', v.Length - 5) + v[^2..];
    }
}
