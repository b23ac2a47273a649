using Gongkai.Common;
using Gongkai.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Requests;

/// <summary>What the applicant receives: the code and password to follow the request, and its dates.</summary>
public sealed record SubmissionReceipt(Guid RequestId, string QueryCode, string Password, DateOnly ReceivedOn, DateOnly? DueOn, bool Created);

/// <summary>
/// An online application from the public portal or the API. The portal's confirmation page is the
/// "both parties confirm" of Art. 31(3), so the receipt date is the day of submission (China time).
/// The same form twice on the same day yields the first request again, with the same code and password.
/// </summary>
public sealed class SubmitRequest(GongkaiDb db, TimeProvider clock, PersonalDataProtector protector, RequestClocks clocks, SubmissionWriteGate gate)
{
    public async Task<Result<SubmissionReceipt>> RunAsync(string agencyCode, ApplicationForm form, CancellationToken ct = default)
    {
        var (app, fieldErrors) = ApplicationValidation.Validate(form);
        var agencyId = await db.Agencies.AsNoTracking().Where(a => a.Code == agencyCode).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct);
        if (agencyId is null) return new Error("agency_not_found", "找不到该机关，请从机关列表中选择受理机关。");
        if (app is null) return Result<SubmissionReceipt>.Fail(fieldErrors.Select(kv => new Error("invalid", kv.Value, kv.Key)).ToList());

        var now = clock.GetUtcNow();
        var today = ChinaTime.Today(clock);
        var fingerprint = app.Fingerprint(agencyCode);
        if (await FindSameAsync(agencyId.Value, fingerprint, today, ct) is { } existing) return existing;

        var request = DisclosureRequest.Create(agencyId.Value, app, Channel.Online, today, now, protector, fingerprint, "public:online");
        db.DisclosureRequests.Add(request);
        var failure = await gate.RunAsync(db, async () =>
        {
            try
            {
                await db.SaveChangesAsync(ct);
                return null;
            }
            catch (DbUpdateException e)
            {
                return e;
            }
        }, ct);
        if (failure is not null)
        {
            // Two identical submissions at the same moment: the unique index let one in; answer with it.
            db.Entry(request).State = EntityState.Detached;
            foreach (var e in request.Events) db.Entry(e).State = EntityState.Detached;
            if (await FindSameAsync(agencyId.Value, fingerprint, today, ct) is { } raced) return raced;
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
        return Receipt(request, created: true);
    }

    private async Task<Result<SubmissionReceipt>?> FindSameAsync(Guid agencyId, string fingerprint, DateOnly today, CancellationToken ct)
    {
        var same = await db.DisclosureRequests.AsNoTracking().Include(r => r.Events)
            .FirstOrDefaultAsync(r => r.AgencyId == agencyId && r.Fingerprint == fingerprint && r.ReceivedOn == today, ct);
        return same is null ? null : Receipt(same, created: false);
    }

    private Result<SubmissionReceipt> Receipt(DisclosureRequest r, bool created)
    {
        var deadline = clocks.Deadline(r.Events.OrderBy(e => e.Seq).Select(e => e.ToEvent()), r.ReceivedOn);
        return Result<SubmissionReceipt>.Ok(new SubmissionReceipt(r.Id, r.QueryCode, r.Password(protector), r.ReceivedOn, deadline.DueOn, created));
    }
}
