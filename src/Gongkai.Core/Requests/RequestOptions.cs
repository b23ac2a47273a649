namespace Gongkai.Requests;

/// <summary>The "Requests" configuration section.</summary>
public sealed class RequestOptions
{
    public const string Section = "Requests";

    /// <summary>Base64 of 32 random bytes. When empty with SQLite, a key file is created in the data directory.</summary>
    public string? PersonalDataKey { get; set; }

    public FeeOptions Fees { get; set; } = new();
    public DecisionOptions Decisions { get; set; } = new();
    public SimilarityOptions Similarity { get; set; } = new();

    /// <summary>Remedy bodies used when an agency has none configured.</summary>
    public string DefaultReconsiderationBody { get; set; } = "本机关的本级人民政府";
    public string DefaultCourt { get; set; } = "有管辖权的人民法院";

    /// <summary>Working days before the due date at which the inbox lists a request as "due soon".</summary>
    public int DueSoonWorkingDays { get; set; } = 5;

    /// <summary>Run the inbox's reads once after the web app starts, so the first staff page is not slowed by start-up work (<see cref="InboxWarmUp"/>).</summary>
    public bool WarmUpInboxOnStart { get; set; } = true;
}
