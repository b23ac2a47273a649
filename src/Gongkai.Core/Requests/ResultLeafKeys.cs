using Gongkai.Reporting;

namespace Gongkai.Requests;

/// <summary>
/// The 21 leaf rows of annual-report table 三 (annual-report-format.md §4.2) as machine keys.
/// A decision is exactly one of these; the constants are the keys of Reporting's closed
/// <see cref="ResultLeaf"/> enum, for use in configuration and data.
/// </summary>
public static class ResultLeafKeys
{
    public const string Granted = "result.granted";
    public const string Partial = "result.partial";
    public const string WithheldStateSecret = "result.withheld.state_secret";
    public const string WithheldLawProhibited = "result.withheld.law_prohibited";
    public const string WithheldSecurityStability = "result.withheld.security_stability";
    public const string WithheldThirdParty = "result.withheld.third_party";
    public const string WithheldInternalAffairs = "result.withheld.internal_affairs";
    public const string WithheldProcessInfo = "result.withheld.process_info";
    public const string WithheldEnforcementFile = "result.withheld.enforcement_file";
    public const string WithheldAdminQuery = "result.withheld.admin_query";
    public const string UnableNotHeld = "result.unable.not_held";
    public const string UnableNeedsCreation = "result.unable.needs_creation";
    public const string UnableStillUnclear = "result.unable.still_unclear";
    public const string NotProcessedPetition = "result.not_processed.petition";
    public const string NotProcessedRepeat = "result.not_processed.repeat";
    public const string NotProcessedPublication = "result.not_processed.publication";
    public const string NotProcessedExcessive = "result.not_processed.excessive";
    public const string NotProcessedConfirmOrReissue = "result.not_processed.confirm_or_reissue";
    public const string OtherNoCorrection = "result.other.no_correction";
    public const string OtherFeeUnpaid = "result.other.fee_unpaid";
    public const string OtherOther = "result.other.other";

    public static IReadOnlyList<string> All { get; } = ReportKeys.Leaves.Select(l => l.Key()).ToArray();

    /// <summary>The closed enum value of a leaf key; throws for a key that is not one of the 21.</summary>
    public static ResultLeaf ToLeaf(string key) =>
        ReportKeys.TryParseLeaf(key, out var leaf) ? leaf : throw new ArgumentException($"'{key}' is not a table-三 leaf", nameof(key));
}
