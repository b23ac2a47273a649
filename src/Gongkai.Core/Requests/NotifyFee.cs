using Gongkai.Common;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Requests;

/// <summary>
/// Sends a 信息处理费 notice (fees.md): 按件 uses the applicant's ordinal among their requests of the
/// same calendar month (by receipt date), 按量 the page count. The applicant has 20 working days from
/// the day after the notice to pay.
/// </summary>
public sealed class NotifyFee(RequestSteps steps)
{
    public async Task<Result<DisclosureRequest>> RunAsync(StaffActor actor, Guid requestId, FeeMethod method, int? pages, CancellationToken ct = default)
    {
        var loaded = await steps.LoadAsync(actor, requestId, RequestAction.Handle, ct);
        if (!loaded.Succeeded) return loaded;
        var request = loaded.Value;
        int quantity;
        if (method == FeeMethod.PerVolume)
        {
            if (pages is not > 0) return new Error("fee.pages", "按量计收请填写页数。", "pages");
            quantity = pages.Value;
        }
        else
        {
            if (request.ApplicantIndex is null)
                return new Error("fee.no_identity", "该申请没有申请人身份证明号码，无法按件累计本月申请数。");
            quantity = await MonthlyOrdinalAsync(request, ct);
        }
        var fees = steps.Options.Fees;
        var (amount, error) = FeeCalculator.Quote(FeeCalculator.RegimeFor(request.ReceivedOn), method, quantity, fees);
        if (error is not null) return new Error("fee.quote", error);
        var today = steps.Today;
        // Day 1 of the 20 is the day after the notice, so the due date is the 20th working day after it.
        var due = steps.Clocks.AddWorkingDays(today, fees.PaymentWorkingDays);
        return await steps.AppendAsync(actor, requestId, RequestAction.Handle, "requests.fee_notified", (_, _) =>
            Result<RequestEvent>.Ok(new(RequestEventType.FeeNotified, today)
            {
                FeeMethod = method, FeeQuantity = quantity, FeeAmount = amount, DueOn = due,
                PublicText = $"依据《政府信息公开信息处理费管理办法》，{(method == FeeMethod.PerRequest ? $"按件计收（本月第{quantity}件）" : $"按量计收（{quantity}页）")}，应缴信息处理费{amount:0.##}元，请于{due:yyyy年M月d日}前缴纳。",
            }), ct);
    }

    private async Task<int> MonthlyOrdinalAsync(DisclosureRequest request, CancellationToken ct)
    {
        var monthStart = new DateOnly(request.ReceivedOn.Year, request.ReceivedOn.Month, 1);
        var query = steps.Db.DisclosureRequests.AsNoTracking()
            .Where(r => r.ApplicantIndex == request.ApplicantIndex && r.ReceivedOn >= monthStart && r.ReceivedOn < monthStart.AddMonths(1) && r.Id != request.Id);
        if (steps.Options.Fees.MonthlyCountScope == MonthlyCountScope.PerAgency)
            query = query.Where(r => r.AgencyId == request.AgencyId);
        var others = await query.Select(r => new { r.ReceivedOn, r.SubmittedAt, r.Id }).ToListAsync(ct);
        return FeeCalculator.MonthlyOrdinal(request.ReceivedOn, request.SubmittedAt.UtcTicks, request.Id,
            others.Select(o => (o.ReceivedOn, o.SubmittedAt.UtcTicks, o.Id)));
    }
}
