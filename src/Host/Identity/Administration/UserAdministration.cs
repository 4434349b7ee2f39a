using System.Net.Mail;
using CaseWork.BuildingBlocks.Auditing;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.BuildingBlocks.Results;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Host.Identity.Administration;

/// <summary>A user of the office as its administrators see it: no password, no security data beyond whether the account is locked.</summary>
/// <param name="Id">User id.</param>
/// <param name="DisplayName">Name.</param>
/// <param name="Email">E-mail address, which is also the sign-in name.</param>
/// <param name="Roles">Roles, in <see cref="BuildingBlocks.Identity.Roles.All"/> order.</param>
/// <param name="State"><see cref="UserAccountStates"/>: active, locked by an administrator, or locked out for a while after failed sign-ins.</param>
/// <param name="LockedOutUntil">Until when a temporary lockout lasts.</param>
/// <param name="LastSignInAt">The last sign-in, if one was recorded.</param>
/// <param name="ConcurrencyStamp">Identity's concurrency stamp; a change sends it back and is refused when someone else changed the user since.</param>
/// <param name="IsSelf">Whether this is the administrator looking at it.</param>
internal sealed record UserAccount(
    Guid Id,
    string DisplayName,
    string? Email,
    IReadOnlyList<string> Roles,
    string State,
    DateTimeOffset? LockedOutUntil,
    DateTimeOffset? LastSignInAt,
    string ConcurrencyStamp,
    bool IsSelf);

/// <summary>The states of <see cref="UserAccount.State"/>.</summary>
internal static class UserAccountStates
{
    public const string Active = "active";
    public const string Locked = "locked";
    public const string LockedOut = "locked-out";
}

/// <summary>A new user: name, e-mail address, roles, and a password (empty: CaseWork makes up a one-time initial password).</summary>
internal sealed record NewUserAccount(string? DisplayName, string? Email, IReadOnlyList<string>? Roles, string? Password);

/// <summary>The created user; <paramref name="InitialPassword"/> is the made-up password, shown once, or null when the administrator set one.</summary>
internal sealed record UserAccountCreated(Guid Id, string? InitialPassword);

/// <summary>A reset password; <paramref name="InitialPassword"/> as for <see cref="UserAccountCreated"/>.</summary>
internal sealed record UserPasswordReset(Guid Id, string? InitialPassword);

