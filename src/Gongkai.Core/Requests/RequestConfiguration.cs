using Gongkai.Agencies;
using Gongkai.Appeals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Requests;

// Enums with a machine key are stored by that key (e.g. "legal_person.commercial"), the rest by name.
public sealed class DisclosureRequestConfiguration : IEntityTypeConfiguration<DisclosureRequest>
{
    public void Configure(EntityTypeBuilder<DisclosureRequest> b)
    {
        b.ToTable("disclosure_requests");
        b.HasKey(r => r.Id);
        b.HasOne<Agency>().WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.Property(r => r.QueryCode).HasMaxLength(20).IsRequired();
        b.HasIndex(r => r.QueryCode).IsUnique();
        b.Property(r => r.PasswordCipher).HasMaxLength(200).IsRequired();
        b.Property(r => r.Fingerprint).HasMaxLength(64);
        // The same form submitted twice on the same day makes one request (see SubmitRequest).
        b.HasIndex(r => new { r.AgencyId, r.Fingerprint, r.ReceivedOn }).IsUnique();
        b.Property(r => r.ApplicantKind).HasConversion(k => k.Key(), s => ParseKind(s)).HasMaxLength(40);
        b.Property(r => r.ApplicantName).HasMaxLength(ApplicationValidation.MaxName).IsRequired();
        b.Property(r => r.IdNumberCipher).HasMaxLength(200);
        b.Property(r => r.ApplicantIndex).HasMaxLength(64);
        b.HasIndex(r => new { r.ApplicantIndex, r.ReceivedOn });
        b.Property(r => r.PhoneCipher).HasMaxLength(200);
        b.Property(r => r.EmailCipher).HasMaxLength(600);
        b.Property(r => r.AddressCipher).HasMaxLength(1000);
        b.Property(r => r.Description).HasMaxLength(ApplicationValidation.MaxDescription).IsRequired();
        b.Property(r => r.Form).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Delivery).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Channel).HasConversion(c => c.Key(), s => ParseChannel(s)).HasMaxLength(20);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(30);
        b.Property(r => r.HandlerId).HasMaxLength(64);
        b.Property(r => r.ResultLeaf).HasMaxLength(60);
        b.Property(r => r.ClockInputs).HasMaxLength(4000); // values are kept to ClockInputs.MaxLength (indexed)
        // The inbox tabs read only this index (see OpenDeadlines); "IsOpen" alone is a valid filter in SQLite and PostgreSQL.
        b.HasIndex(r => new { r.AgencyId, r.IsOpen, r.HandlerId, r.ClockInputs, r.Id }).HasFilter("\"IsOpen\"");
        b.HasIndex(r => new { r.AgencyId, r.IsOpen, r.ReceivedOn });
        b.HasIndex(r => new { r.AgencyId, r.Status, r.ReceivedOn, r.Id }); // status lists page on this index alone (RequestQueries.InboxAsync)
        // Annual report (Reporting/ReportRecordQueries.TallyAsync): a covering index for the year's requests, and one for those still open from before.
        b.HasIndex(r => new { r.AgencyId, r.ReceivedOn, r.DecidedOn, r.ApplicantKind, r.ResultLeaf }).HasDatabaseName("IX_disclosure_requests_report_tally");
        b.HasIndex(r => new { r.AgencyId, r.DecidedOn, r.ReceivedOn }).HasDatabaseName("IX_disclosure_requests_report_carried");
        // Ordered as TallyAsync groups, so SQLite's GROUP BY sorts rows that arrive nearly sorted (ReportRecordQueries.GroupIndex).
        b.HasIndex(r => new { r.AgencyId, r.ApplicantKind, r.ResultLeaf, r.ReceivedOn, r.DecidedOn }).HasDatabaseName("IX_disclosure_requests_report_group");
        b.HasMany(r => r.Events).WithOne().HasForeignKey(e => e.RequestId).OnDelete(DeleteBehavior.Restrict);
    }

    internal static ApplicantKind ParseKind(string s) => ApplicantKinds.TryParse(s, out var k) ? k : throw new InvalidOperationException($"unknown applicant kind '{s}'");
    internal static Channel ParseChannel(string s) => IntakeKeys.TryParseChannel(s, out var c) ? c : throw new InvalidOperationException($"unknown channel '{s}'");
}

public sealed class RequestEventRowConfiguration : IEntityTypeConfiguration<RequestEventRow>
{
    public void Configure(EntityTypeBuilder<RequestEventRow> b)
    {
        b.ToTable("request_events");
        b.HasKey(e => new { e.RequestId, e.Seq });
        b.Property(e => e.Type).HasConversion<string>().HasMaxLength(30);
        b.Property(e => e.Actor).HasMaxLength(64);
        b.Property(e => e.Channel).HasConversion(c => c!.Value.Key(), s => DisclosureRequestConfiguration.ParseChannel(s)).HasMaxLength(20);
        b.Property(e => e.Handler).HasMaxLength(64);
        b.Property(e => e.Party).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.FeeMethod).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.FeeAmount).HasPrecision(12, 2);
        b.Property(e => e.Situation).HasConversion(s => s!.Value.Key(), k => ParseSituation(k)).HasMaxLength(40);
        b.Property(e => e.PublicText).HasMaxLength(4000);
        b.Property(e => e.Note).HasMaxLength(2000);
    }

    private static DecisionSituation ParseSituation(string k) =>
        DecisionSituations.TryParse(k, out var s) ? s : throw new InvalidOperationException($"unknown situation '{k}'");
}

public sealed class RequestAgencySettingsConfiguration : IEntityTypeConfiguration<RequestAgencySettings>
{
    public void Configure(EntityTypeBuilder<RequestAgencySettings> b)
    {
        b.ToTable("request_agency_settings");
        b.HasKey(s => s.AgencyId);
        b.HasOne<Agency>().WithOne().HasForeignKey<RequestAgencySettings>(s => s.AgencyId).OnDelete(DeleteBehavior.Cascade);
        b.Property(s => s.ReconsiderationBody).HasMaxLength(100).IsRequired();
        b.Property(s => s.Court).HasMaxLength(100).IsRequired();
        b.Property(s => s.Version).IsConcurrencyToken();
    }
}

public sealed class RequestAppealConfiguration : IEntityTypeConfiguration<RequestAppeal>
{
    public void Configure(EntityTypeBuilder<RequestAppeal> b)
    {
        b.ToTable("request_appeals");
        b.HasKey(a => a.Id);
        b.HasOne<DisclosureRequest>().WithMany().HasForeignKey(a => a.RequestId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.RequestId, a.No }).IsUnique();
        b.HasIndex(a => new { a.AgencyId, a.FiledOn });
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Body).HasMaxLength(100).IsRequired();
        b.Property(a => a.Note).HasMaxLength(2000);
    }
}
