using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Agencies;

public sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> b)
    {
        b.ToTable("agencies");
        b.HasKey(a => a.Id);
        b.Property(a => a.Code).HasMaxLength(32).IsRequired();
        b.HasIndex(a => a.Code).IsUnique();
        b.Property(a => a.Name).HasMaxLength(60).IsRequired();
        b.Property(a => a.CreditCode).HasMaxLength(18).IsRequired();
        b.HasIndex(a => a.CreditCode).IsUnique();
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20).IsRequired();
        b.HasOne<Agency>().WithMany().HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.Property(a => a.OfficeName).HasMaxLength(60);
        b.Property(a => a.OfficeAddress).HasMaxLength(120);
        b.Property(a => a.OfficeHours).HasMaxLength(120);
        b.Property(a => a.OfficePhone).HasMaxLength(30);
        b.Property(a => a.OfficeFax).HasMaxLength(30);
        b.Property(a => a.OnlineContact).HasMaxLength(200);
        b.Property(a => a.Version).IsConcurrencyToken();
    }
}
