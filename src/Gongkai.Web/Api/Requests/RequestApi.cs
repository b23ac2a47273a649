using System.Text.Json;
using Gongkai.Requests;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongkai.Web.Api.Requests;

public sealed record SubmissionDto(string QueryCode, string Password, string ReceivedOn, string? DueOn);

public sealed record SimilarItemDto(string IndexNo, string Title, string Url);

public sealed record TrackingDto(string QueryCode, string Status, string ReceivedOn, string? DueOn, string DueExplanation, string? Result);

/// <summary>Online applications and tracking (issue 5 §1, §6). Both are public: no staff sign-in.</summary>
public static class RequestApi
{
    private const int MaxBodyBytes = 64 * 1024;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void MapRequestApi(this RouteGroupBuilder api)
    {
        api.MapPost("/agencies/{code}/requests", SubmitAsync).WithTags("Requests")
            .WithSummary("提交政府信息公开申请（依申请公开）")
            .Accepts<ApplicationForm>("application/json")
            .Produces<SubmissionDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
        api.MapGet("/agencies/{code}/requests/similar-items", SimilarItemsAsync).WithTags("Requests")
            .WithSummary("与所需信息描述相近的本机关主动公开信息（提交申请前提示）")
            .Produces<SimilarItemDto[]>()
            .ProducesValidationProblem();
        api.MapGet("/requests/{queryCode}", TrackAsync).WithTags("Requests")
            .WithSummary("查询申请办理状态（密码放在 X-Query-Password 请求头）")
            .Produces<TrackingDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/requests/{queryCode}/correction", CorrectionApi.SubmitAsync).WithTags("Requests")
            .WithSummary("申请人提交补正（密码放在 X-Query-Password 请求头；答复期限自收到补正之日起重新计算）")
            .Accepts<CorrectionForm>("application/json")
            .Produces<TrackingDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> SubmitAsync(string code, HttpRequest http, SubmitRequest submit, CancellationToken ct)
    {
        var (form, problem) = await ReadJsonAsync<ApplicationForm>(http, "申请", "字段见接口文档。", ct);
        if (form is null) return problem!;

        var result = await submit.RunAsync(code, form, ct);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == "agency_not_found"))
                return Problem(StatusCodes.Status404NotFound, "找不到受理机关", result.Errors[0].Message);
            return TypedResults.ValidationProblem(
                result.Errors.GroupBy(e => e.Field ?? "").ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                title: "申请内容有误，请按提示修改后重新提交。");
        }
        var r = result.Value;
        var dto = new SubmissionDto(r.QueryCode, r.Password, r.ReceivedOn.ToString("yyyy-MM-dd"), r.DueOn?.ToString("yyyy-MM-dd"));
        // The same form again answers with the request it already created.
        return r.Created ? TypedResults.Created($"/api/v1/requests/{r.QueryCode}", dto) : TypedResults.Ok(dto);
    }

    private static async Task<IResult> SimilarItemsAsync(string code, string? description, HttpRequest http,
        Gongkai.Data.GongkaiDb db, Gongkai.Search.SimilarCatalogItems similar, CancellationToken ct)
    {
        if (!await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Agencies, a => a.Code == code, ct))
            return Problem(StatusCodes.Status404NotFound, "找不到受理机关", "找不到该机关，请从机关列表中选择受理机关。");
        if (string.IsNullOrWhiteSpace(description))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["description"] = ["请描述所需政府信息：名称、文号，或便于查找的其他特征。"] },
                title: "请求参数有误");
        if (description.Length > ApplicationValidation.MaxDescription)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["description"] = [$"所需信息的描述不能超过{ApplicationValidation.MaxDescription}个字。"] },
                title: "请求参数有误");
        var origin = $"{http.Scheme}://{http.Host}";
        var items = await similar.RunAsync(code, description, ct: ct);
        return TypedResults.Ok(items.Select(i => new SimilarItemDto(i.IndexNo, i.Title, origin + Gongkai.Web.Catalog.CatalogUrls.Item(code, i.ItemId))).ToArray());
    }

    private static async Task<Results<Ok<TrackingDto>, ProblemHttpResult>> TrackAsync(
        string queryCode, HttpRequest http, RequestQueries queries, CancellationToken ct)
    {
        var view = await queries.TrackAsync(queryCode, http.Headers["X-Query-Password"].ToString(), ct);
        // One answer for a wrong code and a wrong password, so neither can be probed.
        if (view is null) return NotFound();
        return TypedResults.Ok(Tracking(view));
    }

    internal static TrackingDto Tracking(PublicRequestView view) => new(view.QueryCode, view.Status, view.ReceivedOn.ToString("yyyy-MM-dd"),
        view.DueOn?.ToString("yyyy-MM-dd"), view.DueExplanation, view.Result);

    internal static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "找不到该申请", detail: "查询码或查询密码不正确，请核对后重试。");

    /// <summary>
    /// The JSON body as <typeparamref name="T"/>, or the problem to answer: 413 past <see cref="MaxBodyBytes"/>,
    /// 400 when it is not a JSON object of that shape (<paramref name="what"/> names the content, <paramref name="hint"/> says what to send).
    /// </summary>
    internal static async Task<(T? Value, IResult? Problem)> ReadJsonAsync<T>(HttpRequest http, string what, string hint, CancellationToken ct) where T : class
    {
        var tooLarge = Problem(StatusCodes.Status413PayloadTooLarge, $"{what}内容过大", "请求内容不能超过64KB。");
        var malformed = Problem(StatusCodes.Status400BadRequest, $"{what}内容格式有误", $"请求体应为JSON对象，{hint}");
        if (http.ContentLength > MaxBodyBytes) return (null, tooLarge);
        try
        {
            using var limited = new MemoryStream();
            await http.Body.CopyToAsync(limited, ct);
            if (limited.Length > MaxBodyBytes) return (null, tooLarge);
            limited.Position = 0;
            var value = await JsonSerializer.DeserializeAsync<T>(limited, Json, ct);
            return value is null ? (null, malformed) : (value, null);
        }
        catch (JsonException)
        {
            return (null, malformed);
        }
    }

    internal static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);
}
