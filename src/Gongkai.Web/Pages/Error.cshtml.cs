using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages;

/// <summary>Chinese error pages for status codes and unhandled exceptions (never a stack trace).</summary>
[AllowAnonymous, IgnoreAntiforgeryToken, ResponseCache(NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "出错了";
    public string Message { get; private set; } = "";

    public void OnGet(int? code) => Describe(code);
    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        if (original is not null && original.OriginalPath.StartsWith("/staff", StringComparison.OrdinalIgnoreCase))
            ViewData["StaffArea"] = true;
        (Title, Message) = code switch
        {
            403 => ("没有权限", "您的账号没有访问此页面或此机关数据的权限。如需开通，请联系本机关管理员。"),
            404 => ("页面不存在", "您访问的页面不存在或已被删除，请检查网址。"),
            400 => ("请求无效", "提交的内容无法识别，请返回上一页重新填写。"),
            _ => ("出错了", "系统暂时无法处理您的请求，请稍后再试。"),
        };
        if (code is { } c) Response.StatusCode = c;
        else Response.StatusCode = 500;
    }
}
