using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OtpNet;
using static Microsoft.Playwright.Assertions;

namespace Pathway.BrowserTests;

/// <summary>Signing in and out with an account made on the command line.</summary>
public sealed class SignInJourneys(BrowserFixture fixture) : BrowserTest(fixture), IClassFixture<BrowserFixture>
{
    [Fact]
    public Task User_created_on_the_command_line_signs_in() => JourneyAsync(async page =>
    {
        var account = await CommandLine.AddUserAsync(Fixture.Server, "Administrator");

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sign in");
        await SignInAsync(page, account.Email, account.Password);

        // An administrator needs two-factor sign-in: the first sign-in leads to setting it up, and nowhere else.
        await Expect(page).ToHaveURLAsync(new Regex("/account/two-factor$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Two-factor sign-in");
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "QR code of the authenticator key" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the two-factor setup page");
        await page.GotoAsync("/admin/users");
        await Expect(page).ToHaveURLAsync(new Regex("/account/two-factor$"));
        var key = (await page.Locator("#authenticator-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        await page.GetByLabel("Enter the six-digit code the app shows").FillAsync(new Totp(Base32Encoding.ToBytes(key)).ComputeTotp());
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your recovery codes" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Listitem).Filter(new() { HasTextRegex = new Regex("^[A-Z0-9]{5}-[A-Z0-9]{5}$") })).ToHaveCountAsync(10);
        await page.GetByRole(AriaRole.Link, new() { Name = "Continue" }).ClickAsync();

        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" });
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true })).ToHaveCountAsync(0);
        var users = navigation.GetByRole(AriaRole.Link, new() { Name = "Users", Exact = true });
        await Expect(users).ToBeVisibleAsync();

        await users.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/admin/users$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Users");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = account.Email, Exact = true }) });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.GetByRole(AriaRole.Cell, new() { Name = "Administrator", Exact = true })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the users page");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToHaveCountAsync(0);
        await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Users", Exact = true })).ToHaveCountAsync(0);
    });

    [Fact]
    public Task Wrong_password_shows_the_generic_error() => JourneyAsync(async page =>
    {
        var account = await CommandLine.AddUserAsync(Fixture.Server, "Administrator");

        await page.GotoAsync("/account/login");
        await SignInAsync(page, account.Email, account.Password + "-wrong");

        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(
            "The e-mail address or password is not correct, or the account is locked for a while after repeated failures.");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the sign-in page after a wrong password");

        // The e-mail address stays filled in; the password is never sent back in the page.
        await Expect(page.GetByLabel("E-mail address", new() { Exact = true })).ToHaveValueAsync(account.Email);
        await Expect(page.GetByLabel("Password", new() { Exact = true })).ToHaveValueAsync("");
    });

    [Fact]
    public Task Sign_in_page_reads_right_to_left_in_Arabic() => JourneyAsync(async page =>
    {
        await page.GotoAsync("/account/login?culture=ar");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("تسجيل الدخول");
        await Expect(page.GetByLabel("البريد الإلكتروني", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("كلمة المرور", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "تسجيل الدخول" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the sign-in page in Arabic");
    });

    private static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GetByLabel("E-mail address", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }
}
