using Gongkai.Reporting;

namespace Gongkai.Requests;

/// <summary>
/// The situations a disclosure request can be answered in (Art. 36's seven items plus Arts. 14–16,
/// 30, 35, 37–39 and the fee measures). Staff choose a situation; the table-三 leaf, the letter and
/// its legal basis all follow from it.
/// </summary>
public enum DecisionSituation
{
    AlreadyPublic,
    Disclosed,
    Partial,
    WithheldStateSecret,
    WithheldLawProhibited,
    WithheldSecurityStability,
    WithheldThirdParty,
    WithheldInternalAffairs,
    WithheldProcessInfo,
    WithheldEnforcementFile,
    SpecialProcedure,
    NotExist,
    NotResponsible,
    NeedsCreation,
    StillUnclear,
    Petition,
    Repeat,
    Publication,
    Excessive,
    ConfirmOrReissue,
    NoCorrection,
    FeeUnpaid,
    Withdrawn,
    Other,
}

/// <summary>Which reply letter (告知书) a situation produces; the title is the template's.</summary>
public enum LetterTemplate
{
    Granted,
    Partial,
    Withheld,
    Unable,
    NotProcessed,
    Terminated,
    Other,
}

public sealed record SituationInfo(
    DecisionSituation Situation,
    string Key,
    string Label,
    string LegalBasis,
    ResultLeaf Leaf,
    LetterTemplate Template,
    string LetterBody,
    bool StaffMayChoose);

/// <summary>Options for the points the spec leaves open (annual-report-format.md §4.4).</summary>
public sealed class DecisionOptions
{
    /// <summary>
    /// How an Art. 36(1) "already proactively disclosed" answer is counted in table 三. The format
    /// text does not say; counting it as 予以公开 is the common convention, so that is the default.
    /// The configured value is the leaf's key (<c>result.granted</c>).
    /// </summary>
    public string AlreadyPublicLeaf { get; init; } = ResultLeaf.Granted.Key();
}

public static class DecisionSituations
{
    private const string Regulation = "《中华人民共和国政府信息公开条例》";

