using Gongkai.ReportReading;
using Gongkai.Web.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.ReportReader;

/// <summary>
/// Paste or upload published annual reports; see each one's figures and findings beside its text,
/// and, for several, a comparison across years or agencies. Touches no records: any staff role.
/// </summary>
[Authorize(Policy = StaffPolicies.Staff)]
[RequestSizeLimit(MaxFiles * MaxFileBytes + 1_000_000)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxFiles * MaxFileBytes + 1_000_000)]
public sealed class IndexModel : PageModel
{
    public const int MaxFiles = 20;
    public const int MaxFileBytes = 2_000_000;
    public const int MaxPastedChars = 500_000;

    public sealed record ReadView(string Name, ReportReadResult? Result, string? Problem);

    [BindProperty] public string? Pasted { get; set; }
    [BindProperty] public List<IFormFile> Files { get; set; } = [];

    public List<ReadView> Reports { get; private set; } = [];
    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var inputs = new List<(string Name, string? Text, string? Problem)>();
        if (!string.IsNullOrWhiteSpace(Pasted))
        {
            inputs.Add(Pasted.Length > MaxPastedChars
                ? ("粘贴的文本", null, $"粘贴的文本超过 {MaxPastedChars:N0} 个字符，请只粘贴报告正文。")
                : ("粘贴的文本", Pasted, null));
        }
        foreach (var file in Files.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).Take(MaxFiles))
        {
            var name = Path.GetFileName(file.FileName);
            if (file.Length == 0) inputs.Add((name, null, "文件是空的，请选择年度报告文件。"));
            else if (file.Length > MaxFileBytes) inputs.Add((name, null, $"文件超过 {MaxFileBytes / 1_000_000} MB，请只上传报告正文（纯文本或网页）。"));
            else
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, ct);
                inputs.Add((name, ReportInput.Decode(buffer.ToArray()), null));
            }
        }
        if (Files.Count > MaxFiles) Error = $"一次最多读取 {MaxFiles} 份报告，多出的文件未读取。";
        if (inputs.Count == 0)
        {
            Error = "请粘贴年度报告的正文，或选择一个或多个报告文件后再读取。";
            return Page();
        }

        var read = inputs.Select(i => i.Text is null ? (i.Name, (ReportReadResult?)null, i.Problem) : (i.Name, ReadReport.Read(i.Text), (string?)null))
            .Select(t => t.Item2 is { IsReport: false } r ? (t.Name, (ReportReadResult?)null, r.Problem) : t)
            .ToList();
        var readable = read.Where(t => t.Item2 is not null).Select(t => t.Item2!).ToList();
        var checkedAcross = CheckReports.Across(readable);
        var next = 0;
        Reports = [.. read.Select(t => new ReadView(t.Name, t.Item2 is null ? null : checkedAcross[next++], t.Item3))];
        return Page();
    }
}
