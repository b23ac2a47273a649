using System.Security.Cryptography;
using System.Text;

namespace Gongkai.Requests;

/// <summary>
/// Encrypts personal data at rest (identity numbers, phone numbers, addresses) with AES-GCM, and
/// gives each identity number a keyed "blind index" so that the same applicant can be found
/// (monthly fee count, double submissions) without decrypting anything. The 32-byte key comes from
/// configuration; it is never logged and is not stored with the data.
/// </summary>
public sealed class PersonalDataProtector
{
    private const byte Version = 1;
    private readonly byte[] _key;
    private readonly byte[] _indexKey;

    public PersonalDataProtector(byte[] key)
    {
        if (key.Length != 32) throw new ArgumentException("the personal-data key must be 32 bytes (base64 of 32 random bytes)", nameof(key));
        // Separate subkeys, so that the blind index reveals nothing about the encryption key.
        _key = HMACSHA256.HashData(key, "gongkai/personal-data/encrypt"u8.ToArray());
        _indexKey = HMACSHA256.HashData(key, "gongkai/personal-data/index"u8.ToArray());
    }

    public static PersonalDataProtector FromBase64(string base64Key) => new(Convert.FromBase64String(base64Key));

    public string Protect(string plain)
    {
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var data = Encoding.UTF8.GetBytes(plain);
        var cipher = new byte[data.Length];
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        using (var aes = new AesGcm(_key, tag.Length)) aes.Encrypt(nonce, data, cipher, tag);
        var packed = new byte[1 + nonce.Length + tag.Length + cipher.Length];
        packed[0] = Version;
        nonce.CopyTo(packed, 1);
        tag.CopyTo(packed, 1 + nonce.Length);
        cipher.CopyTo(packed, 1 + nonce.Length + tag.Length);
        return Convert.ToBase64String(packed);
    }

    public string Unprotect(string protectedValue)
    {
        var packed = Convert.FromBase64String(protectedValue);
        if (packed.Length < 29 || packed[0] != Version) throw new CryptographicException("not a protected value of a known version");
        var nonce = packed.AsSpan(1, 12);
        var tag = packed.AsSpan(13, 16);
        var cipher = packed.AsSpan(29);
        var plain = new byte[cipher.Length];
        using (var aes = new AesGcm(_key, 16)) aes.Decrypt(nonce, cipher, tag, plain);
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>A stable keyed hash of a normalised identity number, for equality lookups only.</summary>
    public string BlindIndex(string identityNumber) =>
        Convert.ToHexString(HMACSHA256.HashData(_indexKey, Encoding.UTF8.GetBytes(IdentityNumbers.Normalize(identityNumber))));

    /// <summary>Phone numbers in lists: 138****5678.</summary>
    public static string MaskPhone(string phone) =>
        phone.Length <= 7 ? new string('*', phone.Length) : phone[..3] + new string('*', phone.Length - 7) + phone[^4..];
}
