using Gongkai.Agencies;
using Gongkai.Appeals;
using Gongkai.Audit;
using Gongkai.Calendar;
using Gongkai.Catalog;
using Gongkai.Requests;
using Gongkai.Reporting;
using Gongkai.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data;

/// <summary>
/// The one DbContext and unit of work. Staff accounts use the Identity user store tables
/// (no global Identity roles: our roles are scoped to an agency, see <see cref="StaffUserRole"/>).
/// Each feature configures its entities in its own IEntityTypeConfiguration class, registered below.
/// </summary>
public sealed class GongkaiDb(DbContextOptions<GongkaiDb> options, TimeProvider clock)
    : IdentityUserContext<StaffUser, Guid>(options)
{
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<StaffUserRole> StaffUserRoles => Set<StaffUserRole>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DisclosureRequest> DisclosureRequests => Set<DisclosureRequest>();
    public DbSet<RequestEventRow> RequestEvents => Set<RequestEventRow>();
    public DbSet<RequestAgencySettings> RequestAgencySettings => Set<RequestAgencySettings>();
    public DbSet<RequestAppeal> RequestAppeals => Set<RequestAppeal>();
    public DbSet<InformationItem> CatalogItems => Set<InformationItem>();
    public DbSet<PublishedItem> PublishedItems => Set<PublishedItem>();
    public DbSet<ItemVersion> ItemVersions => Set<ItemVersion>();
    public DbSet<ItemReview> ItemReviews => Set<ItemReview>();
    public DbSet<ItemAttachment> ItemAttachments => Set<ItemAttachment>();
    public DbSet<IndexCounter> IndexCounters => Set<IndexCounter>();
    public DbSet<AgencyCatalogSettings> CatalogSettings => Set<AgencyCatalogSettings>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<AnnualReport> AnnualReports => Set<AnnualReport>();

    /// <summary>Append entries to the hash-chained audit log; they are chained and saved with the next SaveChanges.</summary>
    public AuditLog Audit => new(this, clock);

    /// <summary>
    /// Saves the change with its audit entry (one transaction), or returns <paramref name="conflict"/> when another
    /// write won between our read and our write — a concurrency token, a primary key or a unique index tells
    /// (docs/edit-conflicts.md). Nothing of ours is then written, and the change tracker is cleared so that this
    /// scope shows what is stored.
    /// </summary>
    public async Task<Gongkai.Common.Error?> SaveOrRefuseAsync(Gongkai.Common.Error conflict, CancellationToken ct = default)
    {
        try
        {
            await SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException)
        {
            ChangeTracker.Clear();
            return conflict;
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<StaffUser>().ToTable("staff_users");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("staff_user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("staff_user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("staff_user_tokens");

        // One line per feature; keep this list explicit (no assembly scanning).
        builder.ApplyConfiguration(new AgencyConfiguration());
        builder.ApplyConfiguration(new StaffUserConfiguration());
        builder.ApplyConfiguration(new StaffUserRoleConfiguration());
        builder.ApplyConfiguration(new AuditEntryConfiguration());
        builder.ApplyConfiguration(new CalendarYearOverrideConfiguration());
        CatalogConfiguration.Apply(builder);
        builder.ApplyConfiguration(new DataProtectionKeyConfiguration());
        builder.ApplyConfiguration(new DisclosureRequestConfiguration());
        builder.ApplyConfiguration(new RequestEventRowConfiguration());
        builder.ApplyConfiguration(new RequestAgencySettingsConfiguration());
        builder.ApplyConfiguration(new RequestAppealConfiguration());
        builder.ApplyConfiguration(new RequestCatalogLinkConfiguration());
        builder.ApplyConfiguration(new CatalogStampConfiguration());
        builder.ApplyConfiguration(new RequestStampConfiguration());
        builder.ApplyConfiguration(new AnnualReportConfiguration());
        builder.ApplyConfiguration(new ReportInputConfiguration());
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        AuditChain.SaveWithChainAsync(this, () => base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken), cancellationToken);
}
