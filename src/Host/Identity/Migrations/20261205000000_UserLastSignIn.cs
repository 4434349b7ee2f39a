using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CaseWork.Host.Identity.Migrations;

/// <summary>When a user last signed in, for the user administration (ADR 0034).</summary>
[DbContext(typeof(IdentityStoreDbContext))]
[Migration("20261205000000_UserLastSignIn")]
internal sealed class UserLastSignIn : Migration
{
    private const string Schema = "identity";

    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<DateTimeOffset>(name: "LastSignInAt", schema: Schema, table: "AspNetUsers", nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn(name: "LastSignInAt", schema: Schema, table: "AspNetUsers");
}
