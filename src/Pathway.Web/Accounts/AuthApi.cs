using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Pathway.Web.Accounts.Events;
using Pathway.Web.Accounts.SignIn;

namespace Pathway.Web.Accounts;

/// <summary>API sign-in; <paramref name="TwoFactorCode"/> is the authenticator app's six digits or a recovery code.</summary>
public sealed record LoginRequest(
    [property: Required, StringLength(256)] string Email,
    [property: Required, StringLength(200)] string Password,
    [property: StringLength(40)] string? TwoFactorCode = null);

/// <summary>A bearer token and its lifetime in seconds. There is no refresh token: sign in again when it expires.</summary>
public sealed record BearerTokenResponse(string TokenType, string AccessToken, long ExpiresIn);

/// <summary>API sign-in: e-mail, password and (when the account has it) a two-factor code in, a bearer token out.</summary>
public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder routes)
    {
        var auth = routes.MapGroup("/api/auth").WithTags("Accounts");
        auth.MapPost("/login", Login).WithName("Login").AllowAnonymous()
            .WithSummary("Exchange e-mail, password and two-factor code for a bearer token.")
            .WithDescription("Returns {tokenType: \"Bearer\", accessToken, expiresIn}. Send the token as 'Authorization: Bearer <accessToken>'. " +
                "Accounts with two-factor sign-in also send twoFactorCode (six digits from the authenticator app, or a recovery code). " +
                "The token stops working when the account's password, lock, role, scope or two-factor setting changes, or on sign-out. " +
                "There is no refresh token: sign in again after expiresIn seconds. Repeated failures from one client refuse that client for a while.");
        auth.MapPost("/logout", Logout).WithName("Logout").RequireAuthorization(Policies.ApiUser)
            .WithSummary("Ends every session of the account (tokens and cookies).");
        return routes;
    }

    /// <summary>
    /// One generic failure for a wrong password, an unknown e-mail and a locked account alike, so the
    /// answer never tells whether an account exists. Only after a correct password does the answer
    /// say that a two-factor code is missing or wrong.
    /// </summary>
    public static async Task<Results<Ok<BearerTokenResponse>, ProblemHttpResult>> Login(
        LoginRequest request, PasswordGate gate, UserManager<PathwayUser> users, SignInManager<PathwayUser> signIn,
        AccountLog log, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock, CancellationToken cancellationToken)
    {
        var check = await gate.CheckAsync(request.Email, request.Password, cancellationToken);
        if (check.User is not { } user)
        {
            return TypedResults.Problem(
                title: "Sign-in failed",
                detail: "The e-mail address or password is not correct, or the account is locked for a while after repeated failures.",
                statusCode: StatusCodes.Status401Unauthorized);
        }
        var method = AccountEventDetail.ApiPassword;
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            var code = TwoFactorCodes.Normalize(request.TwoFactorCode);
            if (code.Length == 0)
            {
                return TwoFactorProblem("Two-factor code required",
                    "This account signs in with a second factor: send twoFactorCode, the six digits from the authenticator app or a recovery code.");
            }
            var viaApp = TwoFactorCodes.IsAuthenticatorCode(code);
            var valid = viaApp
                ? await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code)
                : (await users.RedeemTwoFactorRecoveryCodeAsync(user, code)).Succeeded;
            if (!valid)
            {
                await users.AccessFailedAsync(user);
                await log.RecordAsync(user, await users.IsLockedOutAsync(user) ? AccountEventKind.LockedOut : AccountEventKind.SignInFailed,
                    AccountEventDetail.ApiWrongTwoFactorCode, cancellationToken);
                return TwoFactorProblem("Two-factor code not accepted", "The two-factor code is not correct or has expired.");
            }
            if (!viaApp)
            {
                await log.RecordAsync(user, AccountEventKind.RecoveryCodeUsed, AccountEventDetail.Api, cancellationToken);
            }
            await users.ResetAccessFailedCountAsync(user);
            method = viaApp ? AccountEventDetail.ApiPasswordAndAuthenticator : AccountEventDetail.ApiPasswordAndRecoveryCode;
        }
        else if (TwoFactorRule.IsRequiredFor((await users.GetRolesAsync(user)).FirstOrDefault()))
        {
            return TypedResults.Problem(
                title: "Two-factor sign-in not set up",
                detail: "This role signs in with a second factor. Sign in on the site once to set up an authenticator app, then use the API.",
                statusCode: StatusCodes.Status403Forbidden);
        }

        var options = bearer.Get(IdentityConstants.BearerScheme);
        var principal = await signIn.CreateUserPrincipalAsync(user);
        var now = clock.GetUtcNow();
        var ticket = new AuthenticationTicket(principal,
            new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + options.BearerTokenExpiration },
            IdentityConstants.BearerScheme);
        await log.RecordAsync(user, AccountEventKind.SignedIn, method, cancellationToken);
        return TypedResults.Ok(new BearerTokenResponse("Bearer", options.BearerTokenProtector.Protect(ticket),
            (long)options.BearerTokenExpiration.TotalSeconds));
    }

    /// <summary>Renews the security stamp, which ends this token and every other session of the account at once.</summary>
    public static async Task<NoContent> Logout(HttpContext context, UserManager<PathwayUser> users, AccountLog log)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await users.GetUserAsync(context.User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
            await log.RecordAsync(user, AccountEventKind.SignedOut, AccountEventDetail.Api);
        }
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult TwoFactorProblem(string title, string detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status401Unauthorized,
            extensions: new Dictionary<string, object?> { ["twoFactorRequired"] = true });
}
