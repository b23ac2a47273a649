using Gongkai.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Gongkai.Data.Migrations;

/// <summary>The hash-chained audit log, with triggers that refuse UPDATE and DELETE at the database level.</summary>
[DbContext(typeof(GongkaiDb))]
[Migration("20261123000003_AuditLog")]
public sealed class AuditLog : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable(
            name: "audit_entries",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                Sequence = t.Column<long>(nullable: false),
                At = t.Column<DateTimeOffset>(nullable: false),
                Actor = t.Column<string>(maxLength: 64, nullable: false),
                AgencyId = t.Column<Guid>(nullable: true),
                Action = t.Column<string>(maxLength: 64, nullable: false),
                Entity = t.Column<string>(maxLength: 128, nullable: false),
                Summary = t.Column<string>(maxLength: 2000, nullable: false),
                PreviousHash = t.Column<string>(maxLength: 64, nullable: false),
                Hash = t.Column<string>(maxLength: 64, nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_audit_entries", x => x.Id));
        m.CreateIndex("IX_audit_entries_Sequence", "audit_entries", "Sequence", unique: true);
        m.CreateIndex("IX_audit_entries_AgencyId", "audit_entries", "AgencyId");
        m.CreateIndex("IX_audit_entries_Action", "audit_entries", "Action");

        if (m.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            m.Sql("""
                CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'audit_entries is append-only'; END $$;
                CREATE TRIGGER audit_entries_no_update BEFORE UPDATE OR DELETE ON audit_entries
                    FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
                """);
        }
        else if (m.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            m.Sql("CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END;");
            m.Sql("CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END;");
        }
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("audit_entries");
        if (m.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL") m.Sql("DROP FUNCTION audit_entries_append_only();");
    }
}
