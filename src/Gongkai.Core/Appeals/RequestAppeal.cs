namespace Gongkai.Appeals;

/// <summary>A reconsideration or lawsuit recorded against a request; feeds annual-report table 四.</summary>
public sealed class RequestAppeal
{
    private RequestAppeal() { }

    public Guid Id { get; private set; }
    public Guid RequestId { get; private set; }
    public Guid AgencyId { get; private set; }
    public int No { get; private set; }
    public AppealKind Kind { get; private set; }
    public DateOnly FiledOn { get; private set; }
    public string Body { get; private set; } = "";
    public AppealOutcome Outcome { get; private set; }
    public DateOnly? DecidedOn { get; private set; }
    public string? Note { get; private set; }

    internal static RequestAppeal File(Guid requestId, Guid agencyId, int no, AppealKind kind, DateOnly filedOn, string body, string? note) => new()
    {
        Id = Guid.NewGuid(), RequestId = requestId, AgencyId = agencyId, No = no, Kind = kind, FiledOn = filedOn,
        Body = body.Trim(), Outcome = AppealOutcome.Pending, Note = note,
    };

    internal void Conclude(AppealOutcome outcome, DateOnly decidedOn)
    {
        Outcome = outcome;
        DecidedOn = decidedOn;
    }

    public AppealRecord ToRecord() => new(No, Kind, FiledOn, Body, Outcome, DecidedOn);
}
