using Gongkai.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Staff;

public sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(40).IsRequired();
        b.HasOne<Agency>().WithMany().HasForeignKey(u => u.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(u => u.Roles).WithOne().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class StaffUserRoleConfiguration : IEntityTypeConfiguration<StaffUserRole>
{
    public void Configure(EntityTypeBuilder<StaffUserRole> b)
    {
        b.ToTable("staff_user_roles");
        b.HasKey(r => new { r.UserId, r.Role });
        b.Property(r => r.Role).HasConversion<string>().HasMaxLength(20);
    }
}
