using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;

namespace Gongkai.Requests;

/// <summary>
/// What an applicant fills in (Art. 29), as raw strings exactly as received from the page or the API.
/// Property names are the API's JSON names.
/// </summary>
public sealed record ApplicationForm
{
    public string? ApplicantType { get; init; }
    public string? Name { get; init; }
    public string? IdNumber { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
    public string? Address { get; init; }
    public string? Description { get; init; }
    public string? Form { get; init; }
    public string? Delivery { get; init; }
}

/// <summary>A form that passed every check, with typed values.</summary>
public sealed record ValidApplication(
    ApplicantKind Kind,
    string Name,
    string IdNumber,
    string Phone,
    string? Email,
    string? Address,
    string Description,
    ProvisionForm Form,
    Delivery Delivery)
{
    /// <summary>
    /// Identifies "the same form": the same applicant asking the same thing the same way. Used to
    /// answer a double submission with the request it already created.
    /// </summary>
    public string Fingerprint(string agencyCode)
    {
        var canonical = string.Join('\u001f', agencyCode, Kind.Key(), Name, IdNumber, Phone, Email ?? "", Address ?? "",
            Description, Form.Key(), Delivery.Key());
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}

public static class ApplicationValidation
{
    public const int MaxName = 100;
    public const int MaxDescription = 2000;
    public const int MaxAddress = 200;
    public const int MaxEmail = 254;

    /// <summary>
    /// Checks every field and returns either the typed application or the Chinese message per bad
    /// field (keyed by the API's field name), so a page and the API can show them all at once.
    /// </summary>
    public static (ValidApplication? Application, IReadOnlyDictionary<string, string> Errors) Validate(ApplicationForm f)
    {
        var errors = new Dictionary<string, string>();
        var kindOk = ApplicantKinds.TryParse(f.ApplicantType?.Trim(), out var kind);
        if (!kindOk) errors["applicantType"] = "请选择申请人类型：自然人，或法人或其他组织（商业企业、科研机构、社会公益组织、法律服务机构、其他）。";

        var name = Clean(f.Name);
        if (name.Length == 0) errors["name"] = kindOk && kind.IsOrganisation() ? "请填写法人或其他组织的名称。" : "请填写申请人姓名。";
        else if (name.Length > MaxName) errors["name"] = $"名称不能超过{MaxName}个字。";

        var id = IdentityNumbers.Normalize(f.IdNumber);
        if (kindOk && (kind.IsOrganisation() ? IdentityNumbers.CheckCreditCode(id) : IdentityNumbers.CheckResidentId(id)) is { } idError)
            errors["idNumber"] = idError;

        var phone = Clean(f.Phone).Replace("-", "").Replace(" ", "");
        if (phone.Length == 0) errors["phone"] = "请填写联系电话，以便我们与您联系。";
        else if (phone.Length is < 7 or > 20 || !phone.All(c => char.IsAsciiDigit(c) || c == '+'))
            errors["phone"] = "联系电话格式不正确，请填写手机号码或带区号的固定电话。";

        var email = Clean(f.Email);
        if (email.Length > MaxEmail || (email.Length > 0 && !IsEmail(email))) errors["email"] = "电子邮箱格式不正确，请核对。";

        var address = Clean(f.Address);
        if (address.Length > MaxAddress) errors["address"] = $"通信地址不能超过{MaxAddress}个字。";

        var description = (f.Description ?? "").Trim();
        if (description.Length == 0) errors["description"] = "请描述所需政府信息：名称、文号，或便于查找的其他特征。";
        else if (description.Length > MaxDescription) errors["description"] = $"所需信息的描述不能超过{MaxDescription}个字；内容较多的，请分为几件申请。";
        else if (description.Length < 4) errors["description"] = "所需信息的描述过于简单，请写明信息名称、文号或其他特征。";

        if (!IntakeKeys.TryParseForm(f.Form?.Trim(), out var form)) errors["form"] = "请选择信息的提供形式：电子文档或纸质文本。";
        if (!IntakeKeys.TryParseDelivery(f.Delivery?.Trim(), out var delivery)) errors["delivery"] = "请选择获取方式：网上获取、电子邮件、邮寄或当面领取。";
        else if (delivery == Delivery.Email && email.Length == 0 && !errors.ContainsKey("email")) errors["email"] = "选择通过电子邮件获取的，请填写电子邮箱。";
        else if (delivery == Delivery.Post && address.Length == 0) errors["address"] = "选择邮寄获取的，请填写通信地址。";

        if (errors.Count > 0) return (null, errors);
        return (new ValidApplication(kind, name, id, phone, email.Length == 0 ? null : email, address.Length == 0 ? null : address,
            description, form, delivery), errors);
    }

    private static string Clean(string? s) => (s ?? "").Trim();

    private static bool IsEmail(string s) =>
        MailAddress.TryCreate(s, out var a) && a.Address == s && s.Contains('.', StringComparison.Ordinal);
}
