using Gongkai.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Demo;

/// <summary>One step of the demo county; it runs in its own DI scope and may use any use case.</summary>
public interface IDemoStep
{
    /// <summary>Chinese label shown next to the progress bar.</summary>
    string Title { get; }
    Task RunAsync(DemoContext context, CancellationToken ct);
}

/// <summary>What steps share: services of the step's scope, and the logins to print at the end.</summary>
public sealed class DemoContext(IServiceProvider services, List<DemoLogin> logins)
{
    public const string Actor = "system:demo";
    public IServiceProvider Services { get; } = services;
    public GongkaiDb Db => Services.GetRequiredService<GongkaiDb>();
    public List<DemoLogin> Logins { get; } = logins;
    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();
}

public sealed record DemoLogin(string UserName, string Password, string Role, string Agency);

public sealed record DemoProgress(int Done, int Total, string Title);

/// <summary>
/// Creates the demo county (云溪县, fictional). Steps run in the order of <see cref="Steps"/>;
/// a feature adds its demo data by appending one line there.
/// </summary>
public sealed class DemoSeeder(IServiceScopeFactory scopes)
{
    public static IReadOnlyList<IDemoStep> Steps { get; } =
    [
        new DemoAgencies(),
        new DemoStaff(),
        new Catalog.DemoCatalog(),
        new Requests.DemoRequests(),
        new Reporting.DemoReports(),
    ];

    /// <summary>True when the database already has agencies, i.e. seeding would duplicate data.</summary>
    public async Task<bool> IsSeededAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GongkaiDb>().Agencies.AnyAsync(ct);
    }

    public async Task<IReadOnlyList<DemoLogin>> RunAsync(IProgress<DemoProgress>? progress = null, CancellationToken ct = default)
    {
        var logins = new List<DemoLogin>();
        for (var i = 0; i < Steps.Count; i++)
        {
            progress?.Report(new DemoProgress(i, Steps.Count, Steps[i].Title));
            await using var scope = scopes.CreateAsyncScope();
            await Steps[i].RunAsync(new DemoContext(scope.ServiceProvider, logins), ct);
        }
        progress?.Report(new DemoProgress(Steps.Count, Steps.Count, "完成"));
        return logins;
    }
}
