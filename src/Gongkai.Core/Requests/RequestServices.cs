using Gongkai.Appeals;
using Gongkai.Calendar;
using Gongkai.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Requests;

public static class RequestServices
{
    public const string KeyFileName = "personal-data.key";

    /// <summary>The request and appeal use cases, the personal-data protector and the clock adapter.</summary>
    public static IServiceCollection AddRequests(this IServiceCollection services)
    {
        // Resolved lazily, like the database options, so hosts and test factories can add configuration late.
        services.AddSingleton(sp =>
        {
            var options = new RequestOptions();
            sp.GetRequiredService<IConfiguration>().GetSection(RequestOptions.Section).Bind(options);
            if (!Gongkai.Reporting.ReportKeys.TryParseLeaf(options.Decisions.AlreadyPublicLeaf, out _))
                throw new InvalidOperationException($"配置项 Requests:Decisions:AlreadyPublicLeaf 的值“{options.Decisions.AlreadyPublicLeaf}”不是年报表三的结果键（如 result.granted）。" +
                    " / Requests:Decisions:AlreadyPublicLeaf is not a table-三 leaf key (e.g. result.granted).");
            return options;
        });
        services.AddSingleton(sp => PersonalDataProtector.FromBase64(
            ResolveKey(sp.GetRequiredService<RequestOptions>(), sp.GetRequiredService<DatabaseOptions>())));
        services.AddScoped(sp => new RequestClocks(sp.GetRequiredService<CalendarStore>().Current,
            new RequestClockOptions { FeePaymentPausesClock = sp.GetRequiredService<RequestOptions>().Fees.FeePaymentPausesClock }));

        services.AddScoped<RequestSteps>();
        services.AddSingleton<SubmissionWriteGate>();
        services.AddScoped<SubmitRequest>();
        services.AddScoped<RegisterRequest>();
        services.AddScoped<Gongkai.Search.SimilarCatalogItems>();
        services.AddScoped<PublishAnswer>();
        services.AddScoped<AnswerLinks>();
        services.AddScoped<RemedyBodySettings>();
        services.AddScoped<SimilarRequests>();
        services.AddScoped<AssignHandler>();
        services.AddScoped<RequestCorrection>();
        services.AddScoped<ReceiveCorrection>();
        services.AddScoped<SubmitCorrection>();
        services.AddScoped<StartConsultation>();
        services.AddScoped<ReplyConsultation>();
        services.AddScoped<ExtendDeadline>();
        services.AddScoped<NotifyFee>();
        services.AddScoped<RecordFeePayment>();
        services.AddScoped<RecordDecision>();
        services.AddScoped<ReviewReply>();
        services.AddScoped<Deliver>();
        services.AddScoped<CloseRequest>();
        services.AddScoped<Withdraw>();
        services.AddScoped<Supervise>();
        services.AddScoped<ComposeLetter>();
        services.AddScoped<ImportRegister>();
        services.AddScoped<RequestQueries>();
        services.AddSingleton<InboxSnapshots>();
        services.AddScoped<RecordAppeal>();
        services.AddScoped<RecordAppealOutcome>();
        services.AddScoped<ICalendarChangeHandler, RequestCalendarChanges>();
        return services;
    }

    /// <summary>
    /// The configured key; with SQLite and no key configured, a key file in the data directory
    /// (created on first start) so the embedded install works out of the box. PostgreSQL
    /// installations must configure <c>Requests:PersonalDataKey</c>: web nodes must share it.
    /// </summary>
    private static string ResolveKey(RequestOptions options, DatabaseOptions database)
    {
        if (!string.IsNullOrWhiteSpace(options.PersonalDataKey)) return options.PersonalDataKey;
        if (database.Provider != DatabaseProvider.sqlite)
            throw new InvalidOperationException("Requests:PersonalDataKey must be set (base64 of 32 random bytes, e.g. `openssl rand -base64 32`) when using PostgreSQL.");
        var path = Path.Combine(database.FullDataDir, KeyFileName);
        if (File.Exists(path)) return File.ReadAllText(path).Trim();
        Directory.CreateDirectory(database.FullDataDir);
        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        File.WriteAllText(path, key);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return key;
    }
}
