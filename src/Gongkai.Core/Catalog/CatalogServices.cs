using Gongkai.Catalog.Import;
using Gongkai.Data;
using Gongkai.Search;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Catalog;

/// <summary>Where attachments are kept (outside the web root) and how large they may be. Section "Catalog".</summary>
public sealed class CatalogOptions
{
    public const string Section = "Catalog";

    /// <summary>Folder for attachment files; default "files" under Database:DataDir.</summary>
    public string? FilesDir { get; set; }

    public AttachmentLimits Attachments { get; set; } = new();

    public string FullFilesDir(DatabaseOptions database) => Path.GetFullPath(FilesDir ?? Path.Combine(database.FullDataDir, "files"));
}

public static class CatalogServices
{
    public static IServiceCollection AddCatalog(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new CatalogOptions();
        configuration.GetSection(CatalogOptions.Section).Bind(options);
        services.AddSingleton(options);

        services.AddScoped<CreateItem>();
        services.AddScoped<EditItem>();
        services.AddScoped<SubmitItem>();
        services.AddScoped<DeleteDraft>();
        services.AddScoped<ReviewItem>();
        services.AddScoped<ChangeItemStatus>();
        services.AddScoped<AddAttachment>();
        services.AddScoped<RemoveAttachment>();
        services.AddScoped<UpdateCatalogSettings>();
        services.AddScoped<ImportCatalog>();
        services.AddSingleton<CatalogVersion>();
        services.AddSingleton<Gongkai.Data.SaveSignals>();
        services.AddScoped<CatalogSearchIndex>();
        services.AddScoped<SearchCatalog>();
        services.AddScoped<Gongkai.Calendar.ICalendarChangeHandler, CatalogCalendarChanges>();
        return services;
    }
}
