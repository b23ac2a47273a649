using Gongkai.Catalog;
using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Web.Catalog;

/// <summary>
/// Output caching of the public disclosure column (/gk/{agency} pages and item pages) for anonymous
/// visitors. The cache key carries the <see cref="CatalogVersion"/>, so a publication, revision,
/// withdrawal, import, guide or agency edit in this process is seen by the next request, and the
/// persisted <see cref="CatalogStamp"/> (read at most once a second, <see cref="CatalogStampWatch"/>),
/// so the same changes made by another process (the <c>gongkai</c> command line) show within about a
/// second of their commit. Never
/// cached or served from the cache: signed-in (staff) requests, requests with an Authorization
/// header, searches (a <c>q</c> parameter), anything but GET/HEAD, and responses that are not
/// 200 or that set a cookie. Entries also expire after <see cref="Lifetime"/>, a backstop should the
/// stamp be unreadable.
/// </summary>
public sealed class PublicPageCache(CatalogVersion version, CatalogStampWatch stamp) : IOutputCachePolicy
{
    public const string PolicyName = "public-catalog";
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    async ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var request = http.Request;
        var cacheable = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                        && http.User.Identity?.IsAuthenticated != true
                        && !request.Headers.ContainsKey("Authorization")
                        && !request.Query.ContainsKey("q");
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = Lifetime;
        context.CacheVaryByRules.QueryKeys = "*";
        if (!cacheable) return;
        var local = version.Current.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.CacheVaryByRules.VaryByValues["catalog-version"] = $"{local}.{await stamp.CurrentAsync()}";
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken ct) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken ct)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0) context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }

    public static IServiceCollection AddTo(IServiceCollection services) =>
        services.AddSingleton<PublicPageCache>().AddSingleton<CatalogStampWatch>()
            .AddOutputCache(o => o.AddPolicy(PolicyName, b => b.AddPolicy<PublicPageCache>(), excludeDefaultPolicy: true));
}
