using Gongkai.Calendar;
using Gongkai.Common;
using Gongkai.Reporting;

namespace Gongkai.Requests;

/// <summary>
/// A disclosure request (依申请公开) as stored: the applicant's particulars (personal data encrypted),
/// what was asked for, and the append-only log of what happened. The status, handler and result
/// columns are a projection of the log, refreshed on every append so lists can filter in SQL;
/// they are never set on their own. Deadlines are not stored: they come from the calendar each time.
/// </summary>
public sealed class DisclosureRequest
{
    private DisclosureRequest() { }

    public Guid Id { get; private set; }
    public Guid AgencyId { get; private set; }
    public string QueryCode { get; private set; } = "";
    /// <summary>Encrypted, not hashed: a double submission must be answered with the same password.</summary>
    public string PasswordCipher { get; private set; } = "";
    public string? Fingerprint { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }

    public ApplicantKind ApplicantKind { get; private set; }
    public string ApplicantName { get; private set; } = "";
    public string? IdNumberCipher { get; private set; }
    /// <summary>Keyed hash of the identity number: finds the same applicant without decrypting.</summary>
    public string? ApplicantIndex { get; private set; }
    public string? PhoneCipher { get; private set; }
    public string? EmailCipher { get; private set; }
    public string? AddressCipher { get; private set; }
    public string Description { get; private set; } = "";
    public ProvisionForm Form { get; private set; }
    public Delivery Delivery { get; private set; }
    public Channel Channel { get; private set; }
    public DateOnly ReceivedOn { get; private set; }

    // Projection of the log (see class comment).
    public RequestStatus Status { get; private set; }
    public bool IsOpen { get; private set; }
    public string? HandlerId { get; private set; }
    public string? ResultLeaf { get; private set; }
    public DateOnly? DecidedOn { get; private set; }
    /// <summary>The clock-moving lines of the log (<see cref="Requests.ClockInputs"/>); null for rows stored before it existed.</summary>
    public string? ClockInputs { get; private set; }

    public List<RequestEventRow> Events { get; private set; } = [];

    internal static DisclosureRequest Create(
        Guid agencyId, ValidApplication app, Channel channel, DateOnly receivedOn, DateTimeOffset now,
        PersonalDataProtector protector, string? fingerprint, string actor, string? note = null)
    {
        var password = QueryCredentials.NewPassword();
        var r = new DisclosureRequest
        {
            Id = Guid.NewGuid(),
            AgencyId = agencyId,
            QueryCode = QueryCredentials.NewQueryCode(receivedOn),
            PasswordCipher = protector.Protect(password),
            Fingerprint = fingerprint,
            SubmittedAt = now,
            ApplicantKind = app.Kind,
            ApplicantName = app.Name,
            IdNumberCipher = app.IdNumber.Length == 0 ? null : protector.Protect(app.IdNumber),
            ApplicantIndex = app.IdNumber.Length == 0 ? null : protector.BlindIndex(app.IdNumber),
            PhoneCipher = app.Phone.Length == 0 ? null : protector.Protect(app.Phone),
            EmailCipher = app.Email is null ? null : protector.Protect(app.Email),
            AddressCipher = app.Address is null ? null : protector.Protect(app.Address),
            Description = app.Description,
            Form = app.Form,
            Delivery = app.Delivery,
            Channel = channel,
            ReceivedOn = receivedOn,
        };
        var error = r.Append(new RequestEvent(RequestEventType.Registered, receivedOn) { Channel = channel, Actor = actor, Note = note },
            (d, _) => d, now, new DecisionOptions());
        if (error is not null) throw new InvalidOperationException(error.ToString());
        return r;
    }

    /// <summary>A request loaded from a register (台账): no identity data, no credentials the applicant knows.</summary>
    internal static DisclosureRequest Import(Guid agencyId, RegisterRow row, DateTimeOffset now, PersonalDataProtector protector,
        AddWorkingDays addWorkingDays, DecisionOptions options)
    {
        var r = new DisclosureRequest
        {
            Id = Guid.NewGuid(),
            AgencyId = agencyId,
            QueryCode = QueryCredentials.NewQueryCode(row.ReceivedOn),
            PasswordCipher = protector.Protect(QueryCredentials.NewPassword()),
            SubmittedAt = now,
            ApplicantKind = row.ApplicantKind,
            ApplicantName = row.ApplicantName,
            Description = row.Description,
            Form = ProvisionForm.Paper,
            Delivery = Delivery.Pickup,
            Channel = row.Channel,
            ReceivedOn = row.ReceivedOn,
        };
        foreach (var e in row.ToEvents())
            if (r.Append(e, addWorkingDays, now, options) is { } error)
                throw new InvalidOperationException($"line {row.Line}: {error}");
        return r;
    }

