using Gongkai.Common;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Gongkai.Web;

public static class FormErrors
{
    /// <summary>Puts use-case errors next to their fields (<c>Input.Field</c>); errors without a field go to the form summary.</summary>
    public static void AddErrors(this ModelStateDictionary state, IEnumerable<Error> errors, string prefix = "Input")
    {
        foreach (var e in errors) state.AddModelError(e.Field is null ? "" : $"{prefix}.{e.Field}", e.Message);
    }
}
