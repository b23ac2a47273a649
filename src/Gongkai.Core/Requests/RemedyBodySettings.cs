using Gongkai.Common;
using Gongkai.Data;
using Gongkai.Staff;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Requests;

/// <summary>The remedy bodies an agency names in its reply letters, whether they are the configured defaults, and the
/// settings' version (0 until first saved) that a form carries back so a save over someone else's newer one is refused.</summary>
public sealed record RemedySettingsView(RemedyBodies Bodies, bool IsDefault, long Version = 0);

/// <summary>
/// The agency admin sets the reconsideration body (复议机关) and the court (人民法院) named in the remedies
/// notice of every reply letter; until then the defaults of <see cref="RequestOptions"/> are used.
/// </summary>
public sealed class RemedyBodySettings(GongkaiDb db, RequestOptions options)
{
    public const int MaxLength = 100;

    private static readonly Error EditedMeanwhile = new("edited_meanwhile",
        "本机关的救济机关设置刚被他人修改，您的修改没有保存。请刷新页面，核对最新设置后再保存。");

    public async Task<RemedySettingsView> GetAsync(Guid agencyId, CancellationToken ct = default)
    {
        var s = await db.RequestAgencySettings.AsNoTracking().FirstOrDefaultAsync(x => x.AgencyId == agencyId, ct);
        return s is null
            ? new RemedySettingsView(new RemedyBodies(options.DefaultReconsiderationBody, options.DefaultCourt), true)
            : new RemedySettingsView(new RemedyBodies(s.ReconsiderationBody, s.Court), false, s.Version);
    }

    /// <param name="seenVersion">The <see cref="RemedySettingsView.Version"/> the admin's form was built from; null skips the check.</param>
    public async Task<Result<RemedyBodies>> SaveAsync(StaffActor actor, string? reconsiderationBody, string? court, CancellationToken ct = default, long? seenVersion = null)
    {
        if (!actor.Roles.Contains(StaffRole.agency_admin))
            return new Error("forbidden", "只有本机关的机关管理员可以设置复议机关和人民法院。");
        var errors = new List<Error>();
        var body = TextRules.Check(errors, "reconsiderationBody", "行政复议机关", reconsiderationBody, MaxLength, required: true);
        var courtName = TextRules.Check(errors, "court", "人民法院", court, MaxLength, required: true);
        if (errors.Count > 0) return Result<RemedyBodies>.Fail(errors);

        var s = await db.RequestAgencySettings.FirstOrDefaultAsync(x => x.AgencyId == actor.AgencyId, ct);
        if (seenVersion is { } seen && (s?.Version ?? 0) != seen) return EditedMeanwhile;
        var before = s is null ? "默认" : $"{s.ReconsiderationBody}；{s.Court}";
        if (s is null) db.RequestAgencySettings.Add(s = new RequestAgencySettings { AgencyId = actor.AgencyId });
        s.ReconsiderationBody = body!;
        s.Court = courtName!;
        s.Version++;
        db.Audit.Record(actor.AuditName, actor.AgencyId, "requests.remedies", $"Agency:{actor.AgencyId}",
            $"修改答复书中的救济机关：{before} → {body}；{courtName}");
        // Another admin saved between our read and our write (the version token, or the key of a first save, tells).
        if (await db.SaveOrRefuseAsync(EditedMeanwhile, ct) is { } conflict) return conflict;
        return Result<RemedyBodies>.Ok(new RemedyBodies(body!, courtName!));
    }
}
