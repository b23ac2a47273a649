using System.Security.Cryptography;

namespace Gongkai.Requests;

/// <summary>
/// The query code and password an applicant follows a request with. Both are random, drawn from an
/// alphabet without look-alike characters (no 0/O, 1/I/L) so that they can be read over the phone.
/// </summary>
public static class QueryCredentials
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    /// <summary>E.g. "2024-7K3MQ9TX": the year of receipt, then 8 random characters.</summary>
    public static string NewQueryCode(DateOnly receivedOn) => $"{receivedOn.Year}-{Random(8)}";

    /// <summary>10 random characters ≈ 50 bits: beyond guessing, so no slow hash is needed to store it.</summary>
    public static string NewPassword() => Random(10);

    public static string Normalize(string? value) => (value ?? "").Trim().ToUpperInvariant();

    /// <summary>Compares in constant time so that response timing reveals nothing.</summary>
    public static bool Matches(string expected, string? given) =>
        CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(Normalize(expected)),
            System.Text.Encoding.UTF8.GetBytes(Normalize(given)));

    private static string Random(int length) => RandomNumberGenerator.GetString(Alphabet, length);
}
