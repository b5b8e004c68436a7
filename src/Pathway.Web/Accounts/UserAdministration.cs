using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Pathway.Web.Accounts.Events;
using Pathway.Web.Data;

namespace Pathway.Web.Accounts;

public sealed record NewUser(string Email, string Password, string Role, string? CountryIso3, string? RegionCode, string? DisplayName = null);

/// <summary>The outcome of an account change: the user, or every problem found, keyed by field.</summary>
public sealed record AccountResult(PathwayUser? User, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Creating accounts and setting their role and scope. The command line, the admin pages and the
/// tests all come through here, so the rules (a country role needs a country, and so on) hold everywhere.
/// </summary>
public sealed class UserAdministration(
    UserManager<PathwayUser> users, RoleManager<IdentityRole> roles, PathwayDb db, TimeProvider clock,
    IStringLocalizer<SharedResource> L, AccountLog log, CurrentUser actor)
{
    public async Task<AccountResult> CreateAsync(NewUser request, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string[]>();
        var (role, country, region) = await CheckScopeAsync(request.Role, request.CountryIso3, request.RegionCode, errors, cancellationToken);
        if (string.IsNullOrWhiteSpace(request.Email) || !request.Email.Contains('@', StringComparison.Ordinal))
        {
            errors["email"] = [L["Users.Error.EmailInvalid"]];
        }
        else if (await users.FindByEmailAsync(request.Email) is not null)
        {
            errors["email"] = [L["Users.Error.EmailTaken"]];
        }
        var user = new PathwayUser
        {
            UserName = request.Email.Trim(),
            Email = request.Email.Trim(),
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(request.DisplayName) ? request.Email.Trim() : request.DisplayName.Trim(),
            CountryIso3 = country,
            RegionCode = region,
            CreatedAt = clock.GetUtcNow(),
        };
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, request.Password ?? "");
            if (!result.Succeeded)
            {
                errors["password"] = [.. result.Errors.Select(error => error.Description)];
            }
        }
        if (errors.Count > 0)
        {
            return new(null, errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await EnsureRoleAsync(role!);
        var created = await users.CreateAsync(user, request.Password!);
        if (!created.Succeeded)
        {
            return new(null, new Dictionary<string, string[]> { ["email"] = [.. created.Errors.Select(error => error.Description)] });
        }
        await users.AddToRoleAsync(user, role!);
        await transaction.CommitAsync(cancellationToken);
        return new(user, errors);
    }

    /// <summary>Gives the account one role and the scope that role needs.</summary>
    public async Task<AccountResult> SetRoleAsync(PathwayUser user, string roleName, string? countryIso3, string? regionCode, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string[]>();
        var (role, country, region) = await CheckScopeAsync(roleName, countryIso3, regionCode, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return new(null, errors);
        }
        var (roleBefore, scopeBefore) = ((await users.GetRolesAsync(user)).FirstOrDefault(), user.CountryIso3 ?? user.RegionCode);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await EnsureRoleAsync(role!);
        await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user));
        await users.AddToRoleAsync(user, role!);
        user.CountryIso3 = country;
        user.RegionCode = region;
        await users.UpdateAsync(user);
        // Ends existing sessions (cookies and tokens) with the old role and scope at their next request.
        await users.UpdateSecurityStampAsync(user);
        await log.RecordAsync(user, AccountEventKind.RoleChanged,
            AccountEventDetail.RoleChanged(roleBefore, scopeBefore, role, country ?? region, actor.Name), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new(user, errors);
    }

    public async Task SetLockedAsync(PathwayUser user, bool locked)
    {
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
        if (!locked)
        {
            await users.ResetAccessFailedCountAsync(user);
        }
        await users.UpdateSecurityStampAsync(user);
        await log.RecordAsync(user, locked ? AccountEventKind.AccountLocked : AccountEventKind.AccountUnlocked, AccountEventDetail.ChangedBy(actor.Name));
    }

    public Task<bool> AnyAdministratorAsync() =>
        db.UserRoles.AnyAsync(link => db.Roles.Any(role => role.Id == link.RoleId && role.Name == Roles.Administrator));

    private async Task<(string? Role, string? Country, string? Region)> CheckScopeAsync(
        string? roleName, string? countryIso3, string? regionCode, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        var role = Roles.All.FirstOrDefault(known => string.Equals(known, roleName?.Trim(), StringComparison.OrdinalIgnoreCase));
        var country = string.IsNullOrWhiteSpace(countryIso3) ? null : countryIso3.Trim().ToUpperInvariant();
        var region = string.IsNullOrWhiteSpace(regionCode) ? null : regionCode.Trim().ToUpperInvariant();
        if (role is null)
        {
            errors["role"] = [L["Users.Error.UnknownRole", roleName ?? "", string.Join(", ", Roles.All)]];
            return (null, null, null);
        }
        if (country is not null && !await db.Countries.AnyAsync(c => c.Iso3 == country, cancellationToken))
        {
            errors["country"] = [L["Users.Error.UnknownCountry", countryIso3!]];
        }
        if (region is not null && !await db.Regions.AnyAsync(r => r.Code == region, cancellationToken))
        {
            errors["region"] = [L["Users.Error.UnknownRegion", regionCode!]];
        }
        switch (Roles.ScopeOf(role))
        {
            case ScopeKind.Country:
                if (country is null)
                {
                    errors["country"] = [L["Users.Error.CountryNeeded", role]];
                }
                if (region is not null)
                {
                    errors["region"] = [L["Users.Error.CountryNotRegion", role]];
                }
                break;
            case ScopeKind.Region:
                if (region is null)
                {
                    errors["region"] = [L["Users.Error.RegionNeeded", role]];
                }
                if (country is not null)
                {
                    errors["country"] = [L["Users.Error.RegionNotCountry", role]];
                }
                break;
            case ScopeKind.RegionOrGlobal:
                if (country is not null)
                {
                    errors["country"] = [L["Users.Error.ReviewerNotCountry", role]];
                }
                break;
            default:
                if (country is not null || region is not null)
                {
                    errors["role"] = [L["Users.Error.GlobalNoScope", role]];
                }
                break;
        }
        return (role, country, region);
    }

    private async Task EnsureRoleAsync(string role)
    {
        if (!await roles.RoleExistsAsync(role))
        {
            await roles.CreateAsync(new IdentityRole(role));
        }
    }
}
