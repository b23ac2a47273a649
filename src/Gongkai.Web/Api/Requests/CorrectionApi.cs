using Gongkai.Requests;

namespace Gongkai.Web.Api.Requests;

/// <summary>The applicant's corrected description of the information sought (补正, Art. 30).</summary>
public sealed record CorrectionForm(string? Description);

/// <summary>
/// <c>POST /api/v1/requests/{queryCode}/correction</c>: the API twin of the tracking page's 补正 form.
/// Same credentials as tracking (X-Query-Password; 404 alike for a wrong code or password);
/// answers the tracking body, whose due date is recomputed from the day the correction arrived.
/// </summary>
public static class CorrectionApi
{
    public static async Task<IResult> SubmitAsync(string queryCode, HttpRequest http, SubmitCorrection submit, RequestQueries queries, CancellationToken ct)
    {
        var password = http.Headers["X-Query-Password"].ToString();
        var (form, problem) = await RequestApi.ReadJsonAsync<CorrectionForm>(http, "补正", "例如 {\"description\": \"补正后的所需信息描述\"}。", ct);
        if (form is null) return problem!;

        var result = await submit.RunAsync(queryCode, password, form.Description, ct);
        if (!result.Succeeded)
        {
            var error = result.Errors[0];
            if (error.Code == "not_found") return RequestApi.NotFound();
            if (error.Field is not null)
                return TypedResults.ValidationProblem(
                    result.Errors.GroupBy(e => e.Field == "correction" ? "description" : e.Field ?? "").ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                    title: "补正内容有误，请按提示修改后重新提交。");
            // No correction awaited, already corrected, or the correction period ran out.
            return RequestApi.Problem(StatusCodes.Status409Conflict, "无法提交补正", error.Message);
        }
        var view = await queries.TrackAsync(queryCode, password, ct);
        return view is null ? RequestApi.NotFound() : TypedResults.Ok(RequestApi.Tracking(view));
    }
}
