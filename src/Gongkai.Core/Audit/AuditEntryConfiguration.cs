using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Audit;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_entries");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        // The unique index is what makes two concurrent writers collide instead of forking the chain.
        b.HasIndex(e => e.Sequence).IsUnique();
        b.Property(e => e.Actor).HasMaxLength(64).IsRequired();
        b.Property(e => e.Action).HasMaxLength(64).IsRequired();
        b.Property(e => e.Entity).HasMaxLength(128).IsRequired();
        b.Property(e => e.Summary).HasMaxLength(2000).IsRequired();
        b.Property(e => e.PreviousHash).HasMaxLength(64).IsRequired();
        b.Property(e => e.Hash).HasMaxLength(64).IsRequired();
        b.HasIndex(e => e.AgencyId);
        b.HasIndex(e => e.Action);
    }
}
