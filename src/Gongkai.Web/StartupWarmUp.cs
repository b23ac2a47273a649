using System.Security.Claims;
using Gongkai.Requests;
using Gongkai.Web.Staff;

namespace Gongkai.Web;

/// <summary>
/// Once the web app has started: preload every agency's inbox snapshot (kept in step with other processes' writes
/// from then on) and, unless <c>Requests:WarmUpInboxOnStart=false</c>, run the inbox's reads and the signed-in staff
/// query once, so the first staff page is not slowed by compiling their queries (docs/performance.md, Requests).
/// </summary>
public static class StartupWarmUp
{
    public static void WarmUpOnStart(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() => app.Services.GetRequiredService<InboxSnapshots>().Start());
        if (app.Services.GetRequiredService<RequestOptions>().WarmUpInboxOnStart)
            app.Lifetime.ApplicationStarted.Register(() => _ = RunAsync(app));
    }

    private static async Task RunAsync(WebApplication app)
    {
        var stopping = app.Lifetime.ApplicationStopping;
        try
        {
            await Task.Yield();
            await InboxWarmUp.RunAsync(app.Services, stopping);
            // The signed-in staff member's query, which every staff page runs first (for an id no account has).
            await using var scope = app.Services.CreateAsyncScope();
            var nobody = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString())]));
            await scope.ServiceProvider.GetRequiredService<CurrentStaff>().LoadAsync(nobody, stopping);
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException && stopping.IsCancellationRequested) { }
        catch (Exception e)
        {
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Gongkai.Startup").LogWarning(e, "Warming up the request inbox failed; the first inbox page will be slower.");
        }
    }
}
