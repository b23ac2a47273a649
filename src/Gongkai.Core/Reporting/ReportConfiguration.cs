using Gongkai.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Reporting;

public sealed class AnnualReportConfiguration : IEntityTypeConfiguration<AnnualReport>
{
    public void Configure(EntityTypeBuilder<AnnualReport> b)
    {
        b.ToTable("annual_reports");
        b.HasKey(r => r.Id);
        b.HasOne<Agency>().WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.AgencyId, r.Year }).IsUnique();
        b.Property(r => r.Version).IsConcurrencyToken();
        b.Property(r => r.Format).HasConversion(f => f.Key(), s => ParseFormat(s)).HasMaxLength(10);
        b.Property(r => r.Scope).HasConversion<string>().HasMaxLength(10);
        b.Property(r => r.State).HasConversion<string>().HasMaxLength(12);
        b.Property(r => r.Overview).HasMaxLength(20000);
        b.Property(r => r.Problems).HasMaxLength(20000);
        b.Property(r => r.Other).HasMaxLength(20000);
        b.Property(r => r.NarrativeEditedBy).HasMaxLength(64);
        b.Property(r => r.PublishedBy).HasMaxLength(64);
        b.HasMany(r => r.Inputs).WithOne().HasForeignKey(i => i.ReportId).OnDelete(DeleteBehavior.Cascade);
    }

    private static ReportFormat ParseFormat(string s) =>
        ReportKeys.TryParseFormat(s, out var f) ? f : throw new InvalidOperationException($"unknown report format '{s}'");
}

public sealed class ReportInputConfiguration : IEntityTypeConfiguration<ReportInput>
{
    public void Configure(EntityTypeBuilder<ReportInput> b)
    {
        b.ToTable("annual_report_inputs");
        b.HasKey(i => new { i.ReportId, i.Seq });
        b.Property(i => i.Key).HasMaxLength(100).IsRequired();
        b.Property(i => i.Value).HasPrecision(18, 4);
        b.Property(i => i.RecordedBy).HasMaxLength(64).IsRequired();
    }
}
