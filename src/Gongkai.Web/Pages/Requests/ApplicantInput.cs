using Gongkai.Requests;

namespace Gongkai.Web.Pages.Requests;

/// <summary>The Art. 29 applicant fields, shared by the public form and the staff intake (partial _ApplicantFields).</summary>
public sealed class ApplicantInput
{
    /// <summary>The API field names of <see cref="ApplicationForm"/>, which are also the keys of its field errors.</summary>
    public static readonly IReadOnlySet<string> FieldNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        { "applicantType", "name", "idNumber", "phone", "email", "address", "description", "form", "delivery" };

    public string? ApplicantType { get; set; } = "natural_person";
    public string? Name { get; set; }
    public string? IdNumber { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Address { get; set; }
    public string? Description { get; set; }
    public string? Form { get; set; } = "electronic";
    public string? Delivery { get; set; } = "online";

    public ApplicationForm ToForm() => new()
    {
        ApplicantType = ApplicantType, Name = Name, IdNumber = IdNumber, Phone = Phone, Email = Email,
        Address = Address, Description = Description, Form = Form, Delivery = Delivery,
    };
}
