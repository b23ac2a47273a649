using Gongkai.Common;
using Gongkai.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Requests;

/// <summary>Builds the reply letter of a decided request, naming the remedy bodies configured for its agency.</summary>
public sealed class ComposeLetter(GongkaiDb db, RequestSteps steps)
{
    public async Task<Result<ReplyLetter>> ForStaffAsync(StaffActor actor, Guid requestId, CancellationToken ct = default)
    {
        var loaded = await steps.LoadAsync(actor, requestId, RequestAction.View, ct);
        return loaded.Succeeded ? await ComposeAsync(loaded.Value, ct) : Result<ReplyLetter>.Fail(loaded.Errors);
    }

    /// <summary>The applicant's copy, once the reply has been delivered.</summary>
    public async Task<Result<ReplyLetter>?> ForApplicantAsync(string queryCode, string password, PersonalDataProtector protector, CancellationToken ct = default)
    {
        var code = QueryCredentials.Normalize(queryCode);
        var r = await db.DisclosureRequests.AsNoTracking().Include(x => x.Events).FirstOrDefaultAsync(x => x.QueryCode == code, ct);
        if (r is null || !QueryCredentials.Matches(r.Password(protector), password)) return null;
        if (r.Status is not (RequestStatus.Delivered or RequestStatus.Closed)) return null;
        return await ComposeAsync(r, ct);
    }

    private async Task<Result<ReplyLetter>> ComposeAsync(DisclosureRequest r, CancellationToken ct)
    {
        var history = r.History(steps.Clocks.AddWorkingDays);
        if (history.Decision?.Situation is not { } situation)
            return history.WithdrawnOn is null ? new Error("letter.no_decision", "尚未作出处理决定，没有可生成的答复书。") : new Error("letter.withdrawn", "申请已撤回，无需答复书。");
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == r.AgencyId).Select(a => a.Name).FirstAsync(ct);
        var settings = await db.RequestAgencySettings.AsNoTracking().FirstOrDefaultAsync(s => s.AgencyId == r.AgencyId, ct);
        var bodies = new RemedyBodies(settings?.ReconsiderationBody ?? steps.Options.DefaultReconsiderationBody, settings?.Court ?? steps.Options.DefaultCourt);
        return Result<ReplyLetter>.Ok(ReplyLetter.Compose(situation, agency, r.QueryCode, r.ApplicantName, r.ReceivedOn, r.Description,
            history.Decision.PublicText, history.Decision.On, bodies));
    }
}