    // LetterBody placeholders: {description} = what was asked for; {detail} = the handler's specific text
    // (where to get it, the withheld part's reasons, the responsible organ, …).
    private static readonly SituationInfo[] Table =
    [
        new(DecisionSituation.AlreadyPublic, "already_public", "已主动公开", $"{Regulation}第三十六条第（一）项", ResultLeaf.Granted, LetterTemplate.Granted,
            "经审查，您申请获取的“{description}”属于已经主动公开的政府信息。您可以通过以下方式、途径获取：{detail}", true),
        new(DecisionSituation.Disclosed, "disclosed", "予以公开", $"{Regulation}第三十六条第（二）项", ResultLeaf.Granted, LetterTemplate.Granted,
            "经审查，您申请获取的“{description}”属于可以公开的政府信息，本机关决定予以公开。{detail}", true),
        new(DecisionSituation.Partial, "partial", "部分公开（区分处理）", $"{Regulation}第三十七条", ResultLeaf.Partial, LetterTemplate.Partial,
            "经审查，您申请获取的“{description}”中含有不应当公开或者不属于政府信息的内容，但能够作区分处理。本机关向您提供可以公开的部分，对不予公开的部分说明理由如下：{detail}", true),
        new(DecisionSituation.WithheldStateSecret, "withheld.state_secret", "不予公开：属于国家秘密", $"{Regulation}第十四条", ResultLeaf.WithheldStateSecret, LetterTemplate.Withheld,
            "经审查，您申请获取的“{description}”属于国家秘密，依法不予公开。{detail}", true),
        new(DecisionSituation.WithheldLawProhibited, "withheld.law_prohibited", "不予公开：其他法律行政法规禁止公开", $"{Regulation}第十四条", ResultLeaf.WithheldLawProhibited, LetterTemplate.Withheld,
            "经审查，您申请获取的“{description}”属于法律、行政法规禁止公开的政府信息，依法不予公开。{detail}", true),
        new(DecisionSituation.WithheldSecurityStability, "withheld.security_stability", "不予公开：危及“三安全一稳定”", $"{Regulation}第十四条", ResultLeaf.WithheldSecurityStability, LetterTemplate.Withheld,
            "经审查，您申请获取的“{description}”公开后可能危及国家安全、公共安全、经济安全、社会稳定，依法不予公开。{detail}", true),
        new(DecisionSituation.WithheldThirdParty, "withheld.third_party", "不予公开：保护第三方合法权益", $"{Regulation}第十五条、第三十二条", ResultLeaf.WithheldThirdParty, LetterTemplate.Withheld,
            "经审查，您申请获取的“{description}”涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的内容，依法不予公开。{detail}", true),
        new(DecisionSituation.WithheldInternalAffairs, "withheld.internal_affairs", "不予公开：属于三类内部事务信息", $"{Regulation}第十六条第一款", ResultLeaf.WithheldInternalAffairs, LetterTemplate.Withheld,
            "经审查，您申请获取的“{description}”属于行政机关的人事管理、后勤管理、内部工作流程等方面的内部事务信息，本机关决定不予公开。{detail}", true),
        new(DecisionSituation.WithheldProcessInfo, "withheld.process_info", "不予公开：属于四类过程性信息", $"{Regulation}第十六条第二款", ResultLeaf.WithheldProcessInfo, LetterTemplate.Withheld,
            "经审查，您申请获取的“{description}”属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息，本机关决定不予公开。{detail}", true),
        new(DecisionSituation.WithheldEnforcementFile, "withheld.enforcement_file", "不予公开：属于行政执法案卷", $"{Regulation}第十六条第二款", ResultLeaf.WithheldEnforcementFile, LetterTemplate.Withheld,
            "经审查，您申请获取的“{description}”属于行政执法案卷信息，本机关决定不予公开。{detail}", true),
        new(DecisionSituation.SpecialProcedure, "special_procedure", "不予公开：属于行政查询事项（另有规定）", $"{Regulation}第三十六条第（七）项", ResultLeaf.WithheldAdminQuery, LetterTemplate.Withheld,
            "经审查，您申请获取的“{description}”属于工商、不动产登记资料等信息，有关法律、行政法规对信息的获取有特别规定，请您依照有关规定办理：{detail}", true),
        new(DecisionSituation.NotExist, "not_exist", "无法提供：经检索没有所申请的信息", $"{Regulation}第三十六条第（四）项", ResultLeaf.UnableNotHeld, LetterTemplate.Unable,
            "经检索，本机关没有您申请获取的“{description}”，该政府信息不存在。{detail}", true),
        new(DecisionSituation.NotResponsible, "not_responsible", "无法提供：不属于本机关负责公开", $"{Regulation}第三十六条第（五）项", ResultLeaf.UnableNotHeld, LetterTemplate.Unable,
            "经审查，您申请获取的“{description}”不属于本机关负责公开的政府信息。{detail}", true),
        new(DecisionSituation.NeedsCreation, "needs_creation", "无法提供：没有现成信息需要另行制作", $"{Regulation}第三十八条", ResultLeaf.UnableNeedsCreation, LetterTemplate.Unable,
            "经审查，本机关没有现成的“{description}”，提供该信息需要对现有政府信息进行加工、分析，本机关不予提供。{detail}", true),
        new(DecisionSituation.StillUnclear, "still_unclear", "无法提供：补正后申请内容仍不明确", $"{Regulation}第三十条", ResultLeaf.UnableStillUnclear, LetterTemplate.Unable,
            "本机关已一次性告知您补正申请，经审查，补正后的申请内容仍不明确，本机关无法确定您所申请的政府信息。{detail}", true),
        new(DecisionSituation.Petition, "petition", "不予处理：信访举报投诉类申请", $"{Regulation}第三十九条第一款", ResultLeaf.NotProcessedPetition, LetterTemplate.NotProcessed,
            "经审查，您以政府信息公开申请的形式提出的“{description}”属于信访、投诉、举报等诉求，本机关不作为政府信息公开申请处理。您可以通过以下渠道提出：{detail}", true),
        new(DecisionSituation.Repeat, "repeat", "不予处理：重复申请", $"{Regulation}第三十六条第（六）项", ResultLeaf.NotProcessedRepeat, LetterTemplate.NotProcessed,
            "经审查，本机关已就您申请获取的“{description}”作出过答复，您重复申请公开相同的政府信息，本机关不予重复处理。{detail}", true),
        new(DecisionSituation.Publication, "publication", "不予处理：要求提供公开出版物", $"{Regulation}第三十九条第二款", ResultLeaf.NotProcessedPublication, LetterTemplate.NotProcessed,
            "经审查，您申请获取的“{description}”属于政府公报、报刊、书籍等公开出版物，您可以通过以下途径获取：{detail}", true),
        new(DecisionSituation.Excessive, "excessive", "不予处理：无正当理由大量反复申请", $"{Regulation}第三十五条", ResultLeaf.NotProcessedExcessive, LetterTemplate.NotProcessed,
            "您申请公开政府信息的数量、频次明显超过合理范围，经要求说明理由，本机关认为理由不合理，对您的申请不予处理。{detail}", true),
        // The 2021 format has this row but the regulation has no article for it; the letter cites the regulation generally.
        new(DecisionSituation.ConfirmOrReissue, "confirm_or_reissue", "不予处理：要求行政机关确认或重新出具已获取信息", $"{Regulation}的有关规定", ResultLeaf.NotProcessedConfirmOrReissue, LetterTemplate.NotProcessed,
            "经审查，您的申请“{description}”系要求本机关确认或者重新出具您已获取的信息，不属于获取政府信息的申请，本机关不予处理。{detail}", true),
        new(DecisionSituation.NoCorrection, "no_correction", "其他处理：逾期不补正，不再处理", $"{Regulation}第三十条", ResultLeaf.OtherNoCorrection, LetterTemplate.Terminated,
            "本机关已一次性告知您补正申请，您无正当理由逾期未补正，视为放弃申请，本机关不再处理您的政府信息公开申请。{detail}", false),
        new(DecisionSituation.FeeUnpaid, "fee_unpaid", "其他处理：逾期未缴纳信息处理费，不再处理", $"{Regulation}第四十二条，《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）", ResultLeaf.OtherFeeUnpaid, LetterTemplate.Terminated,
            "本机关已向您发出信息处理费收费通知，您未在规定期限内缴纳费用，视为放弃申请，本机关不再处理您的政府信息公开申请。{detail}", false),
        new(DecisionSituation.Withdrawn, "withdrawn", "其他处理：申请人撤回申请", $"{Regulation}的有关规定", ResultLeaf.OtherOther, LetterTemplate.Terminated,
            "您已申请撤回“{description}”的政府信息公开申请，本机关终止处理。{detail}", false),
        new(DecisionSituation.Other, "other", "其他处理", $"{Regulation}的有关规定", ResultLeaf.OtherOther, LetterTemplate.Other,
            "关于您申请获取的“{description}”，本机关答复如下：{detail}", true),
    ];

