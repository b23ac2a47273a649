namespace Gongkai.Reporting;

/// <summary>The report format a set of figures follows; the names of record are the CLI/JSON keys.</summary>
public enum ReportFormat
{
    /// <summary>Pre-2019 free-form reports with local statistics tables (annual-report-format.md §7).</summary>
    Legacy,
    /// <summary>国办公开办函〔2019〕60号, 《…年度报告格式（试行）》 (§6).</summary>
    V2019,
    /// <summary>国办公开办函〔2021〕30号 (§2–5).</summary>
    V2021,
}

/// <summary>The applicant columns of table 三 (§4.1), in the official left-to-right order.</summary>
public enum ApplicantColumn
{
    NaturalPerson,
    LegalPersonCommercial,
    LegalPersonResearch,
    LegalPersonPublicWelfare,
    LegalPersonLegalService,
    LegalPersonOther,
    Total,
}

/// <summary>
/// The 21 outcome leaves of table 三 in the 2021 format (§4.2). A decision on a request is exactly
/// one of these; the 2019 format folds the three <c>Other*</c> leaves into one row
/// (<c>result.other.total</c>).
/// </summary>
public enum ResultLeaf
{
    Granted,
    Partial,
    WithheldStateSecret,
    WithheldLawProhibited,
    WithheldSecurityStability,
    WithheldThirdParty,
    WithheldInternalAffairs,
    WithheldProcessInfo,
    WithheldEnforcementFile,
    WithheldAdminQuery,
    UnableNotHeld,
    UnableNeedsCreation,
    UnableStillUnclear,
    NotProcessedPetition,
    NotProcessedRepeat,
    NotProcessedPublication,
    NotProcessedExcessive,
    NotProcessedConfirmOrReissue,
    OtherNoCorrection,
    OtherFeeUnpaid,
    OtherOther,
}

/// <summary>The spec's machine keys for the enums above; the keys are the names of record.</summary>
public static class ReportKeys
{
    private static readonly string[] FormatKeys = ["legacy", "v2019", "v2021"];

    private static readonly string[] ColumnKeys =
    [
        "natural_person", "legal_person.commercial", "legal_person.research",
        "legal_person.public_welfare", "legal_person.legal_service", "legal_person.other", "total",
    ];

    private static readonly string[] LeafKeys =
    [
        "result.granted", "result.partial",
        "result.withheld.state_secret", "result.withheld.law_prohibited", "result.withheld.security_stability",
        "result.withheld.third_party", "result.withheld.internal_affairs", "result.withheld.process_info",
        "result.withheld.enforcement_file", "result.withheld.admin_query",
        "result.unable.not_held", "result.unable.needs_creation", "result.unable.still_unclear",
        "result.not_processed.petition", "result.not_processed.repeat", "result.not_processed.publication",
        "result.not_processed.excessive", "result.not_processed.confirm_or_reissue",
        "result.other.no_correction", "result.other.fee_unpaid", "result.other.other",
    ];

    public static IReadOnlyList<ApplicantColumn> Columns { get; } = Enum.GetValues<ApplicantColumn>();

    /// <summary>The six applicant columns whose sum is the <c>total</c> column.</summary>
    public static IReadOnlyList<ApplicantColumn> ApplicantParts { get; } =
        [.. Enum.GetValues<ApplicantColumn>().Where(c => c != ApplicantColumn.Total)];

    public static IReadOnlyList<ResultLeaf> Leaves { get; } = Enum.GetValues<ResultLeaf>();

    public static string Key(this ReportFormat format) => FormatKeys[(int)format];

    public static string Key(this ApplicantColumn column) => ColumnKeys[(int)column];

    public static string Key(this ResultLeaf leaf) => LeafKeys[(int)leaf];

    public static bool TryParseFormat(string? key, out ReportFormat format) => TryParse(FormatKeys, key, out format);

    public static bool TryParseColumn(string? key, out ApplicantColumn column) => TryParse(ColumnKeys, key, out column);

    public static bool TryParseLeaf(string? key, out ResultLeaf leaf) => TryParse(LeafKeys, key, out leaf);

    /// <summary>A table 三 cell key, e.g. <c>applications.result.granted.natural_person</c>.</summary>
    public static string ApplicationCell(string rowKey, ApplicantColumn column) => $"applications.{rowKey}.{column.Key()}";

    public static string ApplicationCell(ResultLeaf leaf, ApplicantColumn column) => ApplicationCell(leaf.Key(), column);

    private static bool TryParse<T>(string[] keys, string? key, out T value) where T : struct, Enum
    {
        var index = key is null ? -1 : Array.IndexOf(keys, key);
        value = index < 0 ? default : (T)(object)index;
        return index >= 0;
    }
}