    public string Password(PersonalDataProtector protector) => protector.Unprotect(PasswordCipher);

    public RequestHistory History(AddWorkingDays addWorkingDays) =>
        new(addWorkingDays, Events.OrderBy(e => e.Seq).Select(e => e.ToEvent()));

    /// <summary>Checks the step against the log's rules; if allowed, appends it and refreshes the projection.</summary>
    public Error? Append(RequestEvent e, AddWorkingDays addWorkingDays, DateTimeOffset now, DecisionOptions options)
    {
        var history = History(addWorkingDays);
        if (history.Append(e) is { } error) return error;
        Events.Add(RequestEventRow.From(Id, Events.Count + 1, now, e));
        Status = history.Status;
        IsOpen = Status.IsOpen();
        HandlerId = history.Handler;
        ResultLeaf = history.Leaf(options)?.Key();
        DecidedOn = history.WithdrawnOn ?? history.Decision?.On;
        if (Requests.ClockInputs.MovesTheClock(e.Type) || ClockInputs is null)
        {
            var inputs = Requests.ClockInputs.Of(Events.OrderBy(x => x.Seq).Select(x => x.ToEvent()));
            ClockInputs = inputs.Length <= Requests.ClockInputs.MaxLength ? inputs : null;
        }
        return null;
    }
}

/// <summary>One stored line of a request's log. Rows are only ever inserted.</summary>
public sealed class RequestEventRow
{
    private RequestEventRow() { }

    public Guid RequestId { get; private set; }
    public int Seq { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public RequestEventType Type { get; private set; }
    public DateOnly On { get; private set; }
    public string? Actor { get; private set; }
    public Channel? Channel { get; private set; }
    public string? Handler { get; private set; }
    public DateOnly? DueOn { get; private set; }
    public int? Days { get; private set; }
    public bool ApprovedByOfficeHead { get; private set; }
    public ConsultedParty? Party { get; private set; }
    public int? ConsultationNo { get; private set; }
    public bool Silent { get; private set; }
    public FeeMethod? FeeMethod { get; private set; }
    public int? FeeQuantity { get; private set; }
    public decimal? FeeAmount { get; private set; }
    public DecisionSituation? Situation { get; private set; }
    public string? PublicText { get; private set; }
    public bool Imported { get; private set; }
    public string? Note { get; private set; }

    internal static RequestEventRow From(Guid requestId, int seq, DateTimeOffset now, RequestEvent e) => new()
    {
        RequestId = requestId, Seq = seq, RecordedAt = now, Type = e.Type, On = e.On, Actor = e.Actor, Channel = e.Channel,
        Handler = e.Handler, DueOn = e.DueOn, Days = e.Days, ApprovedByOfficeHead = e.ApprovedByOfficeHead, Party = e.Party,
        ConsultationNo = e.ConsultationNo, Silent = e.Silent, FeeMethod = e.FeeMethod, FeeQuantity = e.FeeQuantity,
        FeeAmount = e.FeeAmount, Situation = e.Situation, PublicText = e.PublicText, Imported = e.Imported, Note = e.Note,
    };

    public RequestEvent ToEvent() => new(Type, On)
    {
        Actor = Actor, Channel = Channel, Handler = Handler, DueOn = DueOn, Days = Days, ApprovedByOfficeHead = ApprovedByOfficeHead,
        Party = Party, ConsultationNo = ConsultationNo, Silent = Silent, FeeMethod = FeeMethod, FeeQuantity = FeeQuantity,
        FeeAmount = FeeAmount, Situation = Situation, PublicText = PublicText, Imported = Imported, Note = Note,
    };
}

/// <summary>Per-agency settings of the request feature: the remedy bodies named in every reply letter.</summary>
public sealed class RequestAgencySettings
{
    public Guid AgencyId { get; set; }
    public string ReconsiderationBody { get; set; } = "";
    public string Court { get; set; } = "";
    /// <summary>Increases with every save; a save from a page showing an older version is refused.</summary>
    public long Version { get; set; }
}
