using Gongkai.Appeals;
using Gongkai.Calendar;
using Gongkai.Common;
using Gongkai.Requests;
using Gongkai.Web.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Pages.Staff.Requests;

/// <summary>
/// One request: particulars (personal data masked), the deadline with the calendar's explanation,
/// the full log, and a form per next step. Each handler calls one use case; Core checks the rules and roles.
/// </summary>
[Authorize(Policy = RequestPolicies.View)]
public sealed class DetailModel(RequestQueries queries, CurrentStaff staff, IServiceProvider services) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public DateOnly? Date { get; set; }
    [BindProperty] public int? Number { get; set; }
    [BindProperty] public string? Choice { get; set; }
    [BindProperty] public bool Flag { get; set; }
    [BindProperty] public Guid? AppealId { get; set; }

    public RequestQueries.Detail Detail { get; private set; } = null!;
    public string? Done { get; private set; }
    /// <summary>Art. 44: the catalogue draft made from this request's answer, and the repeated-requests suggestion.</summary>
    public AnswerItem? CatalogLink { get; private set; }
    public RepeatSuggestion? Suggestion { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetLetterAsync(string format, CancellationToken ct)
    {
        var letter = await services.GetRequiredService<ComposeLetter>().ForStaffAsync(staff.Actor(), Id, ct);
        if (!letter.Succeeded) return letter.Errors[0].Code == "not_found" ? NotFound() : Content(letter.Errors[0].Message, "text/plain; charset=utf-8");
        return format == "docx"
            ? File(LetterRendering.ToDocx(letter.Value), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"答复书-{Id:N}.docx")
            : Content(LetterRendering.ToHtml(letter.Value), "text/html; charset=utf-8");
    }

    private T Use<T>() where T : notnull => services.GetRequiredService<T>();
    private StaffActor Actor => staff.Actor();

    public Task<IActionResult> OnPostAssignAsync(CancellationToken ct) => Step(Use<AssignHandler>().RunAsync(Actor, Id, staff.UserId, ct), "已分办给您。", ct);
    public Task<IActionResult> OnPostCorrectionAsync(CancellationToken ct) =>
        Date is null ? Fail("请填写补正期限。", ct) : Step(Use<RequestCorrection>().RunAsync(Actor, Id, Text ?? "", Date.Value, ct), "补正告知已登记。", ct);
    public Task<IActionResult> OnPostCorrectionReceivedAsync(CancellationToken ct) => Step(Use<ReceiveCorrection>().RunAsync(Actor, Id, Date, ct), "已登记收到补正，答复期限重新计算。", ct);
    public Task<IActionResult> OnPostConsultAsync(CancellationToken ct) =>
        Step(Use<StartConsultation>().RunAsync(Actor, Id, Choice == "other_organ" ? ConsultedParty.OtherOrgan : ConsultedParty.ThirdParty, Text, ct), "已登记征求意见。", ct);
    public Task<IActionResult> OnPostConsultReplyAsync(CancellationToken ct) =>
        Step(Use<ReplyConsultation>().RunAsync(Actor, Id, Number ?? 0, Flag, Text, ct), "已登记征求意见的答复。", ct);
    public Task<IActionResult> OnPostExtendAsync(CancellationToken ct) => Step(Use<ExtendDeadline>().RunAsync(Actor, Id, Number ?? 0, Text ?? "", ct), "已延长答复期限。", ct);
    public Task<IActionResult> OnPostFeeAsync(CancellationToken ct) =>
        Step(Use<NotifyFee>().RunAsync(Actor, Id, Choice == "per_volume" ? FeeMethod.PerVolume : FeeMethod.PerRequest, Number, ct), "收费通知已登记。", ct);
    public Task<IActionResult> OnPostFeePaidAsync(CancellationToken ct) => Step(Use<RecordFeePayment>().RunAsync(Actor, Id, Date, ct), "已登记缴费。", ct);
    public Task<IActionResult> OnPostDecideAsync(CancellationToken ct) =>
        !DecisionSituations.TryParse(Choice, out var s) ? Fail("请选择处理决定的情形。", ct)
        : Step(Use<RecordDecision>().RunAsync(Actor, Id, s, Text, ct), "处理决定已登记，请送保密审查。", ct);
    public Task<IActionResult> OnPostReviewAsync(CancellationToken ct) => Step(Use<ReviewReply>().RunAsync(Actor, Id, Text, ct), "保密审查已登记。", ct);
    public Task<IActionResult> OnPostDeliverAsync(CancellationToken ct) => Step(Use<Deliver>().RunAsync(Actor, Id, Date, ct), "已登记送达。", ct);
    public Task<IActionResult> OnPostCloseAsync(CancellationToken ct) => Step(Use<CloseRequest>().RunAsync(Actor, Id, ct), "已办结。", ct);
    public Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct) => Step(Use<Withdraw>().RunAsync(Actor, Id, Text, ct), "已登记撤回。", ct);
    public async Task<IActionResult> OnPostPublishAnswerAsync(CancellationToken ct)
    {
        if (Gongkai.Catalog.DisclosureCategories.FromKey(Choice) is not { } category) return await Fail("请选择主动公开类别。", ct);
        var r = await Use<PublishAnswer>().RunAsync(Actor, Id, category, ct);
        return await After(r.Succeeded, r.Errors, "已生成主动公开草稿，须经保密审查后发布。", ct);
    }

    public Task<IActionResult> OnPostSuperviseAsync(CancellationToken ct) => Step(Use<Supervise>().RunAsync(Actor, Id, Text ?? "", ct), "督办意见已发出。", ct);

    public async Task<IActionResult> OnPostAppealAsync(CancellationToken ct)
    {
        if (!Enum.TryParse<AppealKind>(Choice, out var kind) || Date is null) return await Fail("请选择复议或诉讼类型并填写提出日期。", ct);
        var r = await Use<RecordAppeal>().RunAsync(Actor, Id, kind, Date.Value, Text ?? "", null, ct);
        return await After(r.Succeeded, r.Errors, "已登记复议或诉讼。", ct);
    }

    public async Task<IActionResult> OnPostAppealOutcomeAsync(CancellationToken ct)
    {
        if (!Enum.TryParse<AppealOutcome>(Choice, out var outcome) || Date is null || AppealId is null) return await Fail("请选择审结结果并填写审结日期。", ct);
        var r = await Use<RecordAppealOutcome>().RunAsync(Actor, AppealId.Value, outcome, Date.Value, ct);
        return await After(r.Succeeded, r.Errors, outcome == AppealOutcome.Corrected ? "已登记纠正结果，申请重新办理。" : "已登记审结结果。", ct);
    }

    private async Task<IActionResult> Step(Task<Result<DisclosureRequest>> step, string done, CancellationToken ct)
    {
        var r = await step;
        return await After(r.Succeeded, r.Errors, done, ct);
    }

    private async Task<IActionResult> After(bool ok, IReadOnlyList<Error> errors, string done, CancellationToken ct)
    {
        if (ok) Done = done;
        else foreach (var e in errors) ModelState.AddModelError("", e.Message);
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<IActionResult> Fail(string message, CancellationToken ct)
    {
        ModelState.AddModelError("", message);
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var d = await queries.DetailAsync(Actor, Id, ct);
        if (!d.Succeeded) return false;
        Detail = d.Value;
        CatalogLink = await Use<AnswerLinks>().ItemOfAsync(Id, ct);
        Suggestion = await Use<SimilarRequests>().ForAsync(Detail.Request, ct);
        return true;
    }
}
