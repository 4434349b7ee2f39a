using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Http;

namespace CaseWork.Host.Identity.Administration;

/// <summary>The user administration as JSON under <c>/api/admin/users</c>, for the office's administrators (ADR 0034).</summary>
internal static class UserAdministrationEndpoints
{
    public static void MapUserAdministration(this IEndpointRouteBuilder endpoints)
    {
        var users = endpoints.MapGroup("/api/admin/users").RequireAuthorization(p => p.RequireRole(Roles.Administrator));
        users.MapGet("/", async (UserAdministration admin, CancellationToken ct) => (await admin.ListAsync(ct)).ToHttpResult());
        users.MapGet("/{id:guid}", async (Guid id, UserAdministration admin, CancellationToken ct) => (await admin.GetAsync(id, ct)).ToHttpResult());
        users.MapPost("/", async (NewUserAccount body, UserAdministration admin, CancellationToken ct) =>
            (await admin.CreateAsync(body, ct)).ToHttpResult(created => TypedResults.Created($"/api/admin/users/{created.Id}", created)));
        users.MapPut("/{id:guid}/roles", async (Guid id, RolesBody body, UserAdministration admin, CancellationToken ct) =>
            (await admin.ChangeRolesAsync(id, body.ConcurrencyStamp, body.Roles, ct)).ToHttpResult());
        users.MapPost("/{id:guid}/lock", async (Guid id, StampBody body, UserAdministration admin, CancellationToken ct) =>
            (await admin.LockAsync(id, body.ConcurrencyStamp, ct)).ToHttpResult());
        users.MapPost("/{id:guid}/unlock", async (Guid id, StampBody body, UserAdministration admin, CancellationToken ct) =>
            (await admin.UnlockAsync(id, body.ConcurrencyStamp, ct)).ToHttpResult());
        users.MapPost("/{id:guid}/password", async (Guid id, PasswordBody body, UserAdministration admin, CancellationToken ct) =>
            (await admin.ResetPasswordAsync(id, body.ConcurrencyStamp, body.Password, ct)).ToHttpResult());
    }

    /// <summary>The user's new roles and the concurrency stamp the caller read.</summary>
    internal sealed record RolesBody(IReadOnlyList<string>? Roles, string? ConcurrencyStamp);

    /// <summary>The concurrency stamp the caller read.</summary>
    internal sealed record StampBody(string? ConcurrencyStamp);

    /// <summary>The new password (empty: a one-time password is made up and returned once) and the concurrency stamp the caller read.</summary>
    internal sealed record PasswordBody(string? ConcurrencyStamp, string? Password);
}
