using Gongkai.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Api.Agencies;

public sealed record AgencyDto(string Code, string Name, string CreditCode, string Kind, string? ParentCode,
    string? OfficeName, string? OfficeAddress, string? OfficeHours, string? OfficePhone, string? OfficeFax, string? OnlineContact);

public static class AgencyApi
{
    public static void MapAgencyApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/agencies").WithTags("Agencies");
        group.MapGet("/", ListAsync).WithSummary("行政机关列表（含信息公开工作机构联系方式）");
        group.MapGet("/{code}", GetAsync).WithSummary("单个行政机关");
    }

    private static async Task<List<AgencyDto>> QueryAsync(GongkaiDb db, string? code, CancellationToken ct)
    {
        var rows = await db.Agencies.AsNoTracking().Where(a => code == null || a.Code == code)
            .OrderBy(a => a.SortOrder).ThenBy(a => a.Code)
            .Select(a => new { a, ParentCode = db.Agencies.Where(p => p.Id == a.ParentId).Select(p => p.Code).FirstOrDefault() })
            .ToListAsync(ct);
        return rows.Select(r => new AgencyDto(r.a.Code, r.a.Name, r.a.CreditCode, r.a.Kind.ToString(), r.ParentCode,
            r.a.OfficeName, r.a.OfficeAddress, r.a.OfficeHours, r.a.OfficePhone, r.a.OfficeFax, r.a.OnlineContact)).ToList();
    }

    private static async Task<Ok<List<AgencyDto>>> ListAsync(GongkaiDb db, CancellationToken ct) =>
        TypedResults.Ok(await QueryAsync(db, null, ct));

    private static async Task<Results<Ok<AgencyDto>, NotFound>> GetAsync(string code, GongkaiDb db, CancellationToken ct) =>
        (await QueryAsync(db, code, ct)).FirstOrDefault() is { } a ? TypedResults.Ok(a) : TypedResults.NotFound();
}
