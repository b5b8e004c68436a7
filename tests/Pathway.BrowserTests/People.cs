using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OtpNet;
using Pathway.Web.Accounts;
using static Microsoft.Playwright.Assertions;

namespace Pathway.BrowserTests;

/// <summary>Someone a journey signs in as; <see cref="AuthenticatorKey"/> when their role signs in with two factors.</summary>
internal sealed record Person(string Email, string Password, string Name, string? AuthenticatorKey = null);

/// <summary>The people of the journeys: accounts made as an administrator makes them, and signing in as a person does.</summary>
internal static class People
{
    public static async Task<Person> CreateAsync(PathwayServer server, string role, string? country, string? region, string name)
    {
        var person = new Person($"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.org", $"Journey-Password-{Guid.NewGuid():N}-9", name);
        await using var scope = server.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<UserAdministration>()
            .CreateAsync(new NewUser(person.Email, person.Password, role, country, region, name), TestContext.Current.CancellationToken);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.SelectMany(pair => pair.Value)));
        if (!Pathway.Web.Accounts.SignIn.TwoFactorRule.IsRequiredFor(role))
        {
            return person;
        }
        // Reviewers sign in with two factors: enrolled here as the setup page would (SignInJourneys walks that page).
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PathwayUser>>();
        var account = (await users.FindByEmailAsync(person.Email))!;
        await users.ResetAuthenticatorKeyAsync(account);
        await users.SetTwoFactorEnabledAsync(account, true);
        return person with { AuthenticatorKey = await users.GetAuthenticatorKeyAsync(account) };
    }

    /// <summary>Opens the sign-in page and signs in; see <see cref="SubmitSignInAsync"/>.</summary>
    public static async Task SignInAsync(IPage page, Person person)
    {
        await page.GotoAsync("/account/login");
        await SubmitSignInAsync(page, person);
    }

    /// <summary>
    /// Signs in from the sign-in page the browser is on, with the two-factor step when the person has one.
    /// Fields are found by id, so it works in every language; <paramref name="check"/> sees each step's page.
    /// </summary>
    public static async Task SubmitSignInAsync(IPage page, Person person, Func<IPage, string, Task>? check = null)
    {
        await page.Locator("#email").FillAsync(person.Email);
        await page.Locator("#password").FillAsync(person.Password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        if (person.AuthenticatorKey is { } key)
        {
            await Expect(page.Locator("#code")).ToBeVisibleAsync();
            if (check is not null)
            {
                await check(page, "the two-factor step of signing in");
            }
            await page.Locator("#code").FillAsync(new Totp(Base32Encoding.ToBytes(key)).ComputeTotp());
            await page.Locator("main form button[type=submit]").ClickAsync();
        }
        await Expect(page.Locator("form[action='/account/logout']")).ToHaveCountAsync(1);
    }
}
