using Gongkai.Web.Api.Agencies;
using Gongkai.Web.Api.Catalog;
using Gongkai.Web.Api.Requests;

namespace Gongkai.Web.Api;

/// <summary>The JSON API at /api/v1 (one route group per feature), its OpenAPI document and browsable page at /api.</summary>
public static class ApiRoutes
{
    public static void MapGongkaiApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        app.UseSwaggerUI(o =>
        {
            o.RoutePrefix = "api";
            o.SwaggerEndpoint("/openapi/v1.json", "Gongkai API v1");
            o.DocumentTitle = "公开 Gongkai 开放接口";
        });

        var v1 = app.MapGroup("/api/v1");
        v1.MapAgencyApi();
        v1.MapItemApi();
        v1.MapRequestApi();
    }
}
