using Gongkai.Web.Api;
using Gongkai.Web.Staff;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Gongkai.Staff;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace Gongkai.Web;

public static class WebServices
{
    /// <summary>Portal and staff Razor Pages, staff sign-in and policies, the JSON API and its OpenAPI document.</summary>
    public static IServiceCollection AddGongkaiWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SiteOptions>().Bind(configuration.GetSection(SiteOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.Configure<RouteOptions>(o => o.LowercaseUrls = true);
        // Emit Chinese as characters, not &#x…; entities (readable source, smaller pages).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Staff", StaffPolicies.Staff);
            o.Conventions.AllowAnonymousToPage("/Staff/Login");
            o.Conventions.AddPageRoute("/Staff/Catalog/Edit", "/staff/catalog/new");
        }).AddMvcOptions(ChineseModelBinding.Configure);

        new IdentityBuilder(typeof(StaffUser), services).AddSignInManager();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "gongkai.staff";
            o.LoginPath = "/staff/login";
            o.LogoutPath = "/staff/logout";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            // A signed-in user without the right gets a 403 (rendered as a Chinese page), not a redirect.
            o.Events.OnRedirectToAccessDenied = ctx => { ctx.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
            o.Events.OnRedirectToLogin = ctx =>
            {
                if (ctx.Request.Path.StartsWithSegments("/api")) ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
                else ctx.Response.Redirect(ctx.RedirectUri);
                return Task.CompletedTask;
            };
        });
        services.AddAuthorization(StaffPolicies.Add);
        services.AddScoped<IAuthorizationHandler, StaffRoleHandler>();
        services.AddScoped<CurrentStaff>();
        services.AddScoped<Gongkai.Web.Catalog.AgencyCodes>();
        Gongkai.Web.Catalog.PublicPageCache.AddTo(services);

        services.AddDataProtection().SetApplicationName("Gongkai");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(
            o =>
            {
                o.XmlRepository = new DatabaseKeyRepository(sp.GetRequiredService<IServiceScopeFactory>());
                o.XmlEncryptor = new KeyRingEncryptor(sp.GetRequiredService<Gongkai.Requests.PersonalDataProtector>());
            }));

        services.AddOpenApi();
        services.AddProblemDetails();
        return services;
    }

    public static WebApplication UseGongkaiWeb(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseMiddleware<CurrentStaffMiddleware>();
        app.UseAuthorization();
        app.UseOutputCache();

        app.MapHealthChecks();
        app.MapRazorPages();
        app.MapGongkaiApi();
        Gongkai.Web.Catalog.CatalogEndpoints.MapCatalogEndpoints(app);
        return app;
    }

    private static void MapHealthChecks(this WebApplication app) =>
        app.MapGet("/healthz", async (Gongkai.Data.GongkaiDb db, CancellationToken ct) =>
            await db.Database.CanConnectAsync(ct) ? Results.Text("ok") : Results.Text("database unavailable", statusCode: 503))
            .ExcludeFromDescription();
}
