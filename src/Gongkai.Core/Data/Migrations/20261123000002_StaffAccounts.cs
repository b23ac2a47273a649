using Gongkai.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Gongkai.Data.Migrations;

/// <summary>ASP.NET Core Identity user-store tables (schema version 1, no Identity roles) plus agency-scoped roles.</summary>
[DbContext(typeof(GongkaiDb))]
[Migration("20261123000002_StaffAccounts")]
public sealed class StaffAccounts : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable(
            name: "staff_users",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                AgencyId = t.Column<Guid>(nullable: false),
                DisplayName = t.Column<string>(maxLength: 40, nullable: false),
                UserName = t.Column<string>(maxLength: 256, nullable: true),
                NormalizedUserName = t.Column<string>(maxLength: 256, nullable: true),
                Email = t.Column<string>(maxLength: 256, nullable: true),
                NormalizedEmail = t.Column<string>(maxLength: 256, nullable: true),
                EmailConfirmed = t.Column<bool>(nullable: false),
                PasswordHash = t.Column<string>(nullable: true),
                SecurityStamp = t.Column<string>(nullable: true),
                ConcurrencyStamp = t.Column<string>(nullable: true),
                PhoneNumber = t.Column<string>(nullable: true),
                PhoneNumberConfirmed = t.Column<bool>(nullable: false),
                TwoFactorEnabled = t.Column<bool>(nullable: false),
                LockoutEnd = t.Column<DateTimeOffset>(nullable: true),
                LockoutEnabled = t.Column<bool>(nullable: false),
                AccessFailedCount = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_staff_users", x => x.Id);
                t.ForeignKey("FK_staff_users_agencies_AgencyId", x => x.AgencyId, "agencies", "Id", onDelete: ReferentialAction.Restrict);
            });
        m.CreateIndex("EmailIndex", "staff_users", "NormalizedEmail");
        m.CreateIndex("UserNameIndex", "staff_users", "NormalizedUserName", unique: true);
        m.CreateIndex("IX_staff_users_AgencyId", "staff_users", "AgencyId");

        m.CreateTable(
            name: "staff_user_roles",
            columns: t => new
            {
                UserId = t.Column<Guid>(nullable: false),
                Role = t.Column<string>(maxLength: 20, nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_staff_user_roles", x => new { x.UserId, x.Role });
                t.ForeignKey("FK_staff_user_roles_staff_users_UserId", x => x.UserId, "staff_users", "Id", onDelete: ReferentialAction.Cascade);
            });

        m.CreateTable(
            name: "staff_user_claims",
            columns: t => new
            {
                Id = t.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                UserId = t.Column<Guid>(nullable: false),
                ClaimType = t.Column<string>(nullable: true),
                ClaimValue = t.Column<string>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_staff_user_claims", x => x.Id);
                t.ForeignKey("FK_staff_user_claims_staff_users_UserId", x => x.UserId, "staff_users", "Id", onDelete: ReferentialAction.Cascade);
            });
        m.CreateIndex("IX_staff_user_claims_UserId", "staff_user_claims", "UserId");

        m.CreateTable(
            name: "staff_user_logins",
            columns: t => new
            {
                LoginProvider = t.Column<string>(nullable: false),
                ProviderKey = t.Column<string>(nullable: false),
                ProviderDisplayName = t.Column<string>(nullable: true),
                UserId = t.Column<Guid>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_staff_user_logins", x => new { x.LoginProvider, x.ProviderKey });
                t.ForeignKey("FK_staff_user_logins_staff_users_UserId", x => x.UserId, "staff_users", "Id", onDelete: ReferentialAction.Cascade);
            });
        m.CreateIndex("IX_staff_user_logins_UserId", "staff_user_logins", "UserId");

        m.CreateTable(
            name: "staff_user_tokens",
            columns: t => new
            {
                UserId = t.Column<Guid>(nullable: false),
                LoginProvider = t.Column<string>(nullable: false),
                Name = t.Column<string>(nullable: false),
                Value = t.Column<string>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_staff_user_tokens", x => new { x.UserId, x.LoginProvider, x.Name });
                t.ForeignKey("FK_staff_user_tokens_staff_users_UserId", x => x.UserId, "staff_users", "Id", onDelete: ReferentialAction.Cascade);
            });
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("staff_user_tokens");
        m.DropTable("staff_user_logins");
        m.DropTable("staff_user_claims");
        m.DropTable("staff_user_roles");
        m.DropTable("staff_users");
    }
}
