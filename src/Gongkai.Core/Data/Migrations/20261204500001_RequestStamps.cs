using Gongkai.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Gongkai.Data.Migrations;

/// <summary>The per-agency request stamps that tell other processes' inbox snapshots an agency's requests changed.</summary>
[DbContext(typeof(GongkaiDb))]
[Migration("20261204500001_RequestStamps")]
public sealed class RequestStampsTable : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable(
            name: "request_stamps",
            columns: t => new
            {
                AgencyId = t.Column<Guid>(nullable: false),
                Value = t.Column<Guid>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_request_stamps", x => x.AgencyId));
        // A row for every agency (a new agency gets its row when it is saved, see SaveSignals);
        // the zero value is valid as uuid (PostgreSQL) and as EF's Guid text (SQLite).
        var zero = m.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL" ? "'00000000-0000-0000-0000-000000000000'::uuid" : "'00000000-0000-0000-0000-000000000000'";
        m.Sql($"INSERT INTO request_stamps (\"AgencyId\", \"Value\") SELECT \"Id\", {zero} FROM agencies;");
    }

    protected override void Down(MigrationBuilder m) => m.DropTable("request_stamps");
}
