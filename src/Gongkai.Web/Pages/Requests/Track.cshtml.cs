using Gongkai.Requests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Requests;

/// <summary>Public tracking: query code + password. Shows status, deadline and what the applicant was sent.</summary>
public sealed class TrackModel(RequestQueries queries, ComposeLetter letters, PersonalDataProtector protector, SubmitCorrection submitCorrection) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Password { get; set; }
    public PublicRequestView? View { get; private set; }
    public bool Unknown { get; private set; }
    /// <summary>The applicant's corrected description (补正), while a correction is awaited.</summary>
    [BindProperty] public string? Correction { get; set; }
    public string? CorrectionError { get; private set; }
    public bool CorrectionSent { get; private set; }

    public void OnGet() { }

    public async Task OnPostAsync(CancellationToken ct)
    {
        View = await queries.TrackAsync(Code, Password, ct);
        Unknown = View is null;
    }

    public async Task OnPostCorrectionAsync(CancellationToken ct)
    {
        var result = await submitCorrection.RunAsync(Code, Password, Correction, ct);
        View = await queries.TrackAsync(Code, Password, ct);
        Unknown = View is null;
        if (result.Succeeded) { CorrectionSent = true; Correction = null; }
        else if (View is not null) CorrectionError = result.Errors[0].Message;
    }

    public async Task<IActionResult> OnPostLetterAsync(CancellationToken ct)
    {
        var letter = await letters.ForApplicantAsync(Code ?? "", Password ?? "", protector, ct);
        if (letter is not { Succeeded: true }) { Unknown = true; return Page(); }
        return Content(LetterRendering.ToHtml(letter.Value), "text/html; charset=utf-8");
    }
}
