using Gongkai.Reporting;

namespace Gongkai.Requests;

/// <summary>The applicant columns of annual-report table 三 (annual-report-format.md §4.1).</summary>
public enum ApplicantKind
{
    NaturalPerson,
    LegalPersonCommercial,
    LegalPersonResearch,
    LegalPersonPublicWelfare,
    LegalPersonLegalService,
    LegalPersonOther,
}

public static class ApplicantKinds
{
    private static readonly (ApplicantKind Kind, string Key, string Label)[] Table =
    [
        (ApplicantKind.NaturalPerson, "natural_person", "自然人"),
        (ApplicantKind.LegalPersonCommercial, "legal_person.commercial", "商业企业"),
        (ApplicantKind.LegalPersonResearch, "legal_person.research", "科研机构"),
        (ApplicantKind.LegalPersonPublicWelfare, "legal_person.public_welfare", "社会公益组织"),
        (ApplicantKind.LegalPersonLegalService, "legal_person.legal_service", "法律服务机构"),
        (ApplicantKind.LegalPersonOther, "legal_person.other", "其他"),
    ];

    public static IReadOnlyList<ApplicantKind> All { get; } = Table.Select(t => t.Kind).ToArray();

    public static string Key(this ApplicantKind kind) => Table.Single(t => t.Kind == kind).Key;

    /// <summary>自然人 or, for organisations, "法人或其他组织（商业企业）" etc.</summary>
    public static string Label(this ApplicantKind kind) =>
        kind == ApplicantKind.NaturalPerson ? "自然人" : $"法人或其他组织（{Table.Single(t => t.Kind == kind).Label}）";

    /// <summary>The table-三 column the applicant counts in (same order as Reporting's enum).</summary>
    public static ApplicantColumn Column(this ApplicantKind kind) => (ApplicantColumn)(int)kind;

    public static bool IsOrganisation(this ApplicantKind kind) => kind != ApplicantKind.NaturalPerson;

    public static bool TryParse(string? key, out ApplicantKind kind)
    {
        foreach (var t in Table)
            if (t.Key == key) { kind = t.Kind; return true; }
        kind = default;
        return false;
    }
}