    public static IReadOnlyList<SituationInfo> All { get; } = Table;

    public static SituationInfo Info(this DecisionSituation s) => Table[(int)s];

    public static string Key(this DecisionSituation s) => s.Info().Key;

    /// <summary>The table-三 leaf the situation counts in.</summary>
    public static ResultLeaf Leaf(this DecisionSituation s, DecisionOptions options) =>
        s != DecisionSituation.AlreadyPublic ? s.Info().Leaf
        : ReportKeys.TryParseLeaf(options.AlreadyPublicLeaf, out var leaf) ? leaf
        : throw new InvalidOperationException($"Requests:Decisions:AlreadyPublicLeaf '{options.AlreadyPublicLeaf}' is not a table-三 leaf key");

    public static bool TryParse(string? key, out DecisionSituation situation)
    {
        foreach (var i in Table)
            if (i.Key == key) { situation = i.Situation; return true; }
        situation = default;
        return false;
    }

    /// <summary>
    /// The situation a register line's result leaf stands for, for imported and legacy records
    /// where only the leaf is known. For leaves shared by several situations the first is taken.
    /// </summary>
    public static DecisionSituation ForLeaf(ResultLeaf leaf) =>
        Table.First(i => i.Leaf == leaf && i.Situation != DecisionSituation.Withdrawn).Situation;

    public static string Title(this LetterTemplate t) => t switch
    {
        LetterTemplate.Granted => "政府信息公开申请答复书（予以公开）",
        LetterTemplate.Partial => "政府信息公开申请答复书（部分公开）",
        LetterTemplate.Withheld => "政府信息公开申请答复书（不予公开）",
        LetterTemplate.Unable => "政府信息公开申请答复书（无法提供）",
        LetterTemplate.NotProcessed => "政府信息公开申请答复书（不予处理）",
        LetterTemplate.Terminated => "政府信息公开申请终止处理告知书",
        _ => "政府信息公开申请答复书",
    };
}
