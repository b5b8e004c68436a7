using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Pathway.Web.Accounts;
using Pathway.Web.Data;

namespace Pathway.Web.Reports.Demo;

/// <summary>A demonstration account as the loader acts for it.</summary>
internal sealed record DemoAccount(DemoPerson Person, string Id, ClaimsPrincipal Principal);

/// <summary>
/// The demonstration accounts: made without a password and locked for good, so nobody can sign in as
/// them; their e-mail addresses are on example.org and their names say they are fictional. The loader
/// acts for them through <see cref="CurrentUser.ActAs"/>, so every service checks their rights as it would
/// a person's.
/// </summary>
internal sealed class DemoPeople(IServiceProvider services, TimeProvider clock)
{
    private readonly Dictionary<string, DemoAccount> accounts = new(StringComparer.Ordinal);

    public DemoAccount Reviewer => accounts[DemoScript.Reviewer.Email];

    public DemoAccount Of(string iso3, string key) => accounts[DemoScript.PeopleOf(iso3).Single(person => person.Key == key).Email];

    /// <summary>Every demonstration e-mail address the script knows.</summary>
    public static IReadOnlyList<string> AllEmails =>
        [DemoScript.Reviewer.Email, .. DemoScript.Countries.SelectMany(country => DemoScript.PeopleOf(country.Iso3)).Select(person => person.Email)];

    /// <summary>Creates the accounts that do not exist yet and reads every one's claims.</summary>
    public async Task EnsureAsync()
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PathwayUser>>();
        var claims = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PathwayUser>>();
        var people = DemoScript.Countries.SelectMany(country => DemoScript.PeopleOf(country.Iso3).Select(person => (person, (string?)country.Iso3)))
            .Prepend((DemoScript.Reviewer, null));
        foreach (var (person, iso3) in people)
        {
            var user = await users.FindByEmailAsync(person.Email);
            if (user is null)
            {
                user = new PathwayUser
                {
                    UserName = person.Email,
                    Email = person.Email,
                    EmailConfirmed = true,
                    DisplayName = person.DisplayName,
                    CountryIso3 = iso3,
                    CreatedAt = clock.GetUtcNow(),
                    NoticeEmailsOff = true,
                    LockoutEnabled = true,
                    LockoutEnd = DateTimeOffset.MaxValue,
                };
                Check(await users.CreateAsync(user), person);
                Check(await users.AddToRoleAsync(user, person.Role), person);
            }
            else if (user.PasswordHash is not null)
            {
                throw new InvalidOperationException($"{person.Email} is a real account (it has a password); the demonstration data will not use it.");
            }
            accounts[person.Email] = new DemoAccount(person, user.Id, await claims.CreateAsync(user));
        }
    }

    /// <summary>A scope whose services act for <paramref name="account"/>, as a request by that person would.</summary>
    public AsyncServiceScope Act(DemoAccount account)
    {
        var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(account.Principal);
        return scope;
    }

    /// <summary>
    /// The demonstration accounts that exist: those with a script's address and no password (a real account
    /// that happens to use such an address is never taken for one).
    /// </summary>
    public static Task<List<string>> ExistingIdsAsync(PathwayDb db, CancellationToken cancellationToken)
    {
        var emails = AllEmails.Select(email => email.ToUpperInvariant()).ToList();
        return db.Users.Where(user => emails.Contains(user.NormalizedEmail!) && user.PasswordHash == null)
            .Select(user => user.Id).ToListAsync(cancellationToken);
    }

    private static void Check(IdentityResult result, DemoPerson person)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create the demonstration account {person.Email}: " +
                string.Join("; ", result.Errors.Select(error => error.Description)));
        }
    }
}
