using Gongkai.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Gongkai.Data.Migrations;

/// <summary>Disclosure requests with their append-only event log, per-agency remedy bodies, and appeals.</summary>
[DbContext(typeof(GongkaiDb))]
[Migration("20261123000501_Requests")]
public sealed class Requests : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable(
            name: "disclosure_requests",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                AgencyId = t.Column<Guid>(nullable: false),
                QueryCode = t.Column<string>(maxLength: 20, nullable: false),
                PasswordCipher = t.Column<string>(maxLength: 200, nullable: false),
                Fingerprint = t.Column<string>(maxLength: 64, nullable: true),
                SubmittedAt = t.Column<DateTimeOffset>(nullable: false),
                ApplicantKind = t.Column<string>(maxLength: 40, nullable: false),
                ApplicantName = t.Column<string>(maxLength: 100, nullable: false),
                IdNumberCipher = t.Column<string>(maxLength: 200, nullable: true),
                ApplicantIndex = t.Column<string>(maxLength: 64, nullable: true),
                PhoneCipher = t.Column<string>(maxLength: 200, nullable: true),
                EmailCipher = t.Column<string>(maxLength: 600, nullable: true),
                AddressCipher = t.Column<string>(maxLength: 1000, nullable: true),
                Description = t.Column<string>(maxLength: 2000, nullable: false),
                Form = t.Column<string>(maxLength: 20, nullable: false),
                Delivery = t.Column<string>(maxLength: 20, nullable: false),
                Channel = t.Column<string>(maxLength: 20, nullable: false),
                ReceivedOn = t.Column<DateOnly>(nullable: false),
                Status = t.Column<string>(maxLength: 30, nullable: false),
                IsOpen = t.Column<bool>(nullable: false),
                HandlerId = t.Column<string>(maxLength: 64, nullable: true),
                ResultLeaf = t.Column<string>(maxLength: 60, nullable: true),
                DecidedOn = t.Column<DateOnly>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_disclosure_requests", x => x.Id);
                t.ForeignKey("FK_disclosure_requests_agencies_AgencyId", x => x.AgencyId, "agencies", "Id", onDelete: ReferentialAction.Restrict);
            });
        m.CreateIndex("IX_disclosure_requests_QueryCode", "disclosure_requests", "QueryCode", unique: true);
        m.CreateIndex("IX_disclosure_requests_AgencyId_Fingerprint_ReceivedOn", "disclosure_requests", ["AgencyId", "Fingerprint", "ReceivedOn"], unique: true);
        m.CreateIndex("IX_disclosure_requests_ApplicantIndex_ReceivedOn", "disclosure_requests", ["ApplicantIndex", "ReceivedOn"]);
        m.CreateIndex("IX_disclosure_requests_AgencyId_IsOpen_ReceivedOn", "disclosure_requests", ["AgencyId", "IsOpen", "ReceivedOn"]);
        m.CreateIndex("IX_disclosure_requests_AgencyId_Status_ReceivedOn", "disclosure_requests", ["AgencyId", "Status", "ReceivedOn"]);

        m.CreateTable(
            name: "request_events",
            columns: t => new
            {
                RequestId = t.Column<Guid>(nullable: false),
                Seq = t.Column<int>(nullable: false),
                RecordedAt = t.Column<DateTimeOffset>(nullable: false),
                Type = t.Column<string>(maxLength: 30, nullable: false),
                On = t.Column<DateOnly>(nullable: false),
                Actor = t.Column<string>(maxLength: 64, nullable: true),
                Channel = t.Column<string>(maxLength: 20, nullable: true),
                Handler = t.Column<string>(maxLength: 64, nullable: true),
                DueOn = t.Column<DateOnly>(nullable: true),
                Days = t.Column<int>(nullable: true),
                ApprovedByOfficeHead = t.Column<bool>(nullable: false),
                Party = t.Column<string>(maxLength: 20, nullable: true),
                ConsultationNo = t.Column<int>(nullable: true),
                Silent = t.Column<bool>(nullable: false),
                FeeMethod = t.Column<string>(maxLength: 20, nullable: true),
                FeeQuantity = t.Column<int>(nullable: true),
                FeeAmount = t.Column<decimal>(precision: 12, scale: 2, nullable: true),
                Situation = t.Column<string>(maxLength: 40, nullable: true),
                PublicText = t.Column<string>(maxLength: 4000, nullable: true),
                Imported = t.Column<bool>(nullable: false),
                Note = t.Column<string>(maxLength: 2000, nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_request_events", x => new { x.RequestId, x.Seq });
                t.ForeignKey("FK_request_events_disclosure_requests_RequestId", x => x.RequestId, "disclosure_requests", "Id", onDelete: ReferentialAction.Restrict);
            });

        m.CreateTable(
            name: "request_agency_settings",
            columns: t => new
            {
                AgencyId = t.Column<Guid>(nullable: false),
                ReconsiderationBody = t.Column<string>(maxLength: 100, nullable: false),
                Court = t.Column<string>(maxLength: 100, nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_request_agency_settings", x => x.AgencyId);
                t.ForeignKey("FK_request_agency_settings_agencies_AgencyId", x => x.AgencyId, "agencies", "Id", onDelete: ReferentialAction.Cascade);
            });

        m.CreateTable(
            name: "request_appeals",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                RequestId = t.Column<Guid>(nullable: false),
                AgencyId = t.Column<Guid>(nullable: false),
                No = t.Column<int>(nullable: false),
                Kind = t.Column<string>(maxLength: 30, nullable: false),
                FiledOn = t.Column<DateOnly>(nullable: false),
                Body = t.Column<string>(maxLength: 100, nullable: false),
                Outcome = t.Column<string>(maxLength: 20, nullable: false),
                DecidedOn = t.Column<DateOnly>(nullable: true),
                Note = t.Column<string>(maxLength: 2000, nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_request_appeals", x => x.Id);
                t.ForeignKey("FK_request_appeals_disclosure_requests_RequestId", x => x.RequestId, "disclosure_requests", "Id", onDelete: ReferentialAction.Restrict);
            });
        m.CreateIndex("IX_request_appeals_RequestId_No", "request_appeals", ["RequestId", "No"], unique: true);
        m.CreateIndex("IX_request_appeals_AgencyId_FiledOn", "request_appeals", ["AgencyId", "FiledOn"]);

        // The log is append-only at the database level too, like the audit log.
        if (m.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            m.Sql("""
                CREATE FUNCTION request_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'request_events is append-only'; END $$;
                CREATE TRIGGER request_events_no_update BEFORE UPDATE OR DELETE ON request_events
                    FOR EACH ROW EXECUTE FUNCTION request_events_append_only();
                """);
        }
        else if (m.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            m.Sql("CREATE TRIGGER request_events_no_update BEFORE UPDATE ON request_events BEGIN SELECT RAISE(ABORT, 'request_events is append-only'); END;");
            m.Sql("CREATE TRIGGER request_events_no_delete BEFORE DELETE ON request_events BEGIN SELECT RAISE(ABORT, 'request_events is append-only'); END;");
        }
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("request_appeals");
        m.DropTable("request_agency_settings");
        m.DropTable("request_events");
        m.DropTable("disclosure_requests");
        if (m.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL") m.Sql("DROP FUNCTION request_events_append_only();");
    }
}