/// <summary>
/// An office's administrators manage the office's users (ADR 0034): list, create, change roles, lock and unlock, reset a
/// password. Other offices' users do not exist for them. An administrator cannot lock themself or take their own
/// Administrator role, so an office always keeps the administrator who is acting. Every change is recorded in the audit
/// trail before it is saved, and a change that then is not saved is recorded as such (ADR 0009).
/// </summary>
internal sealed class UserAdministration(
    IdentityStoreDbContext db,
    UserManager<CaseWorkUser> users,
    ICurrentUser current,
    IAuditTrail audit,
    TimeProvider time)
{
    /// <summary>The audit trail's module name for the host-owned identity store.</summary>
    public const string AuditModule = "Identity";

    /// <summary>The lockout end an administrator's lock sets: a lockout that never runs out by itself (Identity's failed sign-ins lock for 15 minutes).</summary>
    public static readonly DateTimeOffset LockedByAdministrator = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    private static readonly Error NoOffice = Error.Forbidden("no-office", "Nur für die Administration einer Beratungsstelle.");

    private static readonly Error UserNotFound = Error.NotFound("user-not-found", "Diese Person gibt es in Ihrer Beratungsstelle nicht.");

    private static readonly Error StaleEdit = Error.Conflict(
        "concurrent-edit", "Jemand hat diese Person inzwischen geändert. Die Seite zeigt jetzt den aktuellen Stand; bitte die Änderung erneut vornehmen.");

    /// <summary>Whether a lockout end is an administrator's lock (not the temporary one after failed sign-ins).</summary>
    public static bool IsLockedByAdministrator(DateTimeOffset? lockoutEnd) => lockoutEnd is { } end && end.Year >= LockedByAdministrator.Year;

    public async Task<Result<IReadOnlyList<UserAccount>>> ListAsync(CancellationToken cancellationToken)
    {
        if (current.OfficeId is not { } office)
        {
            return NoOffice;
        }

        var found = await db.Users.AsNoTracking().Where(u => u.OfficeId == office.Value).ToListAsync(cancellationToken);
        var roles = await RolesOfAsync([.. found.Select(u => u.Id)], cancellationToken);
        return found
            .Select(u => ToAccount(u, roles.GetValueOrDefault(u.Id, [])))
            .OrderBy(u => u.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }

    public async Task<Result<UserAccount>> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (current.OfficeId is not { } office)
        {
            return NoOffice;
        }

        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id && u.OfficeId == office.Value, cancellationToken);
        if (user is null)
        {
            return UserNotFound;
        }

        var roles = await RolesOfAsync([user.Id], cancellationToken);
        return ToAccount(user, roles.GetValueOrDefault(user.Id, []));
    }

    public async Task<Result<UserAccountCreated>> CreateAsync(NewUserAccount input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (current.OfficeId is not { } office)
        {
            return NoOffice;
        }

        var errors = new Dictionary<string, List<string>>();
        var name = input.DisplayName?.Trim() ?? "";
        if (name.Length == 0)
        {
            Add(errors, "displayName", "Bitte den Namen angeben.");
        }
        else if (name.Length > 200)
        {
            Add(errors, "displayName", "Der Name darf höchstens 200 Zeichen lang sein.");
        }

        var email = input.Email?.Trim() ?? "";
        if (email.Length == 0)
        {
            Add(errors, "email", "Bitte die E-Mail-Adresse angeben.");
        }
        else if (email.Length > 256 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
        {
            Add(errors, "email", "Bitte eine gültige E-Mail-Adresse angeben.");
        }

        var roles = CheckRoles(input.Roles, errors);
        var candidate = new CaseWorkUser
        {
            Id = Guid.CreateVersion7(),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = name,
            OfficeId = office.Value,
            PreferredCulture = "de",
            LockoutEnabled = true,
        };
        var password = string.IsNullOrEmpty(input.Password) ? null : input.Password;
        if (password is not null)
        {
            await CheckPasswordAsync(candidate, password, errors);
        }

        if (!errors.ContainsKey("email") && (await users.FindByEmailAsync(email) is not null || await users.FindByNameAsync(email) is not null))
        {
            Add(errors, "email", "Für diese E-Mail-Adresse gibt es schon ein Konto.");
        }

        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        var initialPassword = password is null ? InitialPassword.Generate() : null;
        await RecordAsync(AuditAction.Create, candidate.Id, $"roles: {string.Join(", ", roles)}", cancellationToken);
        var saved = await SaveAsync(candidate.Id, AuditAction.Create, async () =>
        {
            var created = await users.CreateAsync(candidate, password ?? initialPassword!);
            return created.Succeeded ? await users.AddToRolesAsync(candidate, roles) : created;
        }, cancellationToken);
        return saved is { } error ? error : new UserAccountCreated(candidate.Id, initialPassword);
    }

    public async Task<Result<UserAccount>> ChangeRolesAsync(Guid id, string? concurrencyStamp, IReadOnlyList<string>? roles, CancellationToken cancellationToken)
    {
        var found = await FindAsync(id, concurrencyStamp, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var user = found.Value;
        var errors = new Dictionary<string, List<string>>();
        var wanted = CheckRoles(roles, errors);
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        var had = await users.GetRolesAsync(user);
        if (IsSelf(user) && had.Contains(Roles.Administrator) && !wanted.Contains(Roles.Administrator))
        {
            return Error.Forbidden(
                "own-administrator-role",
                "Sie können sich die Rolle Administration nicht selbst entziehen – so bleibt die Beratungsstelle nie ohne Administration. Das kann nur eine andere Person mit dieser Rolle.");
        }

        var added = wanted.Except(had, StringComparer.Ordinal).ToList();
        var removed = had.Except(wanted, StringComparer.Ordinal).ToList();
        if (added.Count > 0 || removed.Count > 0)
        {
            var details = string.Join(", ", added.Select(r => "+" + r).Concat(removed.Select(r => "-" + r)));
            await RecordAsync(AuditAction.Update, user.Id, $"roles: {details}", cancellationToken);

            // The user's other sessions pick the new roles up at their next security-stamp check (Identity re-reads the user).
            var failed = await SaveAsync(user.Id, AuditAction.Update, async () =>
            {
                var result = removed.Count > 0 ? await users.RemoveFromRolesAsync(user, removed) : IdentityResult.Success;
                return result.Succeeded && added.Count > 0 ? await users.AddToRolesAsync(user, added) : result;
            }, cancellationToken);
            if (failed is { } error)
            {
                return error;
            }
        }

        return await GetAsync(id, cancellationToken);
    }

    public async Task<Result<UserAccount>> LockAsync(Guid id, string? concurrencyStamp, CancellationToken cancellationToken)
    {
        var found = await FindAsync(id, concurrencyStamp, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var user = found.Value;
        if (IsSelf(user))
        {
            return Error.Forbidden("own-account", "Sie können Ihr eigenes Konto nicht sperren.");
        }

        if (!IsLockedByAdministrator(user.LockoutEnd))
        {
            await RecordAsync(AuditAction.Update, user.Id, "locked", cancellationToken);

            // A new security stamp ends the user's sessions at their next check; lockout and stamp are saved in one update.
            user.LockoutEnabled = true;
            user.LockoutEnd = LockedByAdministrator;
            if (await SaveAsync(user.Id, AuditAction.Update, () => users.UpdateSecurityStampAsync(user), cancellationToken) is { } error)
            {
                return error;
            }
        }

        return await GetAsync(id, cancellationToken);
    }

    public async Task<Result<UserAccount>> UnlockAsync(Guid id, string? concurrencyStamp, CancellationToken cancellationToken)
    {
        var found = await FindAsync(id, concurrencyStamp, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var user = found.Value;
        if (user.LockoutEnd is not null || user.AccessFailedCount > 0)
        {
            await RecordAsync(AuditAction.Update, user.Id, "unlocked", cancellationToken);
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            if (await SaveAsync(user.Id, AuditAction.Update, () => users.UpdateAsync(user), cancellationToken) is { } error)
            {
                return error;
            }
        }

        return await GetAsync(id, cancellationToken);
    }

    public async Task<Result<UserPasswordReset>> ResetPasswordAsync(Guid id, string? concurrencyStamp, string? password, CancellationToken cancellationToken)
    {
        var found = await FindAsync(id, concurrencyStamp, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var user = found.Value;
        var chosen = string.IsNullOrEmpty(password) ? null : password;
        if (chosen is not null)
        {
            var errors = new Dictionary<string, List<string>>();
            await CheckPasswordAsync(user, chosen, errors);
            if (errors.Count > 0)
            {
                return Invalid(errors);
            }
        }

        var initialPassword = chosen is null ? InitialPassword.Generate() : null;
        await RecordAsync(AuditAction.Update, user.Id, chosen is null ? "password reset (one-time password)" : "password reset (set by administrator)", cancellationToken);

        // Resetting changes the security stamp: the user's sessions end at their next check.
        var token = await users.GeneratePasswordResetTokenAsync(user);
        if (await SaveAsync(user.Id, AuditAction.Update, () => users.ResetPasswordAsync(user, token, chosen ?? initialPassword!), cancellationToken) is { } error)
        {
            return error;
        }

        return new UserPasswordReset(user.Id, initialPassword);
    }

    private async Task<Result<CaseWorkUser>> FindAsync(Guid id, string? concurrencyStamp, CancellationToken cancellationToken)
    {
        if (current.OfficeId is not { } office)
        {
            return NoOffice;
        }

        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id && u.OfficeId == office.Value, cancellationToken);
        if (user is null)
        {
            return UserNotFound;
        }

        // The form's stamp is what the administrator saw; Identity's own check (the stamp as concurrency token) covers the race after this.
        return user.ConcurrencyStamp == concurrencyStamp ? user : StaleEdit;
    }

    /// <summary>Runs the Identity operations in one transaction; null when they succeeded, else the error (and the trail says the change was not saved).</summary>
    private async Task<Error?> SaveAsync(Guid userId, AuditAction action, Func<Task<IdentityResult>> operation, CancellationToken cancellationToken)
    {
        string why;
        Error error;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            try
            {
                var result = await operation();
                if (result.Succeeded)
                {
                    await transaction.CommitAsync(cancellationToken);
                    return null;
                }

                why = string.Join(",", result.Errors.Select(e => e.Code));
                error = ToError(result);
            }
            catch (DbUpdateException ex) when (StoreErrors.IsUniqueViolation(ex))
            {
                // Two administrators created an account for the same address at the same moment.
                why = "DuplicateEmail";
                error = Invalid(new Dictionary<string, List<string>> { ["email"] = ["Für diese E-Mail-Adresse gibt es schon ein Konto."] });
            }
            catch (Exception failure)
            {
                await RecordNotSavedAsync(userId, action, failure.GetType().Name);
                throw;
            }
        }

        db.ChangeTracker.Clear();
        await RecordNotSavedAsync(userId, action, why);
        return error;
    }

    private Task RecordAsync(AuditAction action, Guid userId, string details, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditRecord(AuditModule, action, "User", userId.ToString(), Details: details), cancellationToken);

    private Task RecordNotSavedAsync(Guid userId, AuditAction action, string why) =>
        audit.RecordAsync(new AuditRecord(AuditModule, AuditAction.NotSaved, "User", userId.ToString(), Details: $"{action} not saved: {why}"), CancellationToken.None);

    private bool IsSelf(CaseWorkUser user) => current.UserId?.Value == user.Id;

    private UserAccount ToAccount(CaseWorkUser user, IReadOnlyList<string> roles)
    {
        var now = time.GetUtcNow();
        var state = user.LockoutEnd is { } end && end > now
            ? IsLockedByAdministrator(end) ? UserAccountStates.Locked : UserAccountStates.LockedOut
            : UserAccountStates.Active;
        return new UserAccount(
            user.Id,
            user.DisplayName,
            user.Email,
            roles,
            state,
            state == UserAccountStates.LockedOut ? user.LockoutEnd : null,
            user.LastSignInAt,
            user.ConcurrencyStamp ?? "",
            IsSelf(user));
    }

    private async Task<Dictionary<Guid, IReadOnlyList<string>>> RolesOfAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken)
    {
        var pairs = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where userIds.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        return pairs.GroupBy(p => p.UserId).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<string>)[.. Roles.All.Where(role => g.Any(p => p.Name == role))]);
    }

    private static List<string> CheckRoles(IReadOnlyList<string>? roles, Dictionary<string, List<string>> errors)
    {
        var given = (roles ?? []).Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim()).Distinct(StringComparer.Ordinal).ToList();
        foreach (var unknown in given.Where(r => !Roles.All.Contains(r)))
        {
            Add(errors, "roles", $"Die Rolle „{unknown}“ gibt es nicht.");
        }

        if (given.Count == 0)
        {
            Add(errors, "roles", "Bitte mindestens eine Rolle wählen.");
        }

        return [.. Roles.All.Where(given.Contains)];
    }

    private async Task CheckPasswordAsync(CaseWorkUser user, string password, Dictionary<string, List<string>> errors)
    {
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            foreach (var failure in result.Errors)
            {
                Add(errors, "password", PasswordMessage(failure));
            }
        }
    }

    /// <summary>Identity's password rules in German (its own descriptions are English).</summary>
    private string PasswordMessage(IdentityError error) => error.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordTooShort) => $"Das Passwort muss mindestens {users.Options.Password.RequiredLength} Zeichen lang sein.",
        nameof(IdentityErrorDescriber.PasswordRequiresDigit) => "Das Passwort muss mindestens eine Ziffer enthalten.",
        nameof(IdentityErrorDescriber.PasswordRequiresLower) => "Das Passwort muss mindestens einen Kleinbuchstaben enthalten.",
        nameof(IdentityErrorDescriber.PasswordRequiresUpper) => "Das Passwort muss mindestens einen Großbuchstaben enthalten.",
        nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric) => "Das Passwort muss mindestens ein Sonderzeichen enthalten.",
        nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => "Das Passwort enthält zu wenige verschiedene Zeichen.",
        _ => error.Description,
    };

    private Error ToError(IdentityResult result)
    {
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
        {
            return StaleEdit;
        }

        var errors = new Dictionary<string, List<string>>();
        foreach (var error in result.Errors)
        {
            switch (error.Code)
            {
                case nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName):
                    Add(errors, "email", "Für diese E-Mail-Adresse gibt es schon ein Konto.");
                    break;
                case nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName):
                    Add(errors, "email", "Bitte eine gültige E-Mail-Adresse angeben.");
                    break;
                case var code when code.StartsWith("Password", StringComparison.Ordinal):
                    Add(errors, "password", PasswordMessage(error));
                    break;
                default:
                    Add(errors, "", error.Description);
                    break;
            }
        }

        return Invalid(errors);
    }

    private static void Add(Dictionary<string, List<string>> errors, string field, string message)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }

        if (!list.Contains(message))
        {
            list.Add(message);
        }
    }

    private static Error Invalid(Dictionary<string, List<string>> errors) =>
        Error.Validation(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
}
