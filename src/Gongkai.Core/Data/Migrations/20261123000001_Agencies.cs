using Gongkai.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Gongkai.Data.Migrations;

[DbContext(typeof(GongkaiDb))]
[Migration("20261123000001_Agencies")]
public sealed class Agencies : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable(
            name: "agencies",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                Code = t.Column<string>(maxLength: 32, nullable: false),
                Name = t.Column<string>(maxLength: 60, nullable: false),
                CreditCode = t.Column<string>(maxLength: 18, nullable: false),
                Kind = t.Column<string>(maxLength: 20, nullable: false),
                ParentId = t.Column<Guid>(nullable: true),
                SortOrder = t.Column<int>(nullable: false),
                OfficeName = t.Column<string>(maxLength: 60, nullable: true),
                OfficeAddress = t.Column<string>(maxLength: 120, nullable: true),
                OfficeHours = t.Column<string>(maxLength: 120, nullable: true),
                OfficePhone = t.Column<string>(maxLength: 30, nullable: true),
                OfficeFax = t.Column<string>(maxLength: 30, nullable: true),
                OnlineContact = t.Column<string>(maxLength: 200, nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_agencies", x => x.Id);
                t.ForeignKey("FK_agencies_agencies_ParentId", x => x.ParentId, "agencies", "Id", onDelete: ReferentialAction.Restrict);
            });
        m.CreateIndex("IX_agencies_Code", "agencies", "Code", unique: true);
        m.CreateIndex("IX_agencies_CreditCode", "agencies", "CreditCode", unique: true);
        m.CreateIndex("IX_agencies_ParentId", "agencies", "ParentId");
    }

    protected override void Down(MigrationBuilder m) => m.DropTable("agencies");
}
