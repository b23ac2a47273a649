using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web;

/// <summary>Model-binding messages in Chinese, so a number typed as text never shows English.</summary>
internal static class ChineseModelBinding
{
    public static void Configure(MvcOptions o)
    {
        var m = o.ModelBindingMessageProvider;
        m.SetAttemptedValueIsInvalidAccessor((v, f) => $"“{v}”不是有效的值，请重新填写。");
        m.SetMissingBindRequiredValueAccessor(f => "请填写此项。");
        m.SetMissingKeyOrValueAccessor(() => "请填写此项。");
        m.SetMissingRequestBodyRequiredValueAccessor(() => "请求内容不能为空。");
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(v => $"“{v}”不是有效的值，请重新填写。");
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => "填写的值无效，请重新填写。");
        m.SetNonPropertyValueMustBeANumberAccessor(() => "请填写数字。");
        m.SetUnknownValueIsInvalidAccessor(f => "填写的值无效，请重新填写。");
        m.SetValueIsInvalidAccessor(v => $"“{v}”不是有效的值，请重新填写。");
        m.SetValueMustBeANumberAccessor(f => "请填写数字。");
        m.SetValueMustNotBeNullAccessor(v => "请填写此项。");
    }
}
