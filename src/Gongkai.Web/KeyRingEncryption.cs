using System.Xml.Linq;
using Gongkai.Requests;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Gongkai.Web;

/// <summary>
/// Encrypts the data-protection key ring (which signs staff sign-in cookies and anti-forgery tokens)
/// before <see cref="DatabaseKeyRepository"/> stores it, with the installation's secret key — the
/// one that protects personal data, kept in configuration or in the data directory, never in the
/// database. A copy of the database alone therefore cannot forge a staff session.
/// </summary>
internal sealed class KeyRingEncryptor(PersonalDataProtector protector) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var sealedXml = new XElement("encryptedKey",
            new XComment(" 已用本系统密钥加密（Requests:PersonalDataKey）。 "),
            new XElement("value", protector.Protect(plaintextElement.ToString(SaveOptions.DisableFormatting))));
        return new EncryptedXmlInfo(sealedXml, typeof(KeyRingDecryptor));
    }
}

/// <summary>Created by the data-protection system from the type name stored with each key.</summary>
internal sealed class KeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) =>
        XElement.Parse(services.GetRequiredService<PersonalDataProtector>().Unprotect((string)encryptedElement.Element("value")!));
}
