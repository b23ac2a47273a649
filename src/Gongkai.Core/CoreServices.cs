using Gongkai.Agencies;
using Gongkai.Audit;
using Gongkai.Calendar;
using Gongkai.Catalog;
using Gongkai.Data;
using Gongkai.Demo;
using Gongkai.Requests;
using Gongkai.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Gongkai;

public static class CoreServices
{
    /// <summary>Everything Core offers to the web host and the CLI: database, identity store, use cases.</summary>
    public static IServiceCollection AddGongkaiCore(this IServiceCollection services, IConfiguration configuration)
    {
        // Read when first resolved, not now, so hosts and test factories can still add configuration.
        services.TryAddSingleton(configuration);
        services.AddSingleton(sp =>
        {
            var database = DatabaseOptions.From(sp.GetRequiredService<IConfiguration>());
            database.Validate();
            return database;
        });
        services.AddSingleton(sp => Options.Create(sp.GetRequiredService<DatabaseOptions>()));
        services.TryAddSingleton(TimeProvider.System);

        services.AddDbContext<GongkaiDb>((sp, o) => GongkaiDbOptions.Configure(o.AddInterceptors(sp.GetRequiredService<SaveSignals>()), sp.GetRequiredService<DatabaseOptions>()));
        services.AddScoped<MigrateDatabase>();

        services.AddIdentityCore<StaffUser>(StaffAccountRules.Configure)
            .AddErrorDescriber<ChineseIdentityErrorDescriber>()
            .AddEntityFrameworkStores<GongkaiDb>();

        // Use cases, one line each, grouped by feature.
        services.AddScoped<AddAgency>();
        services.AddScoped<UpdateAgency>();
        services.AddScoped<AddStaffUser>();
        services.AddScoped<VerifyAuditChain>();
        services.AddSingleton(sp =>
        {
            var reporting = new Gongkai.Reporting.ReportingOptions();
            sp.GetRequiredService<IConfiguration>().GetSection(Gongkai.Reporting.ReportingOptions.Section).Bind(reporting);
            return reporting;
        });
        services.AddScoped<Gongkai.Reporting.GenerateReport>();
        services.AddScoped<Gongkai.Reporting.EditReport>();
        services.AddScoped<Gongkai.Reporting.CheckAggregation>();
        services.AddScoped<Gongkai.Reporting.ListReportDeadlines>();
        services.AddScoped<DemoSeeder>();
        services.AddCalendar();
        services.AddCatalog(configuration);
        services.AddRequests();
        return services;
    }
}
